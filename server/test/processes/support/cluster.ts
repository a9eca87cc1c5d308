// Several real server processes on one PostgreSQL database, as behind a load
// balancer: the first starts alone (it migrates and creates the test admin), the
// others then start together on the migrated database. Every one listens on
// 127.0.0.1 only; the database is dropped by `stop`.
import { createPgDatabase, type PgDatabase } from '../../ops/support/pg-database.js';
import { killAllServers, startAuthenticatedServer, startServer, type RunningServer } from '../../ops/support/server-process.js';

export interface Cluster {
  pg: PgDatabase;
  servers: RunningServer[];
  /** The `Authorization` header of a token of the test admin's (valid on every server: one database). */
  authorization: string;
  /** Starts one more process on the same database (e.g. to replace a killed one). */
  add(env?: Record<string, string>): Promise<RunningServer>;
  stop(): Promise<void>;
}

export async function startCluster(size: number, env: Record<string, string> = {}): Promise<Cluster> {
  const pg = await createPgDatabase();
  const shared = { DATABASE_URL: pg.url, ...env };
  try {
    const first = await startAuthenticatedServer(shared);
    const rest = await Promise.all(Array.from({ length: size - 1 }, () => startServer(shared)));
    const servers: RunningServer[] = [first, ...rest];
    return {
      pg,
      servers,
      authorization: first.authorization,
      async add(more = {}) {
        const server = await startServer({ ...shared, ...more });
        servers.push(server);
        return server;
      },
      async stop() {
        await killAllServers();
        await pg.drop();
      },
    };
  } catch (error) {
    await killAllServers();
    await pg.drop();
    throw error;
  }
}

/** A GraphQL operation against one server, answered as parsed JSON (status included). */
export async function graphql<T = Record<string, any>>(
  server: { url: string },
  authorization: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; data?: T | null; errors?: { message: string; extensions?: Record<string, any> }[] }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}
