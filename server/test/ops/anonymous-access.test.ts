// ANONYMOUS_ACCESS as an operator sees it: set to read or write, the server warns at
// every start that callers without credentials are let in (the original API's
// clients, on a trusted network) and does let them in that far; unset, it says
// nothing and refuses them.
import { afterAll, describe, expect, it } from 'vitest';
import { killAllServers, startServer, stopServer, type ServerProcess } from './support/server-process.js';

afterAll(killAllServers);

const WARN = 40;

/** The lines that speak of anonymous access, whatever their wording. */
const anonymousAccessLines = (server: ServerProcess) =>
  server.logs.filter((l) => 'anonymousAccess' in l || (typeof l.msg === 'string' && l.msg.includes('ANONYMOUS_ACCESS')));

/** What an original-API client, which sends no credentials, gets: a read and a write. */
async function legacyClient(url: string): Promise<{ read: number; write: number }> {
  const read = await fetch(`${url}/api/tickets/`);
  const write = await fetch(`${url}/api/tickets/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Sent without credentials', description: 'By a client of the original API.' }),
  });
  return { read: read.status, write: write.status };
}

describe('ANONYMOUS_ACCESS at start', () => {
  it.each([
    { level: 'read', statuses: { read: 200, write: 401 } },
    { level: 'write', statuses: { read: 200, write: 201 } },
  ])(
    '$level: a warning before serving, and anonymous callers get that far',
    async ({ level, statuses }) => {
      const server = await startServer({ ANONYMOUS_ACCESS: level });
      expect(await legacyClient(server.url)).toEqual(statuses);
      expect(await stopServer(server)).toEqual({ code: 0, signal: null });

      const warnings = anonymousAccessLines(server);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ level: WARN, anonymousAccess: level });
      expect(warnings[0]).not.toHaveProperty('reqId');
      // Said before the server is ready, so no request is ever served before it is logged.
      const ready = server.logs.findIndex((l) => l.msg === 'support tickets server ready');
      expect(server.logs.indexOf(warnings[0]!)).toBeLessThan(ready);
    },
    60_000,
  );

  it('unset: no warning, and anonymous callers are refused', async () => {
    const server = await startServer();
    expect(await legacyClient(server.url)).toEqual({ read: 401, write: 401 });
    expect(await stopServer(server)).toEqual({ code: 0, signal: null });
    expect(anonymousAccessLines(server)).toEqual([]);
  }, 60_000);
});
