// NODE_ENV=production as an operator runs it: introspection stays on for integrators
// unless GRAPHQL_INTROSPECTION=false, no response ever carries a stack or SQL (GraphQL,
// Fastify's own errors, 404s, errors thrown by any route), and the probes tell
// "alive" from "the database answers".
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { sql } from 'drizzle-orm';
import { createLocalClassifier } from '../../src/classifier/local.classifier.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createCaller } from '../support/factories.js';
import { testConfig } from '../support/harness.js';

const INTROSPECTION = '{ __schema { queryType { name } } }';

interface Served {
  app: FastifyInstance;
  database: TestDatabase;
  /** An admin's `Authorization` header value. */
  authorization: string;
}

async function appWith(env: Record<string, string>): Promise<Served> {
  const database = await createTestDatabase({ name: 'pglite' });
  const local = createLocalClassifier();
  const app = await buildApp({ config: testConfig(env), database, classify: (d) => local.classify(d) });
  const { authorization } = await createCaller(database.db, 'admin');
  return { app, database, authorization };
}

/** A GraphQL POST, anonymous unless `authorization` is given. */
function gql(app: FastifyInstance, query: string, authorization?: string) {
  const headers = { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) };
  return app.inject({ method: 'POST', url: '/graphql', headers, payload: { query } });
}

function expectNoStack(body: string) {
  expect(body).not.toMatch(/stack|\s+at \S+ \(|node_modules|\.ts:\d+/i);
}

describe.each<{ name: string; env: Record<string, string>; introspection: boolean }>([
  { name: 'default', env: {}, introspection: true },
  { name: 'GRAPHQL_INTROSPECTION=true', env: { GRAPHQL_INTROSPECTION: 'true' }, introspection: true },
  { name: 'GRAPHQL_INTROSPECTION=false', env: { GRAPHQL_INTROSPECTION: 'false' }, introspection: false },
])('NODE_ENV=production, introspection $name', ({ env, introspection }) => {
  let app: FastifyInstance;
  let database: TestDatabase;
  let authorization: string;
  beforeAll(async () => ({ app, database, authorization } = await appWith({ NODE_ENV: 'production', ...env })));
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  // Introspection, like everything but the public operations, needs an identity.
  it(introspection ? 'answers introspection' : 'refuses introspection, still serves queries', async () => {
    const res = await gql(app, INTROSPECTION, authorization);
    const body = res.json();
    if (introspection) {
      expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    } else {
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expectNoStack(res.body);
      expect((await gql(app, '{ tickets { totalCount } }', authorization)).json()).toEqual({ data: { tickets: { totalCount: 0 } } });
    }
  });
});

describe('NODE_ENV=production error responses', () => {
  let app: FastifyInstance;
  let database: TestDatabase;
  let authorization: string;
  beforeAll(async () => {
    ({ app, database, authorization } = await appWith({ NODE_ENV: 'production', BODY_LIMIT_BYTES: '2048' }));
    // Any route may throw what a driver throws: a message full of SQL and parameters.
    app.get('/ops-test/throws', { config: { access: 'tickets:read' } }, async () => {
      throw new Error('Failed query: select "secret_column" from "tickets" where "id" = $1\nparams: 42');
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('masks an unexpected error as a plain 500 with the request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/ops-test/throws', headers: { 'x-request-id': 'ops-500', authorization } });
    expect(res.statusCode).toBe(500);
    // Our own id, always: a caller's id is only logged beside it (see logging.test.ts).
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(res.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
  });

  // /graphql answers in GraphQL's error shape, so that GraphQL clients can read it.
  it.each([
    {
      case: 'malformed JSON',
      request: { method: 'POST' as const, url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query":' },
      status: 400,
      body: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] },
    },
    {
      case: 'a body over BODY_LIMIT_BYTES',
      request: {
        method: 'POST' as const,
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ query: `{ tickets { totalCount } } # ${'x'.repeat(4096)}` }),
      },
      status: 413,
      body: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] },
    },
    { case: 'an unknown route', request: { method: 'GET' as const, url: '/no/such/page' }, status: 404, body: { statusCode: 404 } },
    {
      case: 'an unsupported media type',
      request: { method: 'POST' as const, url: '/graphql', headers: { 'content-type': 'application/x-yaml' }, payload: 'a: 1' },
      status: 415,
      body: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] },
    },
  ])('answers $case with $status and no stack', async ({ request, status, body }) => {
    const res = await app.inject(request);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject(body);
    expectNoStack(res.body);
  });

  it('masks a GraphQL error the server did not expect', async () => {
    // A query the schema accepts whose resolver fails inside the database layer: its
    // table is gone (a restore gone wrong), while the caller's token still resolves.
    await database.db.execute(sql`drop table tickets cascade`);
    const res = await gql(app, '{ tickets { totalCount } }', authorization);
    expect(res.json().errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expectNoStack(res.body);
    expect(res.body).not.toMatch(/select|relation|does not exist/i);
  });
});

describe('probes', () => {
  let app: FastifyInstance;
  let database: TestDatabase;
  beforeAll(async () => ({ app, database } = await appWith({ NODE_ENV: 'production' })));
  afterAll(async () => {
    await app?.close();
    await database?.destroy().catch(() => {});
  });

  it('/healthz says alive and /readyz says whether the database answers', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ok' });

    await database.close();
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable' });
  });
});
