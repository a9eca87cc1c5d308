// The REST shim's HTTP behaviour around the endpoints, on every test database: body
// parsing (malformed JSON, 413, 415, forms), trailing slashes, 404s, OPTIONS, CORS,
// the OpenAPI document and Swagger UI, and masked, logged 500s.
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { createRateLimiter } from '../../src/common/rate-limiter.js';
import { registerAccessControl } from '../../src/auth/access-control.js';
import { createAuthenticator } from '../../src/auth/authentication.js';
import { restShim } from '../../src/rest/rest.plugin.js';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from '../../src/tickets/ticket.enums.js';
import { createTicket } from '../support/factories.js';
import { describeOnDatabases, testConfig } from '../support/harness.js';
import { TICKET_KEYS } from './rest.helpers.js';

const BODY_LIMIT = 4096;
const ALLOWED_ORIGIN = 'https://support.example.com';

describeOnDatabases(
  'the REST shim over HTTP',
  (ctx) => {
    const send = (method: 'POST' | 'PATCH', url: string, contentType: string | undefined, payload: string) =>
      ctx.http({ method, url, headers: contentType === undefined ? {} : { 'content-type': contentType }, payload });

    it.each([
      ['POST', '/api/tickets/', '{"title": "t", '],
      ['POST', '/api/tickets/', '{title: "t"}'],
      ['POST', '/api/tickets/', '   '],
      ['PATCH', '/api/tickets/1/', '{"status": "open"'],
      ['POST', '/api/tickets/classify/', "{'description': 'x'}"],
    ] as const)('answers malformed JSON on %s %s with 400 {"detail": "JSON parse error - …"}', async (method, url, payload) => {
      await createTicket(ctx.db);
      const res = await send(method, url, 'application/json', payload);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json())).toEqual(['detail']);
      expect(res.json().detail).toMatch(/^JSON parse error - \S/);
    });

    it('refuses a body that tries to set __proto__, as JSON that cannot be parsed safely', async () => {
      const res = await send(
        'POST',
        '/api/tickets/',
        'application/json',
        '{"title": "t", "description": "d", "__proto__": {"status": "closed"}}',
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/^JSON parse error - /);
    });

    it('reads an empty JSON body as no fields, as DRF does', async () => {
      const res = await send('POST', '/api/tickets/', 'application/json', '');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ title: ['This field is required.'], description: ['This field is required.'] });
    });

    it('accepts JSON with a charset parameter', async () => {
      const res = await send(
        'POST',
        '/api/tickets/',
        'application/json; charset=utf-8',
        '{"title": "Café", "description": "Crème brûlée"}',
      );
      expect(res.statusCode).toBe(201);
      expect(res.json().title).toBe('Café');
    });

    it.each([
      ['text/plain', 'title=t'],
      ['text/plain; charset=utf-8', 'title=t'],
      ['application/xml', '<ticket/>'],
      ['multipart/form-data; boundary=x', '--x--'],
    ])("answers Content-Type %s with 415 and DRF's detail", async (contentType, payload) => {
      const res = await send('POST', '/api/tickets/', contentType, payload);
      expect(res.statusCode).toBe(415);
      expect(res.json()).toEqual({ detail: `Unsupported media type "${contentType}" in request.` });
    });

    it('answers a body without a Content-Type with 415', async () => {
      const res = await send('POST', '/api/tickets/', undefined, '{"title": "t"}');
      expect(res.statusCode).toBe(415);
      expect(res.json()).toEqual({ detail: 'Unsupported media type "" in request.' });
    });

    it.each([
      ['JSON', 'application/json', JSON.stringify({ title: 't', description: 'd'.repeat(BODY_LIMIT) })],
      ['a form', 'application/x-www-form-urlencoded', `title=t&description=${'d'.repeat(BODY_LIMIT)}`],
    ])('answers %s over the body limit with 413, writing nothing', async (_name, contentType, payload) => {
      const res = await send('POST', '/api/tickets/', contentType, payload);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toEqual({ detail: `Request body exceeds the limit of ${BODY_LIMIT} bytes.` });
      const list = await ctx.http({ method: 'GET', url: '/api/tickets/' });
      expect(list.json()).toEqual([]);
    });

    it.each([
      ['GET', '/api/tickets', 301, '/api/tickets/'],
      ['HEAD', '/api/tickets', 301, '/api/tickets/'],
      ['GET', '/api/tickets?category=billing&search=a%20b', 301, '/api/tickets/?category=billing&search=a%20b'],
      ['GET', '/api/tickets/stats', 301, '/api/tickets/stats/'],
      ['GET', '/api/tickets/7', 301, '/api/tickets/7/'],
      ['POST', '/api/tickets', 308, '/api/tickets/'],
      ['PATCH', '/api/tickets/7', 308, '/api/tickets/7/'],
      ['POST', '/api/tickets/classify', 308, '/api/tickets/classify/'],
      ['GET', '/api/schema', 301, '/api/schema/'],
    ] as const)('redirects %s %s to the trailing-slash URL (%i)', async (method, url, status, location) => {
      const res = await ctx.http({ method, url, ...(method === 'POST' || method === 'PATCH' ? { payload: { title: 't' } } : {}) });
      expect(res.statusCode).toBe(status);
      expect(res.headers.location).toBe(location);
    });

    it.each([['/api/'], ['/api'], ['/api/nothing/'], ['/api/tickets/1/comments/'], ['/api/tickets/stats/extra/']])(
      'answers unknown path %s with 404 {"detail": "Not found."}',
      async (url) => {
        const res = await ctx.http({ method: 'GET', url });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ detail: 'Not found.' });
      },
    );

    it('leaves paths outside /api to the rest of the app', async () => {
      const res = await ctx.http({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
    });

    it.each([
      ['/api/tickets/', 'GET, POST, HEAD, OPTIONS', 'Ticket List'],
      ['/api/tickets/3/', 'GET, PATCH, HEAD, OPTIONS', 'Ticket Instance'],
      ['/api/tickets/stats/', 'GET, HEAD, OPTIONS', 'Ticket Stats'],
      ['/api/tickets/classify/', 'POST, OPTIONS', 'Ticket Classify'],
      ['/api/views/', 'GET, POST, HEAD, OPTIONS', 'Saved View List'],
      ['/api/views/3/', 'GET, PATCH, DELETE, HEAD, OPTIONS', 'Saved View Instance'],
    ])('answers a plain OPTIONS %s with Allow and DRF-style metadata', async (url, allow, name) => {
      const res = await ctx.http({ method: 'OPTIONS', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers.allow).toBe(allow);
      expect(res.json()).toMatchObject({
        name,
        renders: ['application/json'],
        parses: ['application/json', 'application/x-www-form-urlencoded'],
      });
    });

    it('answers a CORS preflight from an allowed origin with the methods and headers a client needs', async () => {
      const res = await ctx.http({
        method: 'OPTIONS',
        url: '/api/tickets/1/',
        headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'content-type' },
      });
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(String(res.headers['access-control-allow-methods']).split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH']));
      expect(res.headers['access-control-allow-headers']).toBe('content-type');
      expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
    });

    it('lets an allowed origin read the pagination headers, and gives other origins no CORS grant', async () => {
      await createTicket(ctx.db);
      const allowed = await ctx.http({ method: 'GET', url: '/api/tickets/', headers: { origin: ALLOWED_ORIGIN } });
      expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(String(allowed.headers['access-control-expose-headers']).split(/,\s*/)).toEqual(
        expect.arrayContaining(['Link', 'X-Total-Count', 'Retry-After']),
      );
      for (const origin of ['http://localhost:5173', 'https://evil.example.com']) {
        const other = await ctx.http({ method: 'GET', url: '/api/tickets/', headers: { origin } });
        expect(other.headers['access-control-allow-origin']).toBeUndefined();
        const preflight = await ctx.http({
          method: 'OPTIONS',
          url: '/api/tickets/',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
        expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it('serves an OpenAPI 3 document at /api/schema/ listing the endpoints and their methods', async () => {
      const res = await ctx.http({ method: 'GET', url: '/api/schema/' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths).sort()).toEqual([
        '/api/auth/token/',
        '/api/tickets/',
        '/api/tickets/bulk/',
        '/api/tickets/classify/',
        '/api/tickets/similar/',
        '/api/tickets/stats/',
        '/api/tickets/stats/triage/',
        '/api/tickets/{id}/',
        '/api/tickets/{id}/history/',
        '/api/tickets/{id}/notes/',
        '/api/views/',
        '/api/views/{id}/',
      ]);
      expect(Object.keys(doc.paths['/api/views/']).sort()).toEqual(['get', 'post']);
      expect(Object.keys(doc.paths['/api/views/{id}/']).sort()).toEqual(['delete', 'get', 'patch']);
      expect(doc.paths['/api/tickets/'].get.parameters.find((p: { name: string }) => p.name === 'ordering').schema.enum).toEqual([
        '-created_at',
        'created_at',
        'priority',
        '-updated_at',
      ]);
      expect(Object.keys(doc.paths['/api/tickets/{id}/notes/']).sort()).toEqual(['get', 'post']);
      expect(Object.keys(doc.paths['/api/tickets/']).sort()).toEqual(['get', 'post']);
      expect(Object.keys(doc.paths['/api/tickets/{id}/history/'])).toEqual(['get']);
      expect(Object.keys(doc.paths['/api/tickets/bulk/'])).toEqual(['patch']);
      expect(Object.keys(doc.paths['/api/tickets/{id}/']).sort()).toEqual(['get', 'patch']);
      expect(Object.keys(doc.paths['/api/tickets/stats/'])).toEqual(['get']);
      expect(Object.keys(doc.paths['/api/tickets/classify/'])).toEqual(['post']);
      expect(Object.keys(doc.paths['/api/tickets/'].post.requestBody.content).sort()).toEqual([
        'application/json',
        'application/x-www-form-urlencoded',
      ]);
      expect(Object.keys(doc.paths['/api/tickets/'].get.responses['200'].headers).sort()).toEqual(['Link', 'X-Total-Count']);
      const query = Object.fromEntries(doc.paths['/api/tickets/'].get.parameters.map((p: { name: string; in: string }) => [p.name, p.in]));
      expect(query).toEqual({
        category: 'query',
        priority: 'query',
        status: 'query',
        assignee: 'query',
        suggested_category: 'query',
        suggested_priority: 'query',
        suggestion: 'query',
        filed_category: 'query',
        filed_priority: 'query',
        confidence: 'query',
        search: 'query',
        ordering: 'query',
        page: 'query',
        page_size: 'query',
      });

      // The documented saved view is the one served, in the same key order.
      const view = await ctx.http({ method: 'POST', url: '/api/views/', payload: { name: 'Documented' } });
      expect(Object.keys(view.json())).toEqual(Object.keys(doc.components.schemas.SavedView.properties));

      // The documented ticket is the one served, in the same key order, with the same vocabularies.
      const ticket = doc.components.schemas.Ticket;
      expect(Object.keys(ticket.properties)).toEqual(TICKET_KEYS);
      expect(ticket.properties.category.enum).toEqual(TICKET_CATEGORIES);
      expect(ticket.properties.priority.enum).toEqual(TICKET_PRIORITIES);
      expect(ticket.properties.status.enum).toEqual(TICKET_STATUSES);
      expect(ticket.properties.resolved_at.nullable).toBe(true);
      const created = await ctx.http({ method: 'POST', url: '/api/tickets/', payload: { title: 't', description: 'd' } });
      expect(Object.keys(created.json())).toEqual(Object.keys(doc.components.schemas.CreatedTicket.properties));
      expect(Object.keys(doc.components.schemas.CreatedTicket.properties)).toEqual([...TICKET_KEYS, 'suggestion_ignored']);
      // The create documents its Idempotency-Key header and the 422 for a reused one.
      const post = doc.paths['/api/tickets/'].post;
      expect(post.parameters.map((p: { name: string; in: string }) => [p.name, p.in])).toEqual([['Idempotency-Key', 'header']]);
      expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '422']);
      const classified = doc.paths['/api/tickets/classify/'].post.responses['200'].content['application/json'].schema;
      expect(Object.keys(classified.properties)).toEqual([
        'suggested_category',
        'suggested_priority',
        'source',
        'reason',
        'suggestion_id',
        'confidence',
      ]);
    });

    it('serves Swagger UI at /api/docs/ from our own files, pointing at the document', async () => {
      const page = await ctx.http({ method: 'GET', url: '/api/docs/' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      // Not kept for Back after signing out (the back-forward cache).
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toContain('id="swagger-ui"');
      // Offline: no asset comes from another host.
      expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
      const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1]!, 'http://x/api/docs/').pathname);
      expect(assets).toEqual(expect.arrayContaining(['/api/docs/static/swagger-ui-bundle.js', '/api/docs/static/swagger-initializer.js']));
      for (const asset of assets) {
        const res = await ctx.http({ method: 'GET', url: asset });
        expect(res.statusCode, asset).toBe(200);
      }
      const initializer = await ctx.http({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
      expect(initializer.body).toContain("resolveUrl('./json')");
      const json = await ctx.http({ method: 'GET', url: '/api/docs/json' });
      expect(json.json()).toEqual((await ctx.http({ method: 'GET', url: '/api/schema/' })).json());

      // Without the slash the page links its assets absolutely, under /api.
      const bare = await ctx.http({ method: 'GET', url: '/api/docs' });
      expect(bare.statusCode).toBe(200);
      expect(bare.headers['cache-control']).toBe('no-store');
      expect(bare.body).toContain('/api/docs/static/swagger-ui-bundle.js');
    });
  },
  { env: { BODY_LIMIT_BYTES: String(BODY_LIMIT), CORS_ORIGINS: ALLOWED_ORIGIN } },
);

describeOnDatabases('the REST shim on an unexpected failure', (ctx) => {
  it('logs the error with the request id and answers 500 with nothing from it', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const app = Fastify({ logger: { level: 'error', stream }, genReqId: () => 'req-rest-500' });
    // The shim alone, with the access control it relies on; anonymous callers may classify.
    const { auth: settings } = testConfig({ ANONYMOUS_ACCESS: 'write' });
    const authenticator = createAuthenticator(ctx.db, settings);
    await registerAccessControl(app, authenticator);
    await app.register(restShim, {
      prefix: '/api',
      db: ctx.db,
      corsOrigins: [],
      identity: { authenticator, settings },
      classifier: {
        classify: async () => {
          throw new Error('connection to 10.0.0.5 refused: select * from secrets');
        },
        limiter: createRateLimiter(ctx.db, { name: 'classify', limit: 10, windowMs: 60_000 }),
      },
    });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/tickets/classify/', payload: { description: 'x' } });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ detail: 'A server error occurred.' });
      expect(res.body).not.toMatch(/10\.0\.0\.5|secrets/);
      const logged = lines.find((l) => l.level === 50);
      expect(logged).toMatchObject({ reqId: 'req-rest-500', err: { message: expect.stringContaining('secrets') } });
    } finally {
      await app.close();
    }
  });
});
