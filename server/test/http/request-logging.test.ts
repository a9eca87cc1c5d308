// Query strings carry what customers type (a search, a GraphQL query sent by GET, its
// variables): the request lines keep the path and the names the API knows, and only
// values of a closed, harmless form (a page number, a category…), never the rest.
import { connect, type AddressInfo } from 'node:net';
import { beforeEach, expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.js';

const SECRET = 'SECRETSEARCHTERM';
type LogLine = Record<string, any>;
const lines: LogLine[] = [];
const logStream = { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) };

/** The URL of the request's "incoming request" line. */
function loggedUrl(): string | undefined {
  return lines.find((l) => l.msg === 'incoming request')?.req?.url;
}

function expectNoSecret(): void {
  expect(lines.length).toBeGreaterThan(0);
  expect(JSON.stringify(lines)).not.toMatch(/SECRET/i);
}

describeOnDatabases(
  'query strings in the logs',
  (ctx) => {
    beforeEach(() => {
      lines.length = 0;
    });

    it('REST GET: the search is redacted, a page and a category are kept', async () => {
      const res = await ctx.http({ method: 'GET', url: `/api/tickets/?search=${SECRET}%20card&page=1&category=billing&page_size=20` });
      expect(res.statusCode).toBe(200);
      expectNoSecret();
      expect(loggedUrl()).toBe('/api/tickets/?search=[redacted]&page=1&category=billing&page_size=20');
    });

    it('REST GET: a known name with a value outside its form, and an unknown name, are redacted', async () => {
      await ctx.http({ method: 'GET', url: `/api/tickets/?status=${SECRET}&page=${SECRET}&${SECRET}=1&page_size&toString=${SECRET}` });
      expectNoSecret();
      expect(loggedUrl()).toBe('/api/tickets/?status=[redacted]&page=[redacted]&[redacted]=[redacted]&page_size&[redacted]=[redacted]');
    });

    it('GraphQL GET: neither the query nor its variables are logged', async () => {
      const query = encodeURIComponent(`query Find($s: String) { tickets(search: $s) { totalCount } } # ${SECRET}`);
      const variables = encodeURIComponent(JSON.stringify({ s: SECRET }));
      const res = await ctx.http({
        method: 'GET',
        url: `/graphql?query=${query}&variables=${variables}&operationName=Find`,
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(res.statusCode).toBe(200);
      expectNoSecret();
      expect(loggedUrl()).toBe('/graphql?query=[redacted]&variables=[redacted]&operationName=[redacted]');
    });

    it('GraphQL POST: neither the body nor a query string is logged', async () => {
      const res = await ctx.http({
        method: 'POST',
        url: `/graphql?search=${SECRET}`,
        headers: { 'content-type': 'application/json' },
        payload: { query: `query ($s: String) { tickets(search: $s) { totalCount } } # ${SECRET}`, variables: { s: SECRET } },
      });
      expect(res.statusCode).toBe(200);
      expectNoSecret();
      expect(loggedUrl()).toBe('/graphql?search=[redacted]');
    });

    it('a route that does not exist: its query string is not logged either', async () => {
      await ctx.http({ method: 'GET', url: `/api/nothing-here/?search=${SECRET}` });
      await ctx.http({ method: 'GET', url: `/nothing-here?search=${SECRET}` });
      expectNoSecret();
    });

    it('an absolute-form request target: its authority (and any credentials in it) is not logged', async () => {
      // Written byte for byte: inject would normalise the target. The "incoming request"
      // line is written before the request guards turn the target into its path.
      await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = ctx.app.server.address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        socket.on('error', reject);
        socket.on('data', () => {});
        socket.on('end', () => {
          socket.destroy();
          resolve();
        });
        socket.write(`GET http://user:${SECRET}@localhost/api/tickets/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      });
      expectNoSecret();
      expect(loggedUrl()).toBe('/api/tickets/');
    });
  },
  { env: { LOG_LEVEL: 'info' }, logStream },
);
