// A client that sends its request slowly cannot hold a connection past the request
// deadline: neither by trickling a body (Content-Length promises more than comes) nor
// by trickling headers. It is answered with `Connection: close` and its socket closed.
// A real listening server and raw sockets, since inject() has no socket to hold.
import { connect, type AddressInfo } from 'node:net';
import { beforeAll, expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.js';

const DEADLINE_MS = 500;
const TRICKLE_EVERY_MS = 100;
// How long a test waits for the server to give up. Far past the deadline (and the up
// to quarter-deadline lag of Node's connection check), for a loaded 2-core CI box;
// without the bound the socket stays open for minutes.
const PATIENCE_MS = 8_000;

interface Outcome {
  /** The response's head, as received. */
  status?: number;
  connection?: string;
  /** Whether the server closed the socket within PATIENCE_MS. */
  closed: boolean;
}

/** Sends `head` at once, then one byte of `trickle` every TRICKLE_EVERY_MS, until the server closes the socket. */
function trickleRequest(port: number, head: string, trickle: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < trickle.length) socket.write(trickle[sent++]!);
    }, TRICKLE_EVERY_MS);
    const finish = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(patience);
      socket.destroy();
      const [statusLine = '', ...headers] = received.split('\r\n\r\n')[0]!.split('\r\n');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1];
      const connection = headers
        .find((h) => /^connection:/i.test(h))
        ?.replace(/^connection:\s*/i, '')
        .toLowerCase();
      resolve({ status: status === undefined ? undefined : Number(status), connection, closed });
    };
    const patience = setTimeout(() => finish(false), PATIENCE_MS);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    // A write after the server's close may be reset: the answer was read already.
    socket.on('error', () => {});
    socket.on('close', () => finish(true));
    socket.write(head);
  });
}

describeOnDatabases(
  'a client sending its request slower than REQUEST_TIMEOUT_MS',
  (ctx) => {
    let port: number;
    beforeAll(async () => {
      await ctx.app.listen({ host: '127.0.0.1', port: 0 });
      port = (ctx.app.server.address() as AddressInfo).port;
    });

    it.each([
      ['REST', '/api/tickets/', 'application/x-www-form-urlencoded'],
      ['GraphQL', '/graphql', 'application/json'],
    ])('is cut off with Connection: close while trickling a %s body', async (_api, path, contentType) => {
      // With a token: an anonymous write is refused before its body is read.
      const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${ctx.authorization}\r\nContent-Type: ${contentType}\r\nContent-Length: 100000\r\n\r\n`;
      const outcome = await trickleRequest(port, head, 'x'.repeat(1000));
      // 503 when the request deadline ends the handler first, 408 when Node's receive
      // deadline does: the same deadline, whichever timer fires first.
      expect([408, 503]).toContain(outcome.status);
      expect(outcome).toMatchObject({ connection: 'close', closed: true });
    });

    it('is cut off with 408 and Connection: close while trickling headers', async () => {
      const outcome = await trickleRequest(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: ' + 'y'.repeat(1000));
      expect(outcome).toEqual({ status: 408, connection: 'close', closed: true });
    });
  },
  { env: { REQUEST_TIMEOUT_MS: String(DEADLINE_MS) } },
);
