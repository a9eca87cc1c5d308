// SIGTERM with kept-alive connections open, as a browser or a proxy's connection pool
// holds them: idle ones are closed cleanly or answered 503 with `Connection: close`,
// never reset, and the request in flight still completes.
import { Agent, request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllServers, startAuthenticatedServer, type RunningServer } from './support/server-process.js';

afterAll(killAllServers);

interface Outcome {
  status?: number;
  connection?: string;
  error?: string;
  body?: string;
}

function get(server: RunningServer, agent: Agent, path: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(server.url + path, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

describe('graceful shutdown with kept-alive connections', () => {
  it('closes idle connections cleanly or answers 503 + Connection: close; nobody sees ECONNRESET', async () => {
    // The in-flight request is held open on purpose: no request deadline may end it first.
    const server = await startAuthenticatedServer({ SHUTDOWN_GRACE_MS: '30000', REQUEST_TIMEOUT_MS: '60000' });
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const inFlight = new Agent({ keepAlive: true });
    try {
      // Eight kept-alive sockets, all idle in the agent's pool.
      const warm = await Promise.all(Array.from({ length: 8 }, () => get(server, agent, '/healthz')));
      expect(warm.every((o) => o.status === 200)).toBe(true);
      expect(Object.values(agent.freeSockets).flat()).toHaveLength(8);

      // One request in flight on a kept-alive socket of its own: its body is half sent.
      const body = JSON.stringify({ query: '{ tickets { totalCount } }' });
      let finishSlow = () => {};
      const slow = new Promise<Outcome>((resolve) => {
        const req = request(
          server.url + '/graphql',
          {
            agent: inFlight,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'x-request-id': 'ka-in-flight',
              authorization: server.authorization,
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, body: text }));
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
        req.write(body.slice(0, 5));
        finishSlow = () => req.end(body.slice(5));
      });
      await server.waitForLog((l) => l.clientRequestId === 'ka-in-flight' && l.msg === 'incoming request', 'the in-flight request');

      server.child.kill('SIGTERM');
      // On the idle sockets at once (the server may not have seen the signal yet), and
      // again once shutdown has begun.
      const atOnce = await Promise.all(Array.from({ length: 4 }, () => get(server, agent, '/healthz')));
      await server.waitForLog((l) => l.msg === 'shutting down: finishing in-flight requests', 'the shutdown line');
      const during = await Promise.all(Array.from({ length: 4 }, () => get(server, agent, '/healthz')));

      const refused = { status: 503, connection: 'close' };
      // A connection closed cleanly before the request makes the agent open a new one,
      // which the closed listener refuses: the client knows nothing was sent.
      const closedCleanly = { error: 'ECONNREFUSED' };
      for (const outcome of atOnce) expect([{ status: 200, connection: 'keep-alive' }, refused, closedCleanly]).toContainEqual(outcome);
      for (const outcome of during) expect([refused, closedCleanly]).toContainEqual(outcome);
      // The request in flight is served, and told not to reuse its connection.
      finishSlow();
      const { body: answer, ...served } = await slow;
      expect(served).toEqual({ status: 200, connection: 'close' });
      expect(JSON.parse(answer!)).toEqual({ data: { tickets: { totalCount: 0 } } });
      expect(await server.exited).toEqual({ code: 0, signal: null });
    } finally {
      agent.destroy();
      inFlight.destroy();
    }
  }, 60_000);
});
