// Property-based fuzzing of both APIs against a seeded database: generated GraphQL
// documents (schema-driven, with aliases, fragments, nesting and arguments of every
// kind, valid or not) and generated REST requests (methods, paths, parameters,
// bodies and content types). Whatever arrives, the server answers with a non-5xx
// status, within a size bound and a time bound. Bounded in runs and in total time;
// a failure prints fast-check's seed and path, and FUZZ_SEED=<seed> replays it.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, expect, it } from 'vitest';
import { createTickets } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';

// What no answer may exceed. Generous against a loaded 2-core CI machine: a hang or
// an amplified response is orders of magnitude past them.
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
const MAX_REQUEST_MS = 5_000;
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const TIME_LIMIT_MS = 45_000;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const CATEGORIES = ['billing', 'technical', 'account', 'general'];
const PRIORITIES = ['low', 'medium', 'high', 'critical'];
const STATUSES = ['open', 'in_progress', 'resolved', 'closed'];

// Strings that have broken parsers before: empties, blanks, format characters, lone
// surrogates, SQL and LIKE metacharacters, huge numbers, dates out of range.
const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u200b\u200b',
    '\ud800',
    'a\udfffb',
    '%',
    '_',
    "'; drop table tickets; --",
    '\\',
    '0000-01-01T00:00:00Z',
    '99999-01-01T00:00:00Z',
    '2024-02-30',
    '1e309',
    '-1',
    '2147483648',
    'null',
    'NaN',
    '💳💳💳',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 190, maxLength: 260 }),
);
const weirdJson: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 4 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 4 }),
);

// ---- GraphQL documents, generated from the schema ---------------------------

type Gen = fc.GeneratorValue;

function inputLiteral(g: Gen, type: GraphQLInputType, depth: number): string {
  if (g(fc.integer, { min: 0, max: 14 }) === 0) return g(fc.constantFrom, 'null', '"x"', '5', '[1,2]', '{a: 1}', 'true');
  if (isNonNullType(type)) return inputLiteral(g, type.ofType, depth);
  if (isListType(type)) {
    const n = g(fc.integer, { min: 0, max: 3 });
    return `[${Array.from({ length: n }, () => inputLiteral(g, type.ofType, depth + 1)).join(', ')}]`;
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return g(fc.boolean) ? g(fc.constantFrom, ...values) : g(fc.constantFrom, 'NOPE', 'billing', '"OPEN"');
  }
  if (isInputObjectType(type)) {
    if (depth > 2) return '{}';
    const fields = Object.values(type.getFields()).filter(() => g(fc.boolean));
    return `{${fields.map((f) => `${f.name}: ${inputLiteral(g, f.type, depth + 1)}`).join(', ')}}`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return String(g(() => fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom(2147483647, -2147483648, 100, 101, 0))));
      case 'Float':
        return String(g(fc.double, { noNaN: true, noDefaultInfinity: true }));
      case 'Boolean':
        return String(g(fc.boolean));
      default:
        return JSON.stringify(g(() => nastyString));
    }
  }
  return 'null';
}

function argumentList(g: Gen, args: readonly GraphQLArgument[]): string {
  const chosen = args.filter((a) => isNonNullType(a.type) || g(fc.boolean));
  if (chosen.length === 0) return '';
  return `(${chosen.map((a) => `${a.name}: ${inputLiteral(g, a.type, 0)}`).join(', ')})`;
}

function selectionSet(g: Gen, type: GraphQLObjectType, depth: number, fragments: string[]): string {
  const fields = Object.values(type.getFields());
  const count = g(fc.integer, { min: 1, max: 4 });
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) {
    // An index, not the field itself: fc.gen compares its arguments, and fields are cyclic.
    const field = fields[g(fc.integer, { min: 0, max: fields.length - 1 })]!;
    const named = getNamedType(field.type);
    // Sometimes many aliases of the same field: the amplification attack.
    let body = '';
    if (isObjectType(named)) {
      if (depth >= 4) continue;
      body = ` { ${selectionSet(g, named, depth + 1, fragments)} }`;
    }
    // Sometimes hundreds of aliases (the amplification attack), but never so many that the
    // document itself passes the body limit: that would test only the 413.
    const many = Math.max(5, Math.min(400, Math.floor(50_000 / (body.length + field.name.length + 10))));
    const aliases = g(() => fc.oneof(fc.constant(1), fc.constant(1), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 5, max: many })));
    const args = argumentList(g, field.args);
    for (let a = 0; a < aliases; a += 1) parts.push(`${aliases > 1 ? `a${i}_${a}: ` : ''}${field.name}${args}${body}`);
  }
  if (fragments.length > 0 && g(fc.integer, { min: 0, max: 3 }) === 0) parts.push(`...${g(fc.constantFrom, ...fragments)}`);
  if (g(fc.integer, { min: 0, max: 6 }) === 0) parts.push(g(fc.constantFrom, 'nope', '__typename', 'tickets { nope }'));
  return parts.join(' ') || '__typename';
}

/** Fragments on Query that each spread the next one `width` times: the fan-out attack. */
function fanOutFragments(levels: number, width: number, leaf: string): string {
  const defs = [];
  for (let i = 0; i < levels; i += 1)
    defs.push(
      `fragment F${i} on Query { ${Array(width)
        .fill(`...F${i + 1}`)
        .join(' ')} }`,
    );
  defs.push(`fragment F${levels} on Query { ${leaf} }`);
  return defs.join('\n');
}

function graphqlDocument(g: Gen, schema: GraphQLSchema): string {
  const kind = g(fc.integer, { min: 0, max: 10 });
  if (kind === 10) {
    // Aliases of a text field inside a list: the amplification attack.
    const n = g(fc.integer, { min: 1, max: 400 });
    const first = g(fc.integer, { min: 1, max: 100 });
    return `{ tickets(first: ${first}) { ${Array.from({ length: n }, (_, i) => `d${i}: nodes { description }`).join(' ')} } }`;
  }
  if (kind === 0) {
    const levels = g(fc.integer, { min: 2, max: 40 });
    const leaf = g(fc.constantFrom, '__typename', 'tickets { nodes { description } }', 'stats { totalTickets }');
    return `query { ...F0 }\n${fanOutFragments(levels, g(fc.integer, { min: 2, max: 3 }), leaf)}`;
  }
  if (kind === 1) return g(() => nastyString);
  const root = kind <= 7 ? schema.getQueryType()! : schema.getMutationType()!;
  const fragments: string[] = [];
  let fragmentDefs = '';
  if (g(fc.boolean)) {
    fragments.push('Q');
    fragmentDefs = `\nfragment Q on Query { ${selectionSet(g, schema.getQueryType()!, 1, [])} }`;
  }
  const op = root === schema.getQueryType() ? 'query' : 'mutation';
  const document = `${op} Fuzz { ${selectionSet(g, root, 0, op === 'query' ? fragments : [])} }${op === 'query' ? fragmentDefs : ''}`;
  // A few documents are cut or corrupted at a random place: parse errors, not crashes.
  if (g(fc.integer, { min: 0, max: 9 }) === 0) {
    const at = g(fc.integer, { min: 0, max: document.length });
    return document.slice(0, at) + g(fc.constantFrom, '', '{', '}', '"', '$x', '...', '@skip(if: $x)');
  }
  return document;
}

// ---- REST requests ------------------------------------------------------------

const restPath = fc.oneof(
  fc.constantFrom(
    '/api/tickets/',
    '/api/tickets',
    '/api/tickets/stats/',
    '/api/tickets/classify/',
    '/api/tickets/1/',
    '/api/tickets/999999/',
    '/api/tickets/0/',
    '/api/tickets/-1/',
    '/api/tickets/abc/',
    '/api/tickets/99999999999999999999/',
    '/api/schema/',
    '/graphql',
    '/readyz',
    '/api/tickets/%00/',
    '/api/tickets/%E0%A4%A/',
  ),
  fc.integer({ min: 1, max: 120 }).map((id) => `/api/tickets/${id}/`),
);
const queryParam = fc.tuple(
  fc.constantFrom('page', 'page_size', 'search', 'category', 'priority', 'status', 'format', 'ordering', 'x'),
  fc.oneof(nastyString, fc.constantFrom(...CATEGORIES, ...PRIORITIES, ...STATUSES, 'last', '0', '1', '2', '1000', '100000')),
);
const ticketBody = fc.record(
  {
    title: fc.oneof(nastyString, weirdJson),
    description: fc.oneof(nastyString, weirdJson, fc.string({ minLength: 19_990, maxLength: 20_010 })),
    category: fc.oneof(fc.constantFrom(...CATEGORIES), weirdJson),
    priority: fc.oneof(fc.constantFrom(...PRIORITIES), weirdJson),
    status: fc.oneof(fc.constantFrom(...STATUSES), weirdJson),
    suggested_category: fc.oneof(fc.constantFrom(...CATEGORIES), weirdJson),
    suggested_priority: fc.oneof(fc.constantFrom(...PRIORITIES), weirdJson),
    classification_source: fc.oneof(fc.constantFrom('gemini', 'local', 'default'), weirdJson),
    id: weirdJson,
  },
  { requiredKeys: [] },
);
const restRequest = fc.record({
  method: fc.constantFrom('GET', 'GET', 'POST', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS', 'HEAD'),
  path: restPath,
  query: fc.array(queryParam, { maxLength: 5 }),
  body: fc.oneof(
    ticketBody.map((b) => ({ type: 'application/json', payload: JSON.stringify(b) })),
    ticketBody.map((b) => ({
      type: 'application/x-www-form-urlencoded',
      payload: new URLSearchParams(
        Object.entries(b).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]),
      ).toString(),
    })),
    fc
      .tuple(fc.constantFrom('application/json', 'text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded'), nastyString)
      .map(([type, payload]) => ({ type, payload })),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ type: 'application/json', payload: Buffer.from(bytes) })),
    fc.constant(undefined),
  ),
});

describeOnDatabases(
  'fuzzing both APIs',
  (ctx) => {
    let schema: GraphQLSchema;
    beforeAll(async () => {
      // The committed contract, built with this file's own graphql module (type-graphql's
      // schema objects come from its CommonJS copy, which graphql's instanceof checks refuse).
      schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
      // Long descriptions, so that any amplification shows in the response size.
      const long = 'The invoice portal shows a wrong amount after the refund. '.repeat(300);
      await createTickets(ctx.db, 120, (i) => ({
        title: `Seeded ticket ${i}`,
        description: `${i} ${long}`,
        category: CATEGORIES[i % 4] as 'billing',
        priority: PRIORITIES[i % 4] as 'low',
        status: STATUSES[i % 4] as 'open',
      }));
    });

    const options = { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false, seed: SEED };

    async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
      const started = performance.now();
      const value = await run();
      return { value, ms: performance.now() - started };
    }

    it('answers every generated GraphQL document without a 5xx, within the size and time bounds', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.gen(),
          fc.option(fc.dictionary(fc.string({ maxLength: 5 }), weirdJson, { maxKeys: 3 })),
          async (g, variables) => {
            const query = graphqlDocument(g, schema);
            const { value: res, ms } = await timed(() =>
              ctx.http({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query, variables } }),
            );
            expect(res.statusCode, res.body.slice(0, 500)).toBeLessThan(500);
            expect(res.rawPayload.length).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
            expect(ms).toBeLessThan(MAX_REQUEST_MS);
            const body = JSON.parse(res.body) as { errors?: { extensions?: { code?: string } }[] };
            for (const error of body.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
          },
        ),
        options,
      );
    }, 120_000);

    it('answers every generated REST request without a 5xx, within the size and time bounds', async () => {
      await fc.assert(
        fc.asyncProperty(restRequest, async ({ method, path, query, body }) => {
          const search = new URLSearchParams(query.map(([k, v]) => [k, v] as [string, string])).toString();
          const { value: res, ms } = await timed(() =>
            ctx.http({
              method: method as 'GET',
              url: search ? `${path}?${search}` : path,
              ...(body && method !== 'GET' && method !== 'HEAD' ? { headers: { 'content-type': body.type }, payload: body.payload } : {}),
            }),
          );
          expect(res.statusCode, `${method} ${path}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
          expect(res.rawPayload.length).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
          expect(ms).toBeLessThan(MAX_REQUEST_MS);
        }),
        options,
      );
    }, 120_000);
  },
  { keepData: true },
);
