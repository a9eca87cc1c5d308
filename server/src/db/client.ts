// Opens the product's database: embedded PGlite by default, PostgreSQL (postgres.js)
// when a URL is given. Both sit behind one `Db` type, so every query is written once.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { DatabaseTimeoutError } from './database.errors.js';
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
  | {
      kind: 'postgres';
      url: string;
      maxConnections?: number;
      /**
       * The server's deadlines (config.ts); absent, the driver's defaults and no
       * statement timeout, for long operations such as the seed and the benchmark.
       */
      timeouts?: { statementMs: number; connectMs: number };
    };

export interface Database {
  db: Db;
  kind: DatabaseTarget['kind'];
  /** Runs the migrations in `drizzle/`, idempotently and safe against a concurrent start. */
  migrate(): Promise<void>;
  /**
   * Calls `onNotify` with the payload of every NOTIFY on `channel` (PostgreSQL: from
   * any process, on a dedicated connection that reconnects by itself; PGlite: from
   * this process). Resolves once listening, with the function that stops.
   * `onResume` is called when listening resumes after the connection was lost: the
   * notifications sent meanwhile were missed.
   */
  listen(channel: string, onNotify: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>>;
  /** Cheap liveness probe of the database, for /readyz: rejects after `timeoutMs` at the latest. */
  ping(timeoutMs: number): Promise<void>;
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
      async listen(channel, onNotify) {
        const stop = await client.listen(channel, onNotify);
        return async () => {
          if (!client.closed) await stop();
        };
      },
      async ping(timeoutMs) {
        // PGlite cannot cancel a statement: a probe stuck behind a long one is abandoned.
        await withDeadline(client.query('select 1'), timeoutMs, () => {});
      },
      async close() {
        if (!client.closed) await client.close();
      },
    };
  }

  const { timeouts } = target;
  const client = postgres(target.url, {
    max: target.maxConnections ?? 10,
    onnotice: () => {},
    // The whole handshake, up to the first ReadyForQuery, not just the TCP connect:
    // a server that accepts and never answers fails here too. In seconds.
    ...(timeouts && { connect_timeout: timeouts.connectMs / 1000 }),
    connection: {
      TimeZone: 'UTC',
      application_name: 'support-tickets',
      // A startup parameter, so it holds for every statement of every connection
      // without a round trip; SET LOCAL still lowers it for one transaction.
      ...(timeouts && { statement_timeout: timeouts.statementMs }),
    },
  });
  if (timeouts) boundPoolWait(client, timeouts.connectMs);
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const { migratePostgres } = await import('./migrate.js');
      await migratePostgres(target.url);
    },
    async listen(channel, onNotify, onResume) {
      // postgres.js calls `onlisten` once listening, and again after each reconnection.
      let listened = false;
      const { unlisten } = await client.listen(
        channel,
        (payload) => onNotify(payload),
        () => {
          if (listened) onResume?.();
          listened = true;
        },
      );
      return unlisten;
    },
    async ping(timeoutMs) {
      const probe = client`select 1`;
      await withDeadline(probe, timeoutMs, () => cancelQuietly(probe));
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

/** `work`, or a DatabaseTimeoutError once `ms` have passed (after calling `abandon`). */
async function withDeadline<T>(work: Promise<T>, ms: number, abandon: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandon();
      reject(new DatabaseTimeoutError(ms));
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** postgres.js' cancel returns a promise its types omit; a failed cancel changes nothing for us. */
function cancelQuietly(query: postgres.PendingQuery<postgres.Row[]>): void {
  Promise.resolve(query.cancel() as unknown).catch(() => {});
}

type PendingQuery = postgres.PendingQuery<postgres.Row[]> & { executed?: boolean; state?: unknown };

/**
 * Bounds how long a query waits for a connection. postgres.js queues a query while
 * every connection is still connecting and lets it wait without limit (when every
 * connection is busy it pipelines the query onto one instead: see below):
 * when the database stops answering, each queued query would wait for one connect
 * attempt after another. A query still unassigned after `ms` is cancelled, which
 * takes it off the queue and rejects it with 57014 (an "unavailable" error). A query
 * already on a connection is left to the statement timeout.
 *
 * `unsafe` is what drizzle calls for every query, so it is wrapped on the instance
 * itself. (Measured: with one connection busy in `pg_sleep(2)`, a plain query and a
 * transaction both waited the 2 s, not `ms`: they were already on that connection.)
 *
 * The check holds each query weakly, and queries made within POOL_WAIT_BUCKET_MS of
 * each other share one timer. A timer per query that held the query itself kept
 * every result's rows alive for `ms` (3 s by default): at a few thousand queries a
 * second the young generation's collector copied them all into the old one, and the
 * garbage collection that followed cost more server CPU per request than routing,
 * serialization and the driver together.
 */
function boundPoolWait(client: postgres.Sql, ms: number): void {
  const unsafe = client.unsafe.bind(client);
  let bucket: WeakRef<PendingQuery>[] = [];
  let bucketStartedAt = -Infinity;
  client.unsafe = ((...args: Parameters<typeof unsafe>) => {
    const query = unsafe(...args) as PendingQuery;
    const now = performance.now();
    if (now - bucketStartedAt >= POOL_WAIT_BUCKET_MS) {
      const queries: WeakRef<PendingQuery>[] = (bucket = []);
      bucketStartedAt = now;
      // The bucket's last query has waited at least `ms` when this fires.
      setTimeout(() => cancelUnassigned(queries), ms + POOL_WAIT_BUCKET_MS).unref();
    }
    bucket.push(new WeakRef(query));
    return query;
  }) as typeof client.unsafe;
}

const POOL_WAIT_BUCKET_MS = 50;

function cancelUnassigned(queries: readonly WeakRef<PendingQuery>[]): void {
  for (const ref of queries) {
    const query = ref.deref();
    // `executed`: somebody awaits it (cancelling an unawaited query would reject
    // into the void); `state`: set once a connection has taken it. A query nobody
    // holds any more (collected) was answered long ago.
    if (query?.executed && query.state === undefined) cancelQuietly(query);
  }
}
