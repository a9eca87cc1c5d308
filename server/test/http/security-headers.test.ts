// Security headers on every kind of answer: API JSON, REST and GraphQL errors, 404s,
// refusals, the web app, its assets, the playground and Swagger UI; and the policy of
// each page: scripts from our origin only, never inline.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'graphiql'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  writeFileSync(join(dir, 'graphiql', 'index.html'), '<!doctype html><title>playground</title><div id="graphiql"></div>');
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log("app")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

type Policy = Record<string, string[]>;

function parsePolicy(header: unknown): Policy {
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    (header as string)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const html = (url: string): InjectOptions => ({ method: 'GET', url, headers: { accept: BROWSER_ACCEPT } });

// Whatever the status: identity (issue 12) will turn some of these into 401, 403 or
// redirects, and those answers need the headers as much as the 200s do.
const ANSWERS: [string, InjectOptions][] = [
  ['a health probe', { method: 'GET', url: '/healthz' }],
  ['a GraphQL result', { method: 'POST', url: '/graphql', payload: { query: '{ __typename }' } }],
  ['a GraphQL error', { method: 'POST', url: '/graphql', payload: { query: '{ nope }' } }],
  ['a GraphQL body that is not JSON', { method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{' }],
  ['a REST list', { method: 'GET', url: '/api/tickets/' }],
  ['a REST validation error', { method: 'POST', url: '/api/tickets/', payload: {} }],
  ['a REST 404', { method: 'GET', url: '/api/tickets/999999/' }],
  ['a REST route that does not exist', { method: 'GET', url: '/api/nothing-here/' }],
  ['a REST redirect to the slash', { method: 'GET', url: '/api/tickets' }],
  ['a 404 outside the API', { method: 'GET', url: '/no-such-file.png', headers: { accept: BROWSER_ACCEPT } }],
  ['a missing asset', { method: 'GET', url: '/assets/gone-000.js' }],
  ['a refused Host', { method: 'GET', url: '/api/tickets/', headers: { host: 'attacker.example' } }],
  ['a refused cross-site write', { method: 'POST', url: '/graphql', headers: { origin: 'https://attacker.example' }, payload: {} }],
  ['the app', html('/')],
  ['a client route of the app', html('/tickets/42')],
  ['an asset', { method: 'GET', url: '/assets/app-abc123.js' }],
  ['the favicon', { method: 'GET', url: '/favicon.svg' }],
  ['the playground', html('/graphiql')],
  ['the playground on /graphql', html('/graphql')],
  ['Swagger UI', html('/api/docs/')],
  ['a Swagger UI asset', { method: 'GET', url: '/api/docs/static/swagger-ui-bundle.js' }],
  ['the OpenAPI document', { method: 'GET', url: '/api/schema/' }],
  ['a HEAD of the app', { method: 'HEAD', url: '/', headers: { accept: BROWSER_ACCEPT } }],
];

describeOnDatabases(
  'security headers',
  (ctx) => {
    it.each(ANSWERS)('are on %s', async (_kind, request) => {
      const res = await ctx.http(request);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
      expect(res.headers['x-permitted-cross-domain-policies']).toBe('none');
      const policy = parsePolicy(res.headers['content-security-policy']);
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      expect(policy['script-src']).toEqual(["'self'"]);
      expect(policy['script-src-attr']).toEqual(["'none'"]);
      expect(policy['object-src']).toEqual(["'none'"]);
      expect(policy['base-uri']).toEqual(["'self'"]);
      expect(policy['default-src']).toEqual(["'self'"]);
    });

    it('gives the app a policy with nothing inline and nothing from elsewhere', async () => {
      const res = await ctx.http(html('/tickets'));
      expect(res.statusCode).toBe(200);
      expect(parsePolicy(res.headers['content-security-policy'])).toEqual({
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'worker-src': ["'self'"],
      });
    });

    // These pages will need a session once identity lands (anonymous browsers are
    // redirected to /signin): sign in before asking for them then.
    it.each(['/graphiql', '/graphiql/', '/graphql'])('lets the playground at %s have inline styles, not scripts', async (url) => {
      const res = await ctx.http(html(url));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const policy = parsePolicy(res.headers['content-security-policy']);
      expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(policy['script-src']).toEqual(["'self'"]);
      expect(policy['worker-src']).toEqual(["'self'"]);
    });

    it.each(['/api/docs/', '/api/docs'])('allows Swagger UI at %s only the one <style> it renders', async (url) => {
      const res = await ctx.http(html(url));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const policy = parsePolicy(res.headers['content-security-policy']);
      expect(policy['style-src']).toEqual(["'self'", expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/)]);
      expect(policy['script-src']).toEqual(["'self'"]);
    });

    it('keeps the app policy on GraphQL answers to a GET, which are not the playground', async () => {
      const res = await ctx.http({
        method: 'GET',
        url: '/graphql?query=%7B__typename%7D',
        headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' },
      });
      expect(res.json()).toEqual({ data: { __typename: 'Query' } });
      expect(parsePolicy(res.headers['content-security-policy'])['style-src']).toEqual(["'self'"]);
    });

    it('serves Swagger UI with no inline script for its policy to refuse', async () => {
      const res = await ctx.http(html('/api/docs/'));
      const scripts = [...res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\bsrc="/);
        expect(body!.trim()).toBe('');
      }
      expect(res.body).not.toMatch(/\son[a-z]+=/i);
    });
  },
  { env: { WEB_DIST_DIR: fakeBuild() } },
);

describeOnDatabases(
  'security headers without a web build',
  (ctx) => {
    it('are on the page that explains how to build the app', async () => {
      const res = await ctx.http(html('/'));
      expect(res.statusCode).toBe(503);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(parsePolicy(res.headers['content-security-policy'])['style-src']).toEqual(["'self'"]);
      // Nothing on it that the policy refuses.
      expect(res.body).not.toMatch(/<script|<style|\sstyle=/i);
    });
  },
  { env: { WEB_DIST_DIR: join(tmpdir(), 'web-dist-that-does-not-exist') } },
);
