// The raw baseline: the SQL our server sends for each case, captured by running the
// same service calls through drizzle with a logging hook, then replayed straight
// through the driver (postgres.js, or PGlite) at the same concurrency: no HTTP, no
// GraphQL, no validation, no serialisation.
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import type { Actor } from '../../server/src/auth/actor.js';
import type { Db } from '../../server/src/db/client.js';
import * as schema from '../../server/src/db/schema.js';
import { PLACEHOLDER_ID, type BenchCase, type IdPicker } from './cases.js';
import { summarize, type LatencySummary } from './stats.js';

interface Statement {
  query: string;
  params: unknown[];
  /**
   * Whether the server's driver ran it as a prepared statement: postgres.js prepares
   * every statement unless told not to, and drizzle tells it not to for every statement
   * it was not asked to prepare (`.prepare()`, executePreparedRows), raw `execute`
   * included (an unprepared statement with parameters costs postgres.js two round trips).
   */
  prepare: boolean;
}

/** One branch of a request: statements run one after another, in a transaction when the server used one. */
interface Branch {
  statements: Statement[];
  transaction: boolean;
}

export type Driver = { kind: 'postgres'; sql: Sql } | { kind: 'pglite'; client: PGlite };

/**
 * postgres.js as drizzle sees it, recording each statement with whether the driver
 * prepared it (as its connection.js decides), inside transactions too, so that the replay
 * prepares exactly what the server prepares (a prepared statement skips planning; an
 * unprepared one does not).
 */
function recordingSql(sql: Sql, into: Statement[]): Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (query: string, params: unknown[] = [], options?: { prepare?: boolean }) => {
          into.push({ query, params, prepare: options && 'prepare' in options ? Boolean(options.prepare) : true });
          return target.unsafe(query, params as never[], options);
        };
      }
      if (prop === 'begin') {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: Sql) => unknown;
          return (target.begin as (...a: unknown[]) => unknown)(...args, (tx: Sql) => callback(recordingSql(tx, into)));
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

function capturingDb(driver: Driver, into: Statement[]): Db {
  if (driver.kind === 'postgres') return drizzlePostgres({ client: recordingSql(driver.sql, into), schema }) as unknown as Db;
  // PGlite has no named prepared statements to tell apart.
  const logger: Logger = { logQuery: (query, params) => void into.push({ query, params, prepare: false }) };
  return drizzlePglite({ client: driver.client, schema, logger }) as unknown as Db;
}

export async function captureCase(driver: Driver, bench: BenchCase, ids: IdPicker, actor: Actor): Promise<Branch[]> {
  const branches: Branch[] = [];
  for (const run of bench.capture) {
    const statements: Statement[] = [];
    await run(capturingDb(driver, statements), ids, actor);
    // The server sets a statement timeout inside a transaction for bounded counts and short searches.
    branches.push({ statements, transaction: statements.some((s) => s.query.includes('set_config(')) });
  }
  return branches;
}

function withIds(params: unknown[], ids: IdPicker): unknown[] {
  return params.map((p) => (p === PLACEHOLDER_ID ? ids.random() : p));
}

async function runBranch(driver: Driver, branch: Branch, ids: IdPicker): Promise<void> {
  if (driver.kind === 'postgres') {
    const exec = async (sql: Sql) => {
      for (const s of branch.statements) await sql.unsafe(s.query, withIds(s.params, ids) as never[], { prepare: s.prepare });
    };
    if (branch.transaction) await driver.sql.begin((tx) => exec(tx as unknown as Sql));
    else await exec(driver.sql);
    return;
  }
  const exec = async (q: { query: PGlite['query'] }) => {
    for (const s of branch.statements) await q.query(s.query, withIds(s.params, ids));
  };
  if (branch.transaction) await driver.client.transaction((tx) => exec(tx));
  else await exec(driver.client);
}

export interface RawResult {
  requests: number;
  errors: number;
  durationSeconds: number;
  latency: LatencySummary;
}

/** Replays a case's SQL with `connections` concurrent workers for `seconds`. */
export async function replay(driver: Driver, branches: Branch[], ids: IdPicker, connections: number, seconds: number): Promise<RawResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await Promise.all(branches.map((b) => runBranch(driver, b, ids)));
        latencies.push(performance.now() - t0);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const durationSeconds = (performance.now() - started) / 1000;
  return { requests: latencies.length, errors, durationSeconds, latency: summarize(latencies) };
}
