// The limits on what one GraphQL document may ask for, checked statically: each
// limit refuses a document that crosses only it with its own code, the cost of a
// document is computed in time linear in its size (the fragment fan-out that used to
// walk 2^n paths), and the operations our own clients send stay well under every limit.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  getIntrospectionQuery,
  buildSchema,
  getNamedType,
  graphql,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_LIMITS, SCAN_COST } from '../../src/graphql/operation-limits.js';
import { checkOperationLimits } from '../../src/graphql/operation-limits.rule.js';
import { measureOperation } from '../../src/graphql/operation-measure.js';
import { sizeModel } from '../../src/graphql/response-size.js';
import { buildGraphQLSchema } from '../../src/graphql/schema.js';
import { TICKET_DESCRIPTION_MAX } from '../../src/tickets/ticket.enums.js';
import { GRAPHQL_PAGE_SIZE } from '../../src/tickets/ticket-query.js';
import { fanOut, repeat } from './documents.js';

const WEB = resolve(import.meta.dirname, '../../../web/src');
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphQLSchema();
});

function codes(source: string): unknown[] {
  return checkOperationLimits(schema, parse(source, { maxTokens: OPERATION_LIMITS.maxTokens })).map((e) => e.extensions.code);
}

function operationOf(document: DocumentNode): OperationDefinitionNode {
  return document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
}

/**
 * The document with every selection set wrapped so that reading its `selections`
 * is counted; past `budget` reads it throws, so an exponential walk fails at once
 * instead of blocking the test for hours.
 */
function countingSelections(document: DocumentNode, budget: number): { document: DocumentNode; reads: () => number } {
  let reads = 0;
  const wrap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(wrap);
    if (value === null || typeof value !== 'object') return value;
    const copy = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrap(v)]));
    if ((value as { kind?: string }).kind !== Kind.SELECTION_SET) return copy;
    return new Proxy(copy, {
      get(target, key, receiver) {
        if (key === 'selections' && ++reads > budget) throw new Error(`more than ${budget} reads of a selection set`);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  };
  return { document: wrap(parse(print(document), { noLocation: true })) as DocumentNode, reads: () => reads };
}

function selectionSetCount(document: DocumentNode): number {
  return (print(document).match(/\{/g) ?? []).length;
}

describe('fragment fan-out', () => {
  // Each fragment spreads the next one twice: 2^levels paths from about 40·levels bytes.
  it.each([10, 26, 40, 45])('measures the %i-level fan-out reading each selection set a bounded number of times', (levels) => {
    const document = parse(fanOut(levels), { maxTokens: OPERATION_LIMITS.maxTokens });
    const sets = selectionSetCount(document);
    const counted = countingSelections(document, 1_000 * sets);
    expect(checkOperationLimits(schema, counted.document).map((e) => e.extensions.code)).toContain('TOO_MANY_FIELDS');
    expect(counted.reads()).toBeLessThanOrEqual(10 * sets);
  });

  it('lets graphql-js validate a fan-out within the limits in linear time too', () => {
    // 2^8 = 256 fields, under the limit.
    const source = fanOut(8, { on: 'TicketStats', leaf: 'totalTickets', root: (spread) => `stats { ${spread} }` });
    const document = parse(source, { maxTokens: OPERATION_LIMITS.maxTokens });
    const sets = selectionSetCount(document);
    const counted = countingSelections(document, 1_000 * sets);
    expect(checkOperationLimits(schema, counted.document)).toEqual([]);
    expect(validate(schema, counted.document, specifiedRules)).toEqual([]);
    expect(counted.reads()).toBeLessThanOrEqual(50 * sets);
  });

  it('counts a fragment once per spread, so the fan-out is measured exactly', () => {
    const document = parse(fanOut(40));
    expect(measureOperation(schema, document, operationOf(document)).fields).toBe(2 ** 40);
  });
});

/** `{ stats { … } }` with `n` fields in all, through a fragment so that it stays under the token limit. */
function manyFields(n: number): string {
  const PER_FRAGMENT = 24;
  const spreads = Math.floor((n - 1) / PER_FRAGMENT);
  const rest = n - 1 - spreads * PER_FRAGMENT;
  return `{ stats { ${repeat(spreads, () => '...T')} ${repeat(rest, () => 'totalTickets')} } }
    fragment T on TicketStats { ${repeat(PER_FRAGMENT, () => 'totalTickets')} }`;
}

describe('each limit refuses with its own code and names the limit', () => {
  const cases: [string, string, string, Record<string, number>][] = [
    [
      'aliases',
      `{ stats { ${repeat(OPERATION_LIMITS.maxAliases + 1, (i) => `a${i}: totalTickets`)} } }`,
      'TOO_MANY_ALIASES',
      { maxAliases: OPERATION_LIMITS.maxAliases },
    ],
    [
      'root fields',
      `{ ${repeat(OPERATION_LIMITS.maxRootFields + 1, () => '__typename')} }`,
      'TOO_MANY_ROOT_FIELDS',
      { maxRootFields: OPERATION_LIMITS.maxRootFields },
    ],
    ['fields', manyFields(OPERATION_LIMITS.maxFields + 1), 'TOO_MANY_FIELDS', { maxFields: OPERATION_LIMITS.maxFields }],
    [
      'depth',
      `{ __schema { types { ${'ofType { '.repeat(OPERATION_LIMITS.maxDepth)} name ${'} '.repeat(OPERATION_LIMITS.maxDepth)} } } }`,
      'OPERATION_TOO_DEEP',
      { maxDepth: OPERATION_LIMITS.maxDepth },
    ],
    [
      // Each tickets() and each count is a database query.
      'database cost',
      `{ ${repeat(9, (i) => `t${i}: tickets { totalCount }`)} s: stats { ${repeat(8, (i) => `d${i}: ticketsPerDay { count }`)} } }`,
      'OPERATION_TOO_COSTLY',
      { maxCost: OPERATION_LIMITS.maxCost },
    ],
    [
      'response size',
      `{ ${repeat(3, (i) => `t${i}: tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { nodes { description } }`)} }`,
      'RESPONSE_TOO_LARGE',
      { maxResponseSize: OPERATION_LIMITS.maxResponseSize },
    ],
  ];

  it.each(cases)('%s', (_name, source, code, limit) => {
    const errors = checkOperationLimits(schema, parse(source, { maxTokens: OPERATION_LIMITS.maxTokens }));
    expect(errors.map((e) => e.extensions.code)).toEqual([code]);
    expect(errors[0]!.extensions).toMatchObject(limit);
  });

  it('lets each limit be reached exactly', () => {
    expect(codes(`{ stats { ${repeat(OPERATION_LIMITS.maxAliases, (i) => `a${i}: totalTickets`)} } }`)).toEqual([]);
    expect(codes(`{ ${repeat(OPERATION_LIMITS.maxRootFields, () => '__typename')} }`)).toEqual([]);
    expect(codes(manyFields(OPERATION_LIMITS.maxFields))).toEqual([]);
    expect(
      codes(
        `{ t0: tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { nodes { description } } t1: tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { nodes { description } } }`,
      ),
    ).toEqual([]);
  });

  it("refuses the issue's alias amplification: 150 aliases of a page of descriptions", () => {
    // As the issue wrote it, the document is refused for its aliases and its response size…
    const literal = `{ tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { ${repeat(150, (i) => `a${i}: nodes { description }`)} } }`;
    expect(codes(literal)).toEqual(['TOO_MANY_ALIASES', 'RESPONSE_TOO_LARGE']);
    // …longer still, it is past the token limit, where the parser stops…
    const longer = `{ tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { ${repeat(250, (i) => `a${i}: nodes { description }`)} } }`;
    expect(() => parse(longer, { maxTokens: OPERATION_LIMITS.maxTokens })).toThrow(/tokens/);
    // …and spread from a fragment, it is refused for its aliases and its response size.
    const compact = `{ tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { ${repeat(150, () => '...N')} } } fragment N on TicketConnection { a: nodes { description } }`;
    expect(codes(compact)).toEqual(['TOO_MANY_ALIASES', 'RESPONSE_TOO_LARGE']);
  });

  it('counts a page size given by a variable at its maximum, and an absent one at its default', () => {
    const measure = (source: string) => {
      const document = parse(source);
      return measureOperation(schema, document, operationOf(document)).responseSize;
    };
    const byVariable = measure('query($n: Int) { tickets(first: $n) { nodes { description } } }');
    expect(byVariable).toBeGreaterThan(GRAPHQL_PAGE_SIZE.max * TICKET_DESCRIPTION_MAX);
    expect(byVariable).toBe(measure(`{ tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { nodes { description } } }`));
    expect(measure('{ tickets { nodes { description } } }')).toBeLessThan(byVariable / 2);
  });
});

describe('the database cost of a field depends on its arguments', () => {
  const cost = (source: string) => {
    const document = parse(source);
    return measureOperation(schema, document, operationOf(document)).cost;
  };
  // The review's documents: under every other limit, each alias reads rows chosen by a
  // search or a created-at range (3.4 s for the first on PGlite at 30k tickets).
  const shortSearches = `{ ${repeat(10, (i) => `a${i}: tickets(first: ${GRAPHQL_PAGE_SIZE.max}, search: "qa") { totalCount totalCountIsExact nodes { id } }`)} }`;
  const rangedStats = `{ ${repeat(10, (i) => `s${i}: stats(filter: { createdAfter: "2000-01-01T00:00:00Z" }) { totalTickets ticketsPerDay(days: 366) { day count } }`)} }`;

  it('refuses ten searched lists, or ten statistics over a created-at range, for their cost alone', () => {
    expect(codes(shortSearches)).toEqual(['OPERATION_TOO_COSTLY']);
    expect(codes(rangedStats)).toEqual(['OPERATION_TOO_COSTLY']);
    // The same lists without a search are cheap.
    expect(codes(shortSearches.replaceAll(', search: "qa"', ''))).toEqual([]);
  });

  it('lets an operation run two searched lists with their counts, not three', () => {
    const lists = (n: number, search: string) => `{ ${repeat(n, (i) => `a${i}: tickets(search: ${search}) { totalCount nodes { id } }`)} }`;
    expect(codes(lists(2, '"refund"'))).toEqual([]);
    expect(codes(lists(3, '"refund"'))).toEqual(['OPERATION_TOO_COSTLY']);
    // A variable may hold any search, and a filter given whole as a variable any range.
    expect(codes(`query($s: String) ${lists(3, '$s')}`)).toEqual(['OPERATION_TOO_COSTLY']);
    expect(codes(`query($f: TicketFilter) { ${repeat(3, (i) => `a${i}: stats(filter: $f) { totalTickets }`)} }`)).toEqual([
      'OPERATION_TOO_COSTLY',
    ]);
    expect(codes(`query($d: DateTimeISO) { ${repeat(3, (i) => `a${i}: stats(filter: { createdBefore: $d }) { totalTickets }`)} }`)).toEqual(
      ['OPERATION_TOO_COSTLY'],
    );
  });

  it('counts a list without search terms or created-at range as one query', () => {
    expect(cost('{ tickets(search: "  ") { nodes { id } } }')).toBe(1);
    expect(cost('{ tickets(search: null, filter: { categories: [BILLING], createdAfter: null }) { nodes { id } } }')).toBe(1);
    expect(cost('{ stats(filter: { statuses: [OPEN] }) { totalTickets } }')).toBe(1);
    expect(cost('{ tickets(search: "refund") { nodes { id } } }')).toBe(SCAN_COST);
    expect(cost('{ stats(filter: { createdAfter: "2024-01-01T00:00:00Z" }) { totalTickets } }')).toBe(SCAN_COST);
  });

  it('counts the history and the notes of a ticket list as one query each, as their loader runs them', () => {
    const entries = 'history(first: 5) { nodes { id note { body } } } notes(first: 5) { nodes { body } }';
    expect(cost(`{ tickets(first: 100) { nodes { id ${entries} } } }`)).toBe(3);
    expect(cost(`{ ticket(id: "1") { ${entries} } }`)).toBe(3);
    expect(cost('mutation { addTicketNote(ticketId: "1", input: { body: "x" }) { note { id } userErrors { code } } }')).toBe(1);
  });
});

describe('the response-size model', () => {
  it('knows a bound for every text, scalar and list of our schema', () => {
    const model = sizeModel(schema);
    const field: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'any' } };
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const f of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${f.name}`;
        const named = getNamedType(f.type);
        if (isScalarType(named) && !Number.isFinite(model.scalarSize(coordinate, named.name))) unbounded.push(coordinate);
        const inner = isNonNullType(f.type) ? f.type.ofType : f.type;
        if (isListType(inner) && !Number.isFinite(model.listLength(coordinate, field, 25))) unbounded.push(coordinate);
      }
    }
    expect(unbounded).toEqual([]);
  });

  it("bounds the bytes of introspection's answer, whose descriptions are not all ASCII", async () => {
    const source = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true });
    const result = await graphql({ schema, source });
    expect(result.errors).toBeUndefined();
    const document = parse(source);
    const estimate = measureOperation(schema, document, operationOf(document)).responseSize;
    expect(Buffer.byteLength(JSON.stringify(result.data))).toBeLessThanOrEqual(estimate);
    // A schema whose descriptions are all astral characters and escapes.
    const wide = buildSchema(`"""${'\u{1F600}"\\ '.repeat(1_000)}""" type Query { a: Int }`);
    const texts = '{ __schema { description types { name description } } }';
    const answer = await graphql({ schema: wide, source: texts });
    expect(answer.errors).toBeUndefined();
    const measured = measureOperation(wide, parse(texts), operationOf(parse(texts))).responseSize;
    expect(Buffer.byteLength(JSON.stringify(answer.data))).toBeLessThanOrEqual(measured);
  });
});

describe('documents past the token limit', () => {
  it('are refused by the parser, before any validation', () => {
    expect(() =>
      parse(`{ stats { ${repeat(OPERATION_LIMITS.maxTokens, () => 'totalTickets')} } }`, { maxTokens: OPERATION_LIMITS.maxTokens }),
    ).toThrow(/tokens/);
  });
});

/**
 * The document as Apollo Client sends it: client-only directives removed (its
 * QueryManager's `serverQuery`) and `__typename` added to every selection set but the
 * operation's root (InMemoryCache's document transform).
 */
function asApolloClientSends(document: DocumentNode): DocumentNode {
  const CLIENT_ONLY = new Set(['client', 'connection', 'nonreactive', 'unmask']);
  const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
  return visit(document, {
    Directive: (node) => (CLIENT_ONLY.has(node.name.value) ? null : undefined),
    SelectionSet: (node, _key, parent) => {
      if ((parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION) return undefined;
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
      return { ...node, selections: [...node.selections, TYPENAME] };
    },
  });
}

describe('the operations our own clients send stay well under every limit', () => {
  async function webDocuments(): Promise<[string, DocumentNode][]> {
    // Imported by path: the web sources are outside the server's TypeScript project.
    const generated = (await import(pathToFileURL(resolve(WEB, 'gql/graphql.ts')).href)) as Record<string, unknown>;
    return Object.entries(generated)
      .filter(
        (entry): entry is [string, DocumentNode] =>
          entry[0].endsWith('Document') && (entry[1] as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION),
      )
      .map(([name, document]) => [name, asApolloClientSends(document)]);
  }

  async function playgroundExamples(): Promise<[string, DocumentNode][]> {
    const { EXAMPLE_TABS } = (await import(pathToFileURL(resolve(WEB, 'playground/examples.ts')).href)) as {
      EXAMPLE_TABS: { title: string; query: string }[];
    };
    return EXAMPLE_TABS.map((tab) => [`playground: ${tab.title}`, parse(tab.query)]);
  }

  const introspection = (): [string, DocumentNode][] => [
    ['introspection (graphql defaults)', parse(getIntrospectionQuery())],
    [
      'introspection (every option, as GraphiQL may ask)',
      parse(
        getIntrospectionQuery({
          descriptions: true,
          specifiedByUrl: true,
          directiveIsRepeatable: true,
          schemaDescription: true,
          inputValueDeprecation: true,
          oneOf: true,
        }),
      ),
    ],
  ];

  it("finds the web app's operations and the playground's examples", async () => {
    expect((await webDocuments()).map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'DashboardPageDocument',
        'TicketsPageDocument',
        'TicketDetailPageDocument',
        'CreateTicketDocument',
        'UpdateTicketDocument',
      ]),
    );
    expect((await playgroundExamples()).length).toBeGreaterThan(0);
  });

  it("passes every limit and graphql-js's validation, each measure at most half its limit", async () => {
    for (const [name, document] of [...(await webDocuments()), ...(await playgroundExamples()), ...introspection()]) {
      const source = print(document);
      expect(() => parse(source, { maxTokens: OPERATION_LIMITS.maxTokens / 2 }), name).not.toThrow();
      expect(
        checkOperationLimits(schema, parse(source)).map((e) => e.message),
        name,
      ).toEqual([]);
      expect(
        validate(schema, parse(source), specifiedRules).map((e) => e.message),
        name,
      ).toEqual([]);
      const m = measureOperation(schema, document, operationOf(document));
      expect(m.aliases, name).toBeLessThanOrEqual(OPERATION_LIMITS.maxAliases / 2);
      expect(m.rootFields, name).toBeLessThanOrEqual(OPERATION_LIMITS.maxRootFields / 2);
      expect(m.fields, name).toBeLessThanOrEqual(OPERATION_LIMITS.maxFields / 2);
      expect(m.depth, name).toBeLessThanOrEqual(OPERATION_LIMITS.maxDepth / 2);
      expect(m.cost, name).toBeLessThanOrEqual(OPERATION_LIMITS.maxCost / 2);
      expect(m.responseSize, name).toBeLessThanOrEqual(OPERATION_LIMITS.maxResponseSize / 2);
    }
  });
});
