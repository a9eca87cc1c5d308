// Requests from where they should not come: a Host outside ALLOWED_HOSTS (DNS
// rebinding), an unsafe request from another site (a form post from any page), and a
// client address taken from X-Forwarded-For only when TRUST_PROXY says who may set it.
import type { InjectOptions } from 'fastify';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostAllowed, parseAllowedHosts } from '../../src/http/request-guards.js';
import { count } from 'drizzle-orm';
import { tickets } from '../../src/db/schema.js';
import { createTickets } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';

const FORM = 'application/x-www-form-urlencoded';
const TICKET_FORM = 'title=Charged+twice&description=My+card+was+charged+twice';
const CREATE = 'mutation ($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } } }';
const PARTNER = 'https://partner.example';

async function countTickets(ctx: TestContext): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(tickets);
  return row!.n;
}

function post(ctx: TestContext, url: string, headers: Record<string, string>, payload: string): ReturnType<TestContext['http']> {
  return ctx.http({ method: 'POST', url, headers, payload });
}

function graphqlCreate(ctx: TestContext, headers: Record<string, string> = {}) {
  return ctx.http({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ query: CREATE, variables: { input: { title: 'From a page', description: 'Posted by a page' } } }),
  });
}

describe('ALLOWED_HOSTS matching, as Django reads it', () => {
  const patterns = parseAllowedHosts('localhost,.example.com,[::1],Tickets.Test');
  it.each([
    ['localhost', true],
    ['localhost:8000', true],
    ['LOCALHOST', true],
    ['example.com', true],
    ['api.example.com:8443', true],
    ['deep.api.example.com', true],
    ['[::1]:8000', true],
    ['tickets.test', true],
    ['example.com.', true],
    ['badexample.com', false],
    ['example.com.evil.test', false],
    ['127.0.0.1', false],
    ['', false],
    ['local host', false],
    ['localhost:80:80', false],
    ['user@localhost', false],
    ['localhost:65535', true],
    ['localhost:1', true],
    ['localhost:99999', false],
    ['localhost:65536', false],
    ['localhost:0', false],
  ])('%j → %s', (host, allowed) => {
    expect(hostAllowed(patterns, host)).toBe(allowed);
  });

  it('lets * match any well-formed host, but never a malformed one', () => {
    const any = parseAllowedHosts('*');
    expect(hostAllowed(any, 'anything.test:1234')).toBe(true);
    expect(hostAllowed(any, 'evil.example/../x')).toBe(false);
  });
});

describeOnDatabases(
  'the Host header',
  (ctx) => {
    it.each([
      ['REST', '/api/tickets/'],
      ['the web app', '/'],
      ['an unknown route', '/no-such-page'],
    ])('is refused with 400 {"detail"} on %s when not in ALLOWED_HOSTS', async (_where, url) => {
      const res = await ctx.http({ method: 'GET', url, headers: { host: 'evil.example' } });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json())).toEqual(['detail']);
      expect(res.headers.link).toBeUndefined();
    });

    it('is refused on /graphql with a GraphQL error and its code', async () => {
      const res = await ctx.http({
        method: 'POST',
        url: '/graphql',
        headers: { host: 'evil.example:8000', 'content-type': 'application/json' },
        payload: JSON.stringify({ query: '{ tickets { totalCount } }' }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].extensions).toEqual({ code: 'DISALLOWED_HOST' });
    });

    it('is refused before a write happens', async () => {
      const res = await post(ctx, '/api/tickets/', { host: 'evil.example', 'content-type': FORM }, TICKET_FORM);
      expect(res.statusCode).toBe(400);
      expect(await countTickets(ctx)).toBe(0);
    });

    it('is not checked by the probes, which orchestrators call by address', async () => {
      for (const url of ['/healthz', '/readyz']) {
        expect((await ctx.http({ method: 'GET', url, headers: { host: '10.1.2.3:8000' } })).statusCode).toBe(200);
      }
    });

    it('accepts the listed hosts with any port, and builds the Link header from them', async () => {
      await createTickets(ctx.db, 2);
      const res = await ctx.http({ method: 'GET', url: '/api/tickets/?page_size=1', headers: { host: 'api.tickets.test:8443' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers.link).toContain('<http://api.tickets.test:8443/api/tickets/?page_size=1&page=2>; rel="next"');
    });

    it('is refused when its port is not a port, and never reaches the Link header', async () => {
      await createTickets(ctx.db, 2);
      for (const host of ['localhost:99999', 'localhost:0']) {
        const res = await ctx.http({ method: 'GET', url: '/api/tickets/?page_size=1', headers: { host } });
        expect({ host, status: res.statusCode, link: res.headers.link }).toEqual({ host, status: 400, link: undefined });
      }
    });

    it('does not take X-Forwarded-Host or -Proto from a client when no proxy is trusted', async () => {
      await createTickets(ctx.db, 2);
      const res = await ctx.http({
        method: 'GET',
        url: '/api/tickets/?page_size=1',
        headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers.link).toContain('<http://localhost:80/api/tickets/?page_size=1&page=2>');
    });
  },
  { env: { ALLOWED_HOSTS: 'localhost,.tickets.test' } },
);

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request written byte for byte (inject would normalise an absolute-form target). */
function rawRequest(port: number, head: string, body = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    // Not half-closed: Fastify drops a GET whose client has ended its side.
    socket.on('end', () => {
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = text.slice(0, split).split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: text.slice(split + 4) });
    });
    socket.write(`${head.replaceAll('\n', '\r\n')}\r\nConnection: close\r\n\r\n${body}`);
  });
}

describeOnDatabases(
  'an absolute-form request target (RFC 9112 §3.2.2: its authority overrides Host)',
  (ctx) => {
    let port: number;
    beforeAll(async () => {
      await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      port = (ctx.app.server.address() as AddressInfo).port;
    });

    it.each([
      ['GET http://evil.example/api/tickets/?page_size=1', 'localhost'],
      ['GET http://evil.example/api/tickets?page_size=1', 'localhost'],
      ['GET https://evil.example:8443/', 'localhost'],
      ['GET http://user@localhost/api/tickets/', 'localhost'],
    ])('is refused with 400 when the authority is not in ALLOWED_HOSTS: %s (Host: %s)', async (line, host) => {
      await createTickets(ctx.db, 2);
      const res = await rawRequest(port, `${line} HTTP/1.1\nHost: ${host}`);
      expect(res.status).toBe(400);
      expect(Object.keys(JSON.parse(res.body))).toEqual(['detail']);
      expect(res.headers.location).toBeUndefined();
      expect(res.headers.link).toBeUndefined();
    });

    it('is refused before a write happens, and on /graphql with the GraphQL code', async () => {
      const form = `POST http://evil.example/api/tickets/ HTTP/1.1\nHost: localhost\nContent-Type: ${FORM}\nContent-Length: ${TICKET_FORM.length}`;
      expect((await rawRequest(port, form, TICKET_FORM)).status).toBe(400);
      const redirect = `POST http://evil.example/api/tickets HTTP/1.1\nHost: localhost\nContent-Type: ${FORM}\nContent-Length: ${TICKET_FORM.length}`;
      expect((await rawRequest(port, redirect, TICKET_FORM)).status).toBe(400);
      expect(await countTickets(ctx)).toBe(0);
      const query = '{"query": "{ tickets { totalCount } }"}';
      const gql = await rawRequest(
        port,
        `POST http://evil.example/graphql HTTP/1.1\nHost: localhost\nContent-Type: application/json\nContent-Length: ${query.length}`,
        query,
      );
      expect(gql.status).toBe(400);
      expect(JSON.parse(gql.body).errors[0].extensions).toEqual({ code: 'DISALLOWED_HOST' });
    });

    it('with an allowed authority, redirects to the path alone and links from the path and that authority', async () => {
      await createTickets(ctx.db, 2);
      const get = await rawRequest(port, 'GET http://api.tickets.test:8443/api/tickets?page_size=1 HTTP/1.1\nHost: localhost');
      expect(get.status).toBe(301);
      expect(get.headers.location).toBe('/api/tickets/?page_size=1');
      const post = await rawRequest(port, 'POST HTTP://LOCALHOST/api/tickets HTTP/1.1\nHost: localhost\nContent-Length: 0');
      expect(post.status).toBe(308);
      expect(post.headers.location).toBe('/api/tickets/');
      const list = await rawRequest(
        port,
        `GET http://api.tickets.test:8443/api/tickets/?page_size=1 HTTP/1.1\nHost: localhost\nAuthorization: ${ctx.authorization}`,
      );
      expect(list.status).toBe(200);
      expect(list.headers.link).toContain('<http://api.tickets.test:8443/api/tickets/?page_size=1&page=2>; rel="next"');
    });
  },
  { env: { ALLOWED_HOSTS: 'localhost,.tickets.test' } },
);

describeOnDatabases('the default ALLOWED_HOSTS', (ctx) => {
  it.each([['localhost:8000'], ['127.0.0.1:8000'], ['[::1]:8000']])('accepts %s', async (host) => {
    expect((await ctx.http({ method: 'GET', url: '/api/tickets/', headers: { host } })).statusCode).toBe(200);
  });

  it('refuses a rebinding name', async () => {
    expect((await ctx.http({ method: 'GET', url: '/api/tickets/', headers: { host: 'rebind.attacker.test' } })).statusCode).toBe(400);
  });
});

describeOnDatabases(
  'unsafe requests from another site',
  (ctx) => {
    it.each([
      ['another origin', { origin: 'https://evil.example' }],
      ['an opaque origin', { origin: 'null' }],
      ['our host on another scheme', { origin: 'https://localhost' }],
      ['our host on another port', { origin: 'http://localhost:8080' }],
      ['Sec-Fetch-Site: cross-site and no Origin', { 'sec-fetch-site': 'cross-site' }],
    ])('are refused with 403 {"detail"} from %s, form body or not, and write nothing', async (_from, headers) => {
      const form = await post(ctx, '/api/tickets/', { 'content-type': FORM, ...headers }, TICKET_FORM);
      expect(form.statusCode).toBe(403);
      expect(Object.keys(form.json())).toEqual(['detail']);
      const json = await post(
        ctx,
        '/api/tickets/',
        { 'content-type': 'application/json', ...headers },
        '{"title": "x", "description": "y"}',
      );
      expect(json.statusCode).toBe(403);
      const text = await post(ctx, '/api/tickets/classify/', { 'content-type': 'text/plain', ...headers }, 'description=x');
      expect(text.statusCode).toBe(403);
      expect(await countTickets(ctx)).toBe(0);
    });

    it('are refused on /graphql with a GraphQL error and its code', async () => {
      const res = await graphqlCreate(ctx, { origin: 'https://evil.example' });
      expect(res.statusCode).toBe(403);
      expect(res.json().errors[0].extensions).toEqual({ code: 'CROSS_SITE_REQUEST' });
      expect(await countTickets(ctx)).toBe(0);
    });

    it('are refused on every other route too', async () => {
      const res = await post(ctx, '/no-such-page', { origin: 'https://evil.example', 'content-type': FORM }, 'a=b');
      expect(res.statusCode).toBe(403);
    });

    it('are accepted from our own origin (as the browser names it), from CORS_ORIGINS, and without an Origin', async () => {
      const accepted: Record<string, string>[] = [
        { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
        { origin: 'http://LOCALHOST:80' },
        { origin: PARTNER, 'sec-fetch-site': 'cross-site' },
        {},
        { 'sec-fetch-site': 'same-site' },
        { 'sec-fetch-site': 'none' },
      ];
      for (const headers of accepted) {
        const res = await post(ctx, '/api/tickets/', { 'content-type': FORM, ...headers }, TICKET_FORM);
        expect({ headers, status: res.statusCode }).toEqual({ headers, status: 201 });
      }
      const ours = await graphqlCreate(ctx, { host: 'localhost:8000', origin: 'http://localhost:8000' });
      expect(ours.json().errors).toBeUndefined();
      expect(await countTickets(ctx)).toBe(accepted.length + 1);
    });

    it('leave safe requests alone, whatever their origin', async () => {
      const headers = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
      expect((await ctx.http({ method: 'GET', url: '/api/tickets/', headers })).statusCode).toBe(200);
      expect((await ctx.http({ method: 'HEAD', url: '/api/tickets/', headers })).statusCode).toBe(200);
      expect((await ctx.http({ method: 'OPTIONS', url: '/api/tickets/', headers })).statusCode).toBe(200);
    });

    it('keep the CORS preflight working for CORS_ORIGINS, and the write that follows it', async () => {
      const preflight = await ctx.http({
        method: 'OPTIONS',
        url: '/api/tickets/',
        headers: { origin: PARTNER, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(PARTNER);
      const res = await post(
        ctx,
        '/api/tickets/',
        { origin: PARTNER, 'content-type': 'application/json' },
        '{"title": "a", "description": "b"}',
      );
      expect(res.statusCode).toBe(201);
      expect(res.headers['access-control-allow-origin']).toBe(PARTNER);
    });
  },
  { env: { CORS_ORIGINS: PARTNER } },
);

describeOnDatabases(
  'CORS_ORIGINS=*',
  (ctx) => {
    it('lets any origin write, as it lets any origin read', async () => {
      const res = await post(ctx, '/api/tickets/', { origin: 'https://anyone.example', 'content-type': FORM }, TICKET_FORM);
      expect(res.statusCode).toBe(201);
    });
  },
  { env: { CORS_ORIGINS: '*' } },
);

const CLASSIFY: InjectOptions = {
  method: 'POST',
  url: '/api/tickets/classify/',
  headers: { 'content-type': 'application/json' },
  payload: '{"description": "The app crashes on start"}',
};

function classifyAs(ctx: TestContext, remoteAddress: string, forwardedFor?: string) {
  const headers = { ...(CLASSIFY.headers as Record<string, string>), ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) };
  return ctx.http({ ...CLASSIFY, remoteAddress, headers });
}

describeOnDatabases(
  'the classify budget without TRUST_PROXY',
  (ctx) => {
    it('is the socket address: a forged X-Forwarded-For does not buy a fresh budget', async () => {
      for (let i = 0; i < 2; i += 1) expect((await classifyAs(ctx, '10.0.0.1', `192.0.2.${i}`)).statusCode).toBe(200);
      expect((await classifyAs(ctx, '10.0.0.1', '198.51.100.7')).statusCode).toBe(429);
    });
  },
  { env: { CLASSIFY_RATE_LIMIT: '2' } },
);

describeOnDatabases(
  'the classify budget with TRUST_PROXY as a hop count',
  (ctx) => {
    it('is the forwarded client address: two clients behind one proxy get one budget each', async () => {
      for (let i = 0; i < 2; i += 1) expect((await classifyAs(ctx, '10.0.0.1', '192.0.2.1')).statusCode).toBe(200);
      expect((await classifyAs(ctx, '10.0.0.1', '192.0.2.1')).statusCode).toBe(429);
      expect((await classifyAs(ctx, '10.0.0.1', '192.0.2.2')).statusCode).toBe(200);
    });

    it('counts hops from the right: a client cannot prepend an address of its choosing', async () => {
      for (let i = 0; i < 2; i += 1) expect((await classifyAs(ctx, '10.0.0.1', `203.0.113.${i}, 192.0.2.3`)).statusCode).toBe(200);
      expect((await classifyAs(ctx, '10.0.0.1', '203.0.113.99, 192.0.2.3')).statusCode).toBe(429);
    });
  },
  { env: { CLASSIFY_RATE_LIMIT: '2', TRUST_PROXY: '1' } },
);

describeOnDatabases(
  'TRUST_PROXY as a list of proxy addresses',
  (ctx) => {
    it('believes X-Forwarded-For only from those addresses', async () => {
      for (let i = 0; i < 2; i += 1) expect((await classifyAs(ctx, '10.9.8.7', '192.0.2.1')).statusCode).toBe(200);
      expect((await classifyAs(ctx, '10.9.8.7', '192.0.2.1')).statusCode).toBe(429);
      expect((await classifyAs(ctx, '10.9.8.7', '192.0.2.2')).statusCode).toBe(200);
      // Not a listed proxy: its header is ignored, and it has a budget of its own.
      for (let i = 0; i < 2; i += 1) expect((await classifyAs(ctx, '198.51.100.1', `192.0.2.${10 + i}`)).statusCode).toBe(200);
      expect((await classifyAs(ctx, '198.51.100.1', '192.0.2.20')).statusCode).toBe(429);
    });

    it('takes the Link header scheme and host from the proxy, still checked against ALLOWED_HOSTS', async () => {
      await createTickets(ctx.db, 2);
      const viaProxy = (host: string, extra: Record<string, string> = {}) =>
        ctx.http({
          method: 'GET',
          url: '/api/tickets/?page_size=1',
          remoteAddress: '10.9.8.7',
          headers: { host: 'server:8000', 'x-forwarded-host': host, 'x-forwarded-proto': 'https', ...extra },
        });
      const res = await viaProxy('tickets.example.com');
      expect(res.statusCode).toBe(200);
      expect(res.headers.link).toContain('<https://tickets.example.com/api/tickets/?page_size=1&page=2>; rel="next"');
      expect((await viaProxy('evil.example')).statusCode).toBe(400);
    });

    it('makes the public https origin our own, for the cross-site check', async () => {
      const res = await ctx.http({
        method: 'POST',
        url: '/api/tickets/',
        remoteAddress: '10.9.8.7',
        headers: {
          'x-forwarded-host': 'tickets.example.com',
          'x-forwarded-proto': 'https',
          origin: 'https://tickets.example.com',
          'content-type': FORM,
        },
        payload: TICKET_FORM,
      });
      expect(res.statusCode).toBe(201);
    });
  },
  { env: { CLASSIFY_RATE_LIMIT: '2', TRUST_PROXY: '127.0.0.1, 10.0.0.0/8', ALLOWED_HOSTS: 'localhost,tickets.example.com,server' } },
);
