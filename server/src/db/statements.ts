// Raw statements, for the queries drizzle's builder does not express (EXPLAIN, a CTE
// read twice, generate_series): their rows read the same way on both drivers, and a
// transaction that PostgreSQL cancels after a budget of its own.
import { sql, type Column, type Placeholder, type Query, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/** postgres.js answers a raw statement with an array of rows, PGlite with an object holding `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The rows of a raw statement, on either driver. */
export async function executeRows<T extends Record<string, unknown>>(db: Db, statement: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(statement));
}

/** The parts of a drizzle handle (the database or a transaction) that run a raw statement as a prepared one. */
interface DrizzleInternals {
  dialect: { sqlToQuery(statement: SQL): Query };
  session: { prepareQuery(query: Query, fields: undefined, name: string, isResponseInArrayMode: boolean): { execute(): Promise<unknown> } };
}

/**
 * The rows of a raw statement run as a prepared statement: postgres.js prepares it on
 * each connection the first time it sees its text, then sends only the values. Drizzle
 * runs every other raw statement unnamed, for which postgres.js first asks PostgreSQL
 * to describe the parameters and waits for the answer: two round trips and a parse per
 * call. A ticket's write (the ticket, its events and what it teaches in one statement)
 * pays that on every create and change; measured at 8 concurrent creates on 1M tickets,
 * preparing it took 14 % off the server's CPU per create and added 20 % throughput.
 * Only for statements whose text takes a few shapes (each stays prepared on each
 * connection for the connection's life) and whose plan does not depend on the values
 * (writes by key: PostgreSQL may switch a prepared statement to a generic plan).
 * On PGlite, the same as executeRows. Drizzle has no public way to prepare a raw
 * statement, so this relies on its handles' `dialect` and `session` (a transaction's
 * session runs on the transaction's connection); the create and update tests run it on
 * both drivers, in and out of transactions. A migration that changes the type of a
 * column such a statement returns, while an older process runs, costs that process one
 * failed write per connection in a transaction (postgres.js re-prepares and retries
 * only outside one).
 */
export async function executePreparedRows<T extends Record<string, unknown>>(db: Db, statement: SQL): Promise<T[]> {
  const { dialect, session } = db as unknown as DrizzleInternals;
  // postgres.js names the statement after its text; drizzle only needs a name to mark it prepared.
  return rowsOf<T>(await session.prepareQuery(dialect.sqlToQuery(statement), undefined, 'prepared_by_text', false).execute());
}

/**
 * A raw `select *` (or `returning *`) row of a table, decoded as drizzle decodes its
 * own selects: keys by property name, values through each column's mapping (dates…).
 * `columns` is the table's `getTableColumns`.
 */
export function decodeRow<T>(columns: Record<string, Column>, raw: Record<string, unknown>): T {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T;
}

/**
 * `column = any(<ids>::integer[])`: the ids as one array parameter, so that the
 * statement's text does not depend on how many there are (`in ($1, $2, …)` does) and
 * one prepared statement serves every list. `ids` is a placeholder (see cachedQuery)
 * or the array itself.
 */
export function isAnyOf(column: Column, ids: Placeholder | readonly number[]): SQL {
  return sql`${column} = any(${ids}::integer[])`;
}

/**
 * A FROM item that lets a statement commit without waiting for the disk: it turns
 * `synchronous_commit` off for the statement's own implicit transaction. For writes
 * that a crash may lose (the last few hundred milliseconds of them) at no cost to
 * anyone: a rate-limit take, a suggestion issued. A durable commit waits for an
 * fdatasync, 3–8 ms at the median on this project's machine (pg_test_fsync; 30
 * single-row inserts: 6 ms against 0.04 ms). A transaction that commits durably later
 * still flushes these writes first (the log is written in order), so nothing durable
 * can depend on a lost one. Only for a statement run on its own: inside a transaction
 * it would relax that whole transaction's commit.
 */
export const ASYNC_COMMIT = sql`(select set_config('synchronous_commit', 'off', true)) as async_commit`;

function isStatementTimeout(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '57014') return true;
  }
  return false;
}

/**
 * Runs `work` in a transaction whose statements PostgreSQL cancels after `ms`; null
 * when it did (not when waiting for a connection was given up: that is rethrown). (PGlite does not enforce statement timeouts: there `work` runs to the end.)
 * `settings` are further planner or run-time parameters for the transaction, set in
 * the same round trip.
 */
export async function withStatementTimeout<T>(
  db: Db,
  ms: number,
  work: (tx: Db) => Promise<T>,
  settings: Readonly<Record<string, string>> = {},
): Promise<T | null> {
  // Only a cancellation after our timeout is set is ours. The same SQLSTATE before it
  // is the pool giving up on a connection (client.ts), an outage the caller must see.
  let timed = false;
  try {
    return await db.transaction(async (tx) => {
      const more = Object.entries(settings).map(([name, value]) => sql`, set_config(${name}, ${value}, true)`);
      await tx.execute(sql`select set_config('statement_timeout', ${String(ms)}, true)${sql.join(more)}`);
      timed = true;
      return work(tx as unknown as Db);
    });
  } catch (error) {
    if (timed && isStatementTimeout(error)) return null;
    throw error;
  }
}
