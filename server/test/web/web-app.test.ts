// The built web app served by the API server: pages, client routes, cached assets,
// the playground on /graphiql and on a browser's GET /graphql, and API paths never
// swallowed by the app.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'graphiql'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><div id="root" data-build="app-shell"></div>');
  writeFileSync(
    join(dir, 'graphiql', 'index.html'),
    '<!doctype html><title>playground</title><div id="graphiql" data-build="playground"></div>',
  );
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log("app")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describeOnDatabases(
  'web app served by the server',
  (ctx) => {
    it('serves the app shell at / never to be kept (not even for the back-forward cache)', async () => {
      const res = await ctx.http({ method: 'GET', url: '/', headers: { accept: BROWSER_ACCEPT } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('data-build="app-shell"');
    });

    it.each(['/tickets', '/tickets/42', '/tickets/new', '/dashboard', '/tickets?category=BILLING&q=refund'])(
      'answers the client route %s with the app shell',
      async (url) => {
        const res = await ctx.http({ method: 'GET', url, headers: { accept: BROWSER_ACCEPT } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.body).toContain('data-build="app-shell"');
      },
    );

    it('serves hashed assets as immutable and 404s a missing one as JSON', async () => {
      const asset = await ctx.http({ method: 'GET', url: '/assets/app-abc123.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      expect(asset.headers['cache-control']).toContain('immutable');
      const missing = await ctx.http({ method: 'GET', url: '/assets/gone-000.js', headers: { accept: BROWSER_ACCEPT } });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toMatch(/json/);
    });

    it.each(['/graphiql', '/graphiql/'])('serves the playground at %s', async (url) => {
      const res = await ctx.http({ method: 'GET', url, headers: { accept: BROWSER_ACCEPT } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('data-build="playground"');
    });

    it('gives a browser opening /graphql the playground', async () => {
      const res = await ctx.http({ method: 'GET', url: '/graphql', headers: { accept: BROWSER_ACCEPT } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('data-build="playground"');
    });

    it('still executes GET /graphql with a query, for JSON clients and browsers alike', async () => {
      for (const accept of ['application/json', BROWSER_ACCEPT]) {
        const res = await ctx.http({
          method: 'GET',
          url: '/graphql?query=%7B__typename%7D',
          headers: { accept, 'apollo-require-preflight': 'true' },
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ data: { __typename: 'Query' } });
      }
    });

    it('still executes POST /graphql', async () => {
      const res = await ctx.gql('{ tickets { totalCount } }');
      expect(res.status).toBe(200);
      expect(res.data).toEqual({ tickets: { totalCount: 0 } });
    });

    it.each([
      ['/healthz/x', BROWSER_ACCEPT],
      ['/graphql/x', BROWSER_ACCEPT],
      ['/no-such-page', 'application/json'],
      ['/no-such-file.png', BROWSER_ACCEPT],
    ])('answers %s (Accept %s) with a JSON 404, not the app', async (url, accept) => {
      const res = await ctx.http({ method: 'GET', url, headers: { accept } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body).not.toContain('app-shell');
    });

    it('leaves unknown /api paths to the REST shim', async () => {
      const res = await ctx.http({ method: 'GET', url: '/api/nothing-here/', headers: { accept: BROWSER_ACCEPT } });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('app-shell');
    });

    it('keeps API routes ahead of the app', async () => {
      const res = await ctx.http({ method: 'GET', url: '/healthz', headers: { accept: BROWSER_ACCEPT } });
      expect(res.json()).toEqual({ status: 'ok' });
    });
  },
  { env: { WEB_DIST_DIR: fakeBuild() } },
);

describeOnDatabases(
  'web app not built',
  (ctx) => {
    it('explains how to build it instead of failing, while the API works', async () => {
      for (const url of ['/', '/graphiql', '/tickets/3']) {
        const res = await ctx.http({ method: 'GET', url, headers: { accept: BROWSER_ACCEPT } });
        expect(res.statusCode).toBe(503);
        expect(res.body).toContain('npm run build -w web');
      }
      const api = await ctx.gql('{ tickets { totalCount } }');
      expect(api.status).toBe(200);
    });
  },
  { env: { WEB_DIST_DIR: join(tmpdir(), 'web-dist-that-does-not-exist') } },
);
