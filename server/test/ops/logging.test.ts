// The logs of a real server process: one JSON object per line, our request id on
// every line written while serving a request (Fastify's own and ours) and echoed in
// x-request-id, a caller's well-formed id beside it, and no secret anywhere, whichever
// path the secret took.
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeGemini } from '../support/fake-gemini.js';
import { createPgDatabase, TEST_DATABASE_URL } from './support/pg-database.js';
import { killAllServers, startAuthenticatedServer, stopServer, type LogLine, type ServerProcess } from './support/server-process.js';

afterAll(killAllServers);

const SECRET = 'AIzaSy-ops-test-secret-9f3c2d1e7b';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function expectWellFormedLogs(server: ServerProcess): void {
  expect(server.logs.filter((l) => 'unparsed' in l)).toEqual([]);
  expect(server.stdout()).not.toContain(SECRET);
  expect(server.stderr()).not.toContain(SECRET);
  // Fastify's request and response lines, and anything logged through req.log, carry the id.
  const requestScoped = server.logs.filter((l) => 'req' in l || 'res' in l || 'responseTime' in l);
  expect(requestScoped.length).toBeGreaterThan(0);
  expect(requestScoped.filter((l) => typeof l.reqId !== 'string')).toEqual([]);
}

/** The lines of the one request the caller tagged with its own id, all under our id. */
function linesOf(server: ServerProcess, clientRequestId: string): LogLine[] {
  const lines = server.logs.filter((l) => l.clientRequestId === clientRequestId);
  expect(new Set(lines.map((l) => l.reqId)).size).toBe(1);
  expect(lines[0]?.reqId).toMatch(UUID);
  return lines;
}

async function post(url: string, body: string, requestId: string, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers },
    body,
  });
}

describe('structured logs of the server process', () => {
  it("carry our request id on request lines, the caller's beside it, echo ours, and never the Gemini key", async () => {
    const gemini = await startFakeGemini();
    // Gemini refuses the key, as it does for a revoked one: the server falls back and logs a warning.
    gemini.script({ kind: 'status', status: 400, message: 'API key not valid. Please pass a valid API key.' });
    try {
      const server = await startAuthenticatedServer({ GEMINI_API_KEY: SECRET, GEMINI_BASE_URL: gemini.baseUrl, LOG_LEVEL: 'debug' });

      // A caller's id is logged beside ours, never as ours; the response names ours.
      // The secret sent in headers is not logged.
      const health = await fetch(server.url + '/healthz', {
        headers: { 'x-request-id': 'ops-health-1', authorization: `Bearer ${SECRET}`, 'x-goog-api-key': SECRET },
      });
      const ourId = health.headers.get('x-request-id');
      expect(ourId).toMatch(UUID);

      // No id, or one that is not well formed: ours only.
      const fresh = await fetch(server.url + '/readyz');
      expect(fresh.headers.get('x-request-id')).toMatch(UUID);
      const malformed = ['a b\t<script>', 'x'.repeat(65), 'ops.with.dots', 'ops:colon'];
      for (const id of malformed) {
        const res = await fetch(server.url + '/healthz', { headers: { 'x-request-id': id } });
        expect(res.headers.get('x-request-id')).toMatch(UUID);
      }
      const longest = 'L'.repeat(64);
      await fetch(server.url + '/healthz', { headers: { 'x-request-id': longest } });

      const classify = await post(
        server.url + '/graphql',
        JSON.stringify({ query: '{ classifyDescription(description: "The invoice total is wrong") { category priority } }' }),
        'ops-classify-1',
        { authorization: server.authorization },
      );
      expect(classify.status).toBe(200);
      expect(classify.headers.get('x-request-id')).toMatch(UUID);
      expect(gemini.requests.length).toBeGreaterThan(0);

      const badJson = await post(server.url + '/graphql', '{"query": ', 'ops-bad-json-1');
      expect(badJson.status).toBe(400);
      const missing = await fetch(server.url + '/no-such-page', { headers: { 'x-request-id': 'ops-404-1' } });
      expect(missing.status).toBe(404);

      expect(await stopServer(server)).toEqual({ code: 0, signal: null });

      expectWellFormedLogs(server);
      for (const id of ['ops-health-1', 'ops-classify-1', 'ops-bad-json-1', 'ops-404-1', longest]) {
        const messages = linesOf(server, id).map((l) => l.msg);
        expect(messages).toContain('incoming request');
        expect(messages).toContain('request completed');
      }
      expect(linesOf(server, 'ops-health-1')[0]!.reqId).toBe(ourId);
      expect(linesOf(server, 'ops-classify-1')[0]!.reqId).toBe(classify.headers.get('x-request-id'));
      // A malformed id is not logged at all, and nobody's id is ever logged as ours.
      for (const id of malformed) expect(server.stdout()).not.toContain(JSON.stringify(id).slice(1, -1));
      expect(server.logs.filter((l) => 'reqId' in l && !UUID.test(String(l.reqId)))).toEqual([]);
      // The classifier's warning is written while serving the request, so it carries its ids.
      const warning = server.logs.find((l) => typeof l.msg === 'string' && /Gemini/.test(l.msg));
      expect(warning).toMatchObject({ clientRequestId: 'ops-classify-1', level: 40 });
      // Lines outside any request (start, shutdown) carry none.
      expect(server.logs.find((l) => l.msg === 'support tickets server ready')).not.toHaveProperty('reqId');
    } finally {
      await gemini.close();
    }
  }, 90_000);
});

if (TEST_DATABASE_URL) {
  describe('structured logs of the server process [postgres]', () => {
    it('log a database failure with the request id, answer without SQL, and never log the database password', async () => {
      const pg = await createPgDatabase();
      try {
        const withPassword = new URL(pg.url);
        withPassword.password = SECRET;
        const server = await startAuthenticatedServer({ DATABASE_URL: withPassword.toString() });
        const credentials = { authorization: server.authorization };

        const before = await post(
          server.url + '/graphql',
          JSON.stringify({ query: '{ tickets { totalCount } }' }),
          'ops-ok-1',
          credentials,
        );
        expect(await before.json()).toEqual({ data: { tickets: { totalCount: 0 } } });

        // The table disappears under the running server (an operator's mistake, a restore gone wrong).
        await pg.query('drop table tickets cascade');
        const res = await post(
          server.url + '/graphql',
          JSON.stringify({ query: '{ tickets { totalCount } }' }),
          'ops-db-down-1',
          credentials,
        );
        const text = await res.text();
        expect(JSON.parse(text).errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
        expect(text).not.toMatch(/select|relation|does not exist/i);

        expect(await stopServer(server)).toEqual({ code: 0, signal: null });
        expectWellFormedLogs(server);
        const failure = linesOf(server, 'ops-db-down-1').find((l) => l.level === 50);
        expect(failure).toBeDefined();
        expect(JSON.stringify(failure)).toMatch(/relation/);
      } finally {
        await pg.drop();
      }
    }, 90_000);
  });
}
