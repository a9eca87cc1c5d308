// A process started while PostgreSQL is out of reach must start, and begin listening
// once it is back (live updates and webhook wake-ups depend on it), saying that it
// missed notifications meanwhile. The database sits behind a gate that drops every
// connection until it opens.
import { connect, createServer, type Socket } from 'node:net';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { listenWithRetry } from '../../src/db/listen-retry.js';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

interface Gate {
  url: string;
  open(): void;
  close(): Promise<void>;
}

/** A TCP gate in front of PostgreSQL: connections are dropped at once until `open()`. */
async function startGate(target: URL): Promise<Gate> {
  let open = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('error', () => {});
    client.on('close', () => sockets.delete(client));
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(upstream);
    upstream.on('error', () => {});
    client.pipe(upstream).pipe(client);
    for (const socket of [client, upstream]) socket.on('close', () => (client.destroy(), upstream.destroy()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: url.toString(),
    open: () => {
      open = true;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

if (TEST_DATABASE_URL) {
  describe('listening on a database that is down at start', () => {
    it('starts, retries, and once the database is back hears notifications and reports the gap', async () => {
      const gate = await startGate(new URL(TEST_DATABASE_URL));
      cleanups.push(gate.close);
      const database: Database = await openDatabase({
        kind: 'postgres',
        url: gate.url,
        maxConnections: 1,
        timeouts: { connectMs: 500, statementMs: 1_000 },
      });
      cleanups.push(() => database.close());
      const warnings: object[] = [];
      const heard: string[] = [];
      let resumed = 0;
      const channel = `listen_retry_${process.pid}`;

      const stop = await listenWithRetry(database, channel, (payload) => heard.push(payload), {
        onResume: () => resumed++,
        log: { warn: (obj) => warnings.push(obj) },
        startWaitMs: 300,
        firstDelayMs: 50,
        maxDelayMs: 200,
      });
      cleanups.push(stop);
      // Not listening yet, and the caller got on with its start.
      expect(warnings.length).toBeGreaterThan(0);
      expect(resumed).toBe(0);

      gate.open();
      const direct = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
      cleanups.push(() => direct.end({ timeout: 1 }));
      const deadline = Date.now() + 10_000;
      while (heard.length === 0 && Date.now() < deadline) {
        await direct.notify(channel, 'after the outage');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(heard[0]).toBe('after the outage');
      // Late, so the listener is told it may have missed notifications.
      expect(resumed).toBe(1);

      await stop();
      const before = heard.length;
      await direct.notify(channel, 'after stop');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard.length).toBe(before);
    });
  });
}
