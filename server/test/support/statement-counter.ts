// The statements a database handle sends, counted where the driver is called
// (postgres.js' `unsafe`, PGlite's `query`), inside transactions too: what a request
// costs in round trips, whatever builds the SQL (drizzle's builder, a cached prepared
// query, a raw statement), so that a test can fail when a page goes N+1.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import type { Database, Db } from '../../src/db/client.js';
import * as schema from '../../src/db/schema.js';

export interface StatementLog {
  /** The SQL text of every statement sent since the last `clear`, in order. */
  readonly statements: string[];
  clear(): void;
}

function recordingPostgres(sql: Sql, log: string[]): Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, ...rest: unknown[]) => {
          log.push(query);
          return (target.unsafe as (...a: unknown[]) => unknown)(query, ...rest);
        };
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const work = args.pop() as (tx: Sql) => unknown;
          return (target.begin as (...a: unknown[]) => unknown)(...args, (tx: Sql) => work(recordingPostgres(tx, log)));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

function recordingPglite<T extends PGlite | Transaction>(client: T, log: string[]): T {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'query') {
        return (query: string, ...rest: unknown[]) => {
          log.push(query);
          return (target.query as (...a: unknown[]) => unknown).call(target, query, ...rest);
        };
      }
      if (property === 'transaction') {
        return (work: (tx: Transaction) => unknown) =>
          (target as PGlite).transaction((tx) => work(recordingPglite(tx, log)) as Promise<unknown>);
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** `database` with a handle that records every statement it sends (the driver is shared: no new connections). */
export function countingDatabase(database: Database): { database: Database; log: StatementLog } {
  const statements: string[] = [];
  const client = (database.db as unknown as { $client: unknown }).$client;
  const db =
    database.kind === 'postgres'
      ? drizzlePostgres({ client: recordingPostgres(client as Sql, statements), schema })
      : drizzlePglite({ client: recordingPglite(client as PGlite, statements), schema });
  return {
    database: { ...database, db: db as unknown as Db },
    log: { statements, clear: () => void statements.splice(0) },
  };
}
