// Opens the product's database: embedded PGlite by default, PostgreSQL (postgres.js)
// when a URL is given. Both sit behind one `Db` type, so every query is written once.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A database handle or a transaction: repository functions accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseTarget =
  | {
      kind: 'pglite';
      /** undefined: in memory */ dataDir: string | undefined;
      /** A `dumpDataDir()` tarball to start from instead of an empty cluster (tests clone a migrated template). */
      loadDataDir?: Blob;
    }
  | { kind: 'postgres'; url: string; maxConnections?: number };

export interface Database {
  db: Db;
  kind: DatabaseTarget['kind'];
  /** Runs the migrations in `drizzle/`, idempotently and safe against a concurrent start. */
  migrate(): Promise<void>;
  /** Cheap liveness probe of the database, for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    const client = new PGlite({ dataDir: target.dataDir, loadDataDir: target.loadDataDir, extensions: { pg_trgm } });
    await client.waitReady;
    // The stats' day arithmetic is defined in UTC, whatever the host's zone.
    await client.exec(`SET TIME ZONE 'UTC'`);
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      async migrate() {
        const { migratePglite } = await import('./migrate.js');
        await migratePglite(client);
      },
      async ping() {
        await client.query('select 1');
      },
      async close() {
        if (!client.closed) await client.close();
      },
    };
  }

  const client = postgres(target.url, {
    max: target.maxConnections ?? 10,
    onnotice: () => {},
    connection: { TimeZone: 'UTC', application_name: 'support-tickets' },
  });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const { migratePostgres } = await import('./migrate.js');
      await migratePostgres(target.url);
    },
    async ping() {
      await client`select 1`;
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}
