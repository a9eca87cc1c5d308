// The request limits through the real app: each refusal is a 400 with its own code and
// the limit, answered before execution; the issue's attacks (fragment fan-out, alias
// amplification) are refused at once while /healthz keeps answering; introspection
// (GraphiQL's) still passes; and no error suggests schema names when introspection is off.
import { getIntrospectionQuery, parse, type OperationDefinitionNode } from 'graphql';
import { expect, it } from 'vitest';
import { OPERATION_LIMITS } from '../../src/graphql/operation-limits.js';
import { measureOperation } from '../../src/graphql/operation-measure.js';
import { buildGraphQLSchema } from '../../src/graphql/schema.js';
import { TICKET_DESCRIPTION_MAX } from '../../src/tickets/ticket.enums.js';
import { GRAPHQL_PAGE_SIZE } from '../../src/tickets/ticket-query.js';
import { createTickets } from '../support/factories.js';
import { describeOnDatabases, type GraphQLResponse } from '../support/harness.js';
import { fanOut, repeat } from './documents.js';

// The issue asks for the 40-level fan-out to be refused in under 50 ms, and for
// /healthz to answer within 50 ms meanwhile; bench/src/graphql-limits.ts measures that.
// Here the bound is 20 times looser, for a loaded 2-core CI machine: the old code
// took 12 s at 26 levels and doubled with each level.
const GENEROUS_MS = 1_000;

/** Refused before execution (no `data`), among others with this code and its limit. */
function expectRefused(res: GraphQLResponse, code: string, limit: keyof typeof OPERATION_LIMITS) {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(res.errors!.map((e) => e.extensions)).toContainEqual({ code, [limit]: OPERATION_LIMITS[limit] });
}

describeOnDatabases('GraphQL request limits', (ctx) => {
  it('refuses the 40-level fragment fan-out at once', async () => {
    const started = performance.now();
    const res = await ctx.gql(fanOut(40));
    expect(performance.now() - started).toBeLessThan(GENEROUS_MS);
    expectRefused(res, 'TOO_MANY_FIELDS', 'maxFields');
  });

  it('keeps /healthz answering while fan-out documents arrive', async () => {
    const attacks = Array.from({ length: 20 }, (_, i) => ctx.gql(fanOut(40 + (i % 5))));
    const probes = Array.from({ length: 5 }, async () => {
      const started = performance.now();
      const res = await ctx.http({ method: 'GET', url: '/healthz' });
      return { status: res.statusCode, ms: performance.now() - started };
    });
    const [answers, health] = await Promise.all([Promise.all(attacks), Promise.all(probes)]);
    for (const res of answers) expectRefused(res, 'TOO_MANY_FIELDS', 'maxFields');
    for (const probe of health) {
      expect(probe.status).toBe(200);
      expect(probe.ms).toBeLessThan(GENEROUS_MS);
    }
  });

  it('refuses a fan-out below the root for its number of fields', async () => {
    const res = await ctx.gql(fanOut(12, { on: 'TicketStats', leaf: 'totalTickets', root: (spread) => `stats { ${spread} }` }));
    expectRefused(res, 'TOO_MANY_FIELDS', 'maxFields');
  });

  it("refuses the issue's alias amplification before running it", async () => {
    await createTickets(ctx.db, GRAPHQL_PAGE_SIZE.max, (i) => ({ description: `${i} `.padEnd(TICKET_DESCRIPTION_MAX, 'x') }));
    const literal = await ctx.gql(`{ tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { ${repeat(150, (i) => `a${i}: nodes { description }`)} } }`);
    expectRefused(literal, 'TOO_MANY_ALIASES', 'maxAliases');
    // Longer still, it is refused by the parser before anything is measured.
    const longer = await ctx.gql(`{ tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { ${repeat(250, (i) => `a${i}: nodes { description }`)} } }`);
    expectRefused(longer, 'DOCUMENT_TOO_LARGE', 'maxTokens');
    const compact = await ctx.gql(
      `{ tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { ${repeat(150, () => '...N')} } } fragment N on TicketConnection { a: nodes { description } }`,
    );
    expectRefused(compact, 'TOO_MANY_ALIASES', 'maxAliases');
    expectRefused(compact, 'RESPONSE_TOO_LARGE', 'maxResponseSize');
  });

  it('refuses an operation whose response could exceed the size limit, with few aliases', async () => {
    const res = await ctx.gql(`{ ${repeat(3, (i) => `t${i}: tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { nodes { description } }`)} }`);
    expectRefused(res, 'RESPONSE_TOO_LARGE', 'maxResponseSize');
  });

  it('refuses too many root fields, too deep a nesting, and too much database work, each with its code', async () => {
    expectRefused(
      await ctx.gql(`{ ${repeat(OPERATION_LIMITS.maxRootFields + 1, () => '__typename')} }`),
      'TOO_MANY_ROOT_FIELDS',
      'maxRootFields',
    );
    const depth = OPERATION_LIMITS.maxDepth;
    expectRefused(
      await ctx.gql(`{ __schema { types { ${'ofType { '.repeat(depth)} name ${'} '.repeat(depth)} } } }`),
      'OPERATION_TOO_DEEP',
      'maxDepth',
    );
    const costly = `{ ${repeat(9, (i) => `t${i}: tickets { totalCount }`)} s: stats { ${repeat(8, (i) => `d${i}: ticketsPerDay { count }`)} } }`;
    expectRefused(await ctx.gql(costly), 'OPERATION_TOO_COSTLY', 'maxCost');
  });

  it('refuses ten searched lists, or ten statistics over a created-at range, that fit every other limit', async () => {
    const searches = await ctx.gql(
      `{ ${repeat(10, (i) => `a${i}: tickets(first: ${GRAPHQL_PAGE_SIZE.max}, search: "qa") { totalCount totalCountIsExact nodes { id } }`)} }`,
    );
    expectRefused(searches, 'OPERATION_TOO_COSTLY', 'maxCost');
    const stats = await ctx.gql(
      `{ ${repeat(10, (i) => `s${i}: stats(filter: { createdAfter: "2000-01-01T00:00:00Z" }) { totalTickets ticketsPerDay(days: 366) { count } }`)} }`,
    );
    expectRefused(stats, 'OPERATION_TOO_COSTLY', 'maxCost');
    // Two searched lists with their counts still run.
    await createTickets(ctx.db, 2, (i) => ({ title: `Refund request ${i}` }));
    const two = await ctx.gql(
      'query($s: String) { a: tickets(search: $s) { totalCount nodes { id } } b: tickets(search: "qa") { totalCount } }',
      {
        s: 'refund',
      },
    );
    expect(two.errors).toBeUndefined();
    expect(two.data!.a.totalCount).toBe(2);
  });

  it('bounds the bytes actually sent by the estimate, for texts of astral and control characters', async () => {
    // An emoji is 4 bytes of UTF-8 (2 JavaScript characters); a control character 6
    // bytes of JSON (`\u0001`): the longest each code point of text can be.
    const worst = '\u{1F600}\u0001'.repeat(TICKET_DESCRIPTION_MAX / 2);
    await createTickets(ctx.db, GRAPHQL_PAGE_SIZE.max, () => ({ description: worst }));
    const query = `{ tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { nodes { description } } }`;
    const res = await ctx.http({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query } });
    expect(res.statusCode).toBe(200);
    const body = res.json<GraphQLResponse>();
    expect(body.errors).toBeUndefined();
    expect(body.data!.tickets.nodes[0].description).toBe(worst);
    const document = parse(query);
    const estimate = measureOperation(
      await buildGraphQLSchema(),
      document,
      document.definitions[0] as OperationDefinitionNode,
    ).responseSize;
    expect(Buffer.byteLength(res.body)).toBeLessThanOrEqual(estimate);
    expect(estimate).toBeLessThanOrEqual(OPERATION_LIMITS.maxResponseSize);
  });

  it('refuses a document past the token limit with its own code', async () => {
    const res = await ctx.gql(`{ stats { ${repeat(OPERATION_LIMITS.maxTokens, () => 'totalTickets')} } }`);
    expectRefused(res, 'DOCUMENT_TOO_LARGE', 'maxTokens');
  });

  it("still answers a page of the largest size, and GraphiQL's introspection query", async () => {
    await createTickets(ctx.db, 3);
    const page = await ctx.gql(`query($first: Int) { tickets(first: $first) { nodes { id title description } pageInfo { endCursor } } }`, {
      first: GRAPHQL_PAGE_SIZE.max,
    });
    expect(page.errors).toBeUndefined();
    expect(page.data!.tickets.nodes).toHaveLength(3);
    const introspection = await ctx.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }));
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data!.__schema.queryType.name).toBe('Query');
  });
});

const TYPO_FIELD = '{ tickts { totalCount } }';
const TYPO_ENUM = ['query($c: [TicketCategory!]) { tickets(filter: { categories: $c }) { totalCount } }', { c: ['BILLNG'] }] as const;

describeOnDatabases(
  'GraphQL errors with introspection off',
  (ctx) => {
    it('suggest no field or enum value names', async () => {
      const field = await ctx.gql(TYPO_FIELD);
      expect(field.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(field.errors![0]!.message).not.toMatch(/Did you mean|"tickets"/);
      const value = await ctx.gql(...TYPO_ENUM);
      expect(value.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(value.errors![0]!.message).not.toMatch(/Did you mean|"BILLING"/);
    });
  },
  { env: { GRAPHQL_INTROSPECTION: 'false' } },
);

describeOnDatabases('GraphQL errors with introspection on', (ctx) => {
  it('suggest the names the client may have meant', async () => {
    expect((await ctx.gql(TYPO_FIELD)).errors![0]!.message).toMatch(/Did you mean "tickets"/);
    expect((await ctx.gql(...TYPO_ENUM)).errors![0]!.message).toMatch(/Did you mean the enum value "BILLING"\?/);
  });
});
