// A database that is unreachable without refusing connections: a TCP listener that
// accepts and never answers, and a real PostgreSQL whose connection goes silent
// mid-way. The real app over real sockets must answer every request within its
// deadline: /readyz 503, REST 503 with a DRF `detail`, GraphQL SERVICE_UNAVAILABLE.
// Callers send a token, as integrators do: its lookup waits on the database too, and
// a token that cannot be checked is "try again" (503), never "invalid" (401).
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { bootstrapFirstAdmin } from '../../src/auth/setup.service.js';
import { newApiTokenSecret } from '../../src/auth/secrets.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { testConfig } from '../support/harness.js';
import { createPgDatabase, TEST_DATABASE_URL, type PgDatabase } from './support/pg-database.js';
import { obtainToken, TEST_ADMIN } from './support/test-admin.js';

/** The bound: a probe must hear "not ready" within 2 s of asking. */
const READINESS_BOUND_MS = 2_000;
// Old behaviour was a hang as long as the outage; a client gives up well before the test does.
const CLIENT_PATIENCE_MS = 10_000;

interface Listening {
  port: number;
  close(): Promise<void>;
}

async function listen(server: Server, sockets: Set<Socket>): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Accepts connections and never says a word. */
function startBlackhole(): Promise<Listening> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  return listen(server, sockets);
}

/** Forwards to PostgreSQL until frozen: then bytes are held, both ways, on open connections. */
async function startFreezableProxy(target: URL): Promise<Listening & { freeze(): void; thaw(): void }> {
  const sockets = new Set<Socket>();
  let frozen = false;
  const held: [Socket, Buffer][] = [];
  const forward = (to: Socket) => (chunk: Buffer) => (frozen ? held.push([to, chunk]) : to.write(chunk));
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    client.on('data', forward(upstream));
    upstream.on('data', forward(client));
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(socket);
      });
    }
  });
  const listening = await listen(server, sockets);
  return {
    ...listening,
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      for (const [to, chunk] of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
  };
}

let app: FastifyInstance | undefined;
let database: Database | undefined;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await app?.close();
  // A pool stuck on a silent server may not end gracefully: give it no time.
  await (database?.db as unknown as { $client?: { end(o: object): Promise<void> } })?.$client?.end({ timeout: 0 });
  app = database = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real app on a real port, over a postgres.js pool at `url`, with the server's deadlines from `env`. */
async function serve(url: string, env: Record<string, string>): Promise<string> {
  const config = testConfig(env);
  database = await openDatabase({ kind: 'postgres', url, timeouts: config.timeouts });
  app = await buildApp({ config, database });
  return app.listen({ port: 0, host: '127.0.0.1' });
}

interface Timed {
  status: number;
  body: any;
  ms: number;
}

async function timed(url: string, init?: RequestInit): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(CLIENT_PATIENCE_MS) });
  const body = await res.json();
  return { status: res.status, body, ms: performance.now() - started };
}

const rest = (base: string, token: string) => timed(base + '/api/tickets/', { headers: { authorization: `Token ${token}` } });

const graphql = (base: string, token: string) =>
  timed(base + '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Token ${token}` },
    body: JSON.stringify({ query: '{ tickets(first: 5) { nodes { id } } }' }),
  });

describe('a database that accepts connections and never answers', () => {
  const env = { REQUEST_TIMEOUT_MS: '5000', DATABASE_CONNECT_TIMEOUT_MS: '500', DATABASE_STATEMENT_TIMEOUT_MS: '1000' };

  it('/readyz answers 503 within 2 s', async () => {
    const blackhole = await startBlackhole();
    cleanups.push(blackhole.close);
    const base = await serve(`postgres://tickets@127.0.0.1:${blackhole.port}/tickets`, env);

    const ready = await timed(base + '/readyz');
    expect(ready).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    // Generous for a loaded 2-core CI box: the probe itself gives up after 1 s.
    expect(ready.ms).toBeLessThan(READINESS_BOUND_MS);
  });

  it('REST and GraphQL answer 503 once the connect timeout passes, long before the request deadline', async () => {
    const blackhole = await startBlackhole();
    cleanups.push(blackhole.close);
    const base = await serve(`postgres://tickets@127.0.0.1:${blackhole.port}/tickets`, env);
    // A well-formed token (no database could issue one here): the server cannot tell
    // whether it is valid without the database.
    const token = newApiTokenSecret();

    // More requests than the pool has connections: those queued for one are bounded too.
    const [restAnswer, gql, ...more] = await Promise.all([
      rest(base, token),
      graphql(base, token),
      ...Array.from({ length: 12 }, () => rest(base, token)),
    ]);
    expect(restAnswer.status).toBe(503);
    expect(Object.keys(restAnswer.body)).toEqual(['detail']);
    expect(gql.status).toBe(503);
    expect(gql.body.errors.map((e: any) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    for (const res of more) expect(res.status).toBe(503);
    // The database's own failure answered them (connect timeout 0.5 s), not the 5 s deadline.
    for (const res of [restAnswer, gql, ...more]) expect(res.ms).toBeLessThan(5_000);
  });
});

if (TEST_DATABASE_URL) {
  describe('a PostgreSQL connection that goes silent mid-way', () => {
    let pg: PgDatabase;
    afterAll(async () => pg?.drop());

    it('gets /readyz 503 within 2 s, REST and GraphQL 503 by the request deadline, and recovers', async () => {
      pg = await createPgDatabase();
      const migrated = await openDatabase({ kind: 'postgres', url: pg.url, maxConnections: 1 });
      await migrated.migrate();
      // What ADMIN_EMAIL/ADMIN_PASSWORD make the server do at start.
      await bootstrapFirstAdmin(migrated.db, TEST_ADMIN);
      await migrated.close();

      const target = new URL(pg.url);
      const proxy = await startFreezableProxy(target);
      cleanups.push(proxy.close);
      const viaProxy = new URL(pg.url);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      const base = await serve(viaProxy.toString(), {
        REQUEST_TIMEOUT_MS: '1500',
        DATABASE_CONNECT_TIMEOUT_MS: '1000',
        DATABASE_STATEMENT_TIMEOUT_MS: '1000',
      });
      const token = await obtainToken(base);
      expect((await rest(base, token)).status).toBe(200);

      proxy.freeze();
      const ready = await timed(base + '/readyz');
      expect(ready.status).toBe(503);
      // Generous for a loaded 2-core CI box: the probe itself gives up after 1 s.
      expect(ready.ms).toBeLessThan(READINESS_BOUND_MS);

      // The statement timeout cannot help (the server's answers do not arrive): the
      // request deadline answers.
      const [restAnswer, gql] = await Promise.all([rest(base, token), graphql(base, token)]);
      expect(restAnswer.status).toBe(503);
      expect(Object.keys(restAnswer.body)).toEqual(['detail']);
      expect(gql.status).toBe(503);
      expect(gql.body.errors.map((e: any) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);

      proxy.thaw();
      let again: Timed | undefined;
      for (let attempt = 0; attempt < 20 && again?.status !== 200; attempt++) again = await timed(base + '/readyz');
      expect(again?.status).toBe(200);
      expect((await rest(base, token)).status).toBe(200);
    });
  });
}
