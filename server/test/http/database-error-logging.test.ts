// A database error is logged so that an operator can tell which statement failed and
// why (SQLSTATE, a statement name and hash), never with the customer's words it was
// carrying: not from the query parameters, nor from PostgreSQL's message or detail.
import { sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { describeOnDatabases, type TestContext } from '../support/harness.js';

const CUSTOMER_TEXT = 'zebra-7731 my card ending 4417 was charged twice';
type LogLine = Record<string, any>;
const lines: LogLine[] = [];
const logStream = { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) };

/** The serialized error and its causes, outermost first. */
function errorChain(line: LogLine | undefined): LogLine[] {
  const chain: LogLine[] = [];
  for (let err = line?.err; err && typeof err === 'object'; err = err.cause) chain.push(err);
  return chain;
}

interface Breakage {
  name: string;
  sqlstate: string;
  /** What the error message must still say, so that the log stays useful. */
  says: RegExp;
  break: string[];
  repair: string[];
}

const BREAKAGES: Breakage[] = [
  {
    // The value shows up in PostgreSQL's own message, not only in the parameters.
    name: 'a trigger that reads the description as a uuid',
    sqlstate: '22P02',
    says: /invalid input syntax for type uuid/,
    break: [
      `create function test_boom() returns trigger language plpgsql as $$ begin perform new.description::uuid; return new; end $$`,
      `create trigger test_boom before insert on tickets for each row execute function test_boom()`,
    ],
    repair: ['drop trigger test_boom on tickets', 'drop function test_boom()'],
  },
  {
    // A check violation's detail is "Failing row contains (…)": the whole row.
    name: 'a check constraint the text violates',
    sqlstate: '23514',
    says: /violates check constraint "test_no_marker"/,
    break: [`alter table tickets add constraint test_no_marker check (description not like '%zebra%') not valid`],
    repair: ['alter table tickets drop constraint test_no_marker'],
  },
  {
    name: 'a table renamed under the running server',
    sqlstate: '42P01',
    says: /relation "tickets" does not exist/,
    break: ['alter table tickets rename to test_tickets_moved'],
    repair: ['alter table test_tickets_moved rename to tickets'],
  },
];

async function run(ctx: TestContext, statements: string[]): Promise<void> {
  for (const statement of statements) await ctx.db.execute(sql.raw(statement));
}

const CREATE_OVER = {
  rest: (ctx: TestContext) =>
    ctx.http({
      method: 'POST',
      url: '/api/tickets/',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-request-id': 'db-error-rest' },
      payload: new URLSearchParams({ title: 'Double charge', description: CUSTOMER_TEXT }).toString(),
    }),
  graphql: (ctx: TestContext) =>
    ctx.http({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'x-request-id': 'db-error-graphql' },
      payload: JSON.stringify({
        query: 'mutation ($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } } }',
        variables: { input: { title: 'Double charge', description: CUSTOMER_TEXT } },
      }),
    }),
};

describeOnDatabases(
  'database errors in the logs',
  (ctx) => {
    beforeEach(() => {
      lines.length = 0;
    });

    const cases = BREAKAGES.flatMap((b) => (['rest', 'graphql'] as const).map((api) => [b.name, api, b] as const));
    it.each(cases)('%s, over %s: logged with SQLSTATE and statement, without the customer text', async (_name, api, breakage) => {
      await run(ctx, breakage.break);
      let status: number;
      try {
        status = (await CREATE_OVER[api](ctx)).statusCode;
      } finally {
        await run(ctx, breakage.repair);
      }
      expect(status).toBe(api === 'rest' ? 500 : 200);

      const failure = lines.find((l) => l.level === 50 && l.err);
      const chain = errorChain(failure);
      expect(chain.length).toBeGreaterThan(0);
      // Tied to the request: ours, and the caller's beside it.
      expect(failure).toMatchObject({ clientRequestId: `db-error-${api}` });
      expect(chain.map((e) => e.code)).toContain(breakage.sqlstate);
      expect(chain.some((e) => breakage.says.test(String(e.message)))).toBe(true);
      expect(
        chain.some((e) => /^[0-9a-f]{16}$/.test(String(e.statement?.hash)) && /^insert tickets$/.test(String(e.statement?.name))),
      ).toBe(true);

      expect(lines.length).toBeGreaterThan(2);
      const everything = JSON.stringify(lines);
      expect(everything).not.toContain('zebra');
      // With its context: four digits alone turn up in request ids and timestamps by chance.
      expect(everything).not.toContain('ending 4417');
    });
  },
  { env: { LOG_LEVEL: 'info' }, logStream },
);
