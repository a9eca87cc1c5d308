// The access table: every REST route and every GraphQL root field, with what it
// requires, proved against real requests: anonymous callers are refused (401 /
// UNAUTHENTICATED, or sent to sign in for a page), a caller without the scope or role
// is refused (403 / FORBIDDEN), and the right caller gets through. A route or field
// added later fails this test until it is in the table, so none can ship unprotected.
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { rootFieldAccess } from '../../src/auth/access.decorator.js';
import type { Access, ApiTokenScope } from '../../src/auth/auth.enums.js';
import { createToken, createUser, FACTORY_PASSWORD } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';
import { liveClient, liveUrl } from '../support/live-client.js';

/** Every route, by `METHOD url` as Fastify registered it. `/assets/*` exists only once the web app is built. */
const ROUTES: Record<string, Access> = {
  'GET /healthz': 'public',
  'HEAD /healthz': 'public',
  'GET /readyz': 'public',
  'HEAD /readyz': 'public',
  'GET /': 'public',
  'HEAD /': 'public',
  'GET /favicon.svg': 'public',
  'HEAD /favicon.svg': 'public',
  'GET /assets/*': 'public',
  'HEAD /assets/*': 'public',
  'GET /graphiql': 'page',
  'HEAD /graphiql': 'page',
  'GET /graphiql/': 'page',
  'HEAD /graphiql/': 'page',
  'GET /graphql': 'graphql',
  'HEAD /graphql': 'graphql',
  'POST /graphql': 'graphql',
  'OPTIONS /graphql': 'graphql',
  'OPTIONS /api*': 'public',
  // REST: each resource's methods, its refused methods and OPTIONS (the resource's
  // least access), and its slash-less redirect (public, as Django's middleware).
  ...resource('/api/tickets/', { GET: 'tickets:read', POST: 'tickets:write' }, 'tickets:read'),
  ...resource('/api/tickets/:id/', { GET: 'tickets:read', PATCH: 'tickets:write' }, 'tickets:read'),
  ...resource('/api/tickets/:id/history/', { GET: 'tickets:read' }, 'tickets:read'),
  ...resource('/api/tickets/:id/notes/', { GET: 'tickets:read', POST: 'tickets:write' }, 'tickets:read'),
  ...resource('/api/tickets/bulk/', { PATCH: 'tickets:write' }, 'tickets:write'),
  ...resource('/api/tickets/stats/', { GET: 'tickets:read' }, 'tickets:read'),
  ...resource('/api/tickets/classify/', { POST: 'classify' }, 'classify'),
  ...resource('/api/tickets/similar/', { GET: 'tickets:read' }, 'tickets:read'),
  ...resource('/api/tickets/stats/triage/', { GET: 'tickets:read' }, 'tickets:read'),
  ...resource('/api/auth/token/', { POST: 'public' }, 'public'),
  ...resource('/api/views/', { GET: 'tickets:read', POST: 'tickets:write' }, 'tickets:read'),
  ...resource('/api/views/:id/', { GET: 'tickets:read', PATCH: 'tickets:write', DELETE: 'tickets:write' }, 'tickets:read'),
  'GET /api/schema/': 'page',
  'HEAD /api/schema/': 'page',
  'GET /api/schema': 'public',
  'HEAD /api/schema': 'public',
  'GET /api/docs/': 'page',
  'HEAD /api/docs/': 'page',
  'HEAD /api/docs': 'page',
  'GET /api/docs/static/index.html': 'page',
  'HEAD /api/docs/static/index.html': 'page',
  'GET /api/docs/static/swagger-initializer.js': 'page',
  'HEAD /api/docs/static/swagger-initializer.js': 'page',
  'GET /api/docs/json': 'page',
  'HEAD /api/docs/json': 'page',
  'GET /api/docs/yaml': 'page',
  'HEAD /api/docs/yaml': 'page',
  'GET /api/docs/static/*': 'page',
  'HEAD /api/docs/static/*': 'page',
};

const OPTIONAL_ROUTES = new Set(['GET /assets/*', 'HEAD /assets/*']);

function resource(
  url: string,
  methods: Partial<Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Access>>,
  least: Access,
): Record<string, Access> {
  const table: Record<string, Access> = {};
  for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
    const own = method === 'HEAD' ? methods.GET : methods[method as keyof typeof methods];
    table[`${method} ${url}`] = own ?? least;
    table[`${method} ${url.replace(/\/$/, '')}`] = 'public';
  }
  return table;
}

/** Every root field with an operation that calls it and what it requires. */
const FIELDS: Record<string, { access: Access; operation: string }> = {
  tickets: { access: 'tickets:read', operation: 'query { tickets(first: 1) { totalCount } }' },
  ticket: { access: 'tickets:read', operation: 'query { ticket(id: "1") { id } }' },
  stats: { access: 'tickets:read', operation: 'query { stats { totalTickets } }' },
  similarTickets: { access: 'tickets:read', operation: 'query { similarTickets(text: "My invoice is wrong") { similarity } }' },
  classifyDescription: { access: 'classify', operation: 'query { classifyDescription(description: "My invoice is wrong") { category } }' },
  createTicket: {
    access: 'tickets:write',
    operation: 'mutation { createTicket(input: { title: "T", description: "D" }) { ticket { id } userErrors { code } } }',
  },
  updateTicket: {
    access: 'tickets:write',
    operation: 'mutation { updateTicket(id: "999999", input: { title: "T" }) { ticket { id } userErrors { code } } }',
  },
  addTicketNote: {
    access: 'tickets:write',
    operation: 'mutation { addTicketNote(ticketId: "999999", input: { body: "N" }) { note { id } userErrors { code } } }',
  },
  bulkUpdateTickets: {
    access: 'tickets:write',
    operation: 'mutation { bulkUpdateTickets(ids: ["999999"], input: { status: CLOSED }) { tickets { id } userErrors { code } } }',
  },
  me: { access: 'public', operation: 'query { me { id } }' },
  authStatus: { access: 'public', operation: 'query { authStatus { setupRequired } }' },
  signIn: {
    access: 'public',
    operation: 'mutation { signIn(input: { email: "nobody@example.com", password: "wrong" }) { userErrors { code } } }',
  },
  completeSetup: {
    access: 'public',
    operation:
      'mutation { completeSetup(input: { token: "x", email: "a@example.com", displayName: "A", password: "a long enough passphrase" }) { userErrors { code } } }',
  },
  acceptInvitation: {
    access: 'public',
    operation: 'mutation { acceptInvitation(input: { token: "x", password: "a long enough passphrase" }) { userErrors { code } } }',
  },
  signOut: { access: 'session', operation: 'mutation { signOut { signedOut } }' },
  updateMe: { access: 'session', operation: 'mutation { updateMe(input: {}) { user { id } } }' },
  changePassword: {
    access: 'session',
    operation:
      'mutation { changePassword(input: { currentPassword: "wrong", newPassword: "another long passphrase" }) { userErrors { code } } }',
  },
  users: { access: 'admin', operation: 'query { users { id } }' },
  assignableUsers: { access: 'tickets:read', operation: 'query { assignableUsers { id } }' },
  createUser: {
    access: 'admin',
    operation: 'mutation { createUser(input: { email: "", displayName: "", role: AGENT, password: "" }) { userErrors { code } } }',
  },
  inviteUser: {
    access: 'admin',
    operation: 'mutation { inviteUser(input: { email: "", displayName: "", role: AGENT }) { userErrors { code } } }',
  },
  updateUser: { access: 'admin', operation: 'mutation { updateUser(id: "999999", input: {}) { userErrors { code } } }' },
  apiTokens: { access: 'admin', operation: 'query { apiTokens { id } }' },
  createApiToken: { access: 'admin', operation: 'mutation { createApiToken(input: { name: "", scopes: [] }) { userErrors { code } } }' },
  revokeApiToken: { access: 'admin', operation: 'mutation { revokeApiToken(id: "999999") { userErrors { code } } }' },
  webhookEndpoints: { access: 'admin', operation: 'query { webhookEndpoints { id } }' },
  webhookDeliveries: { access: 'admin', operation: 'query { webhookDeliveries(endpointId: "999999") { hasNextPage } }' },
  createWebhookEndpoint: {
    access: 'admin',
    operation: 'mutation { createWebhookEndpoint(input: { url: "ftp://x", events: [TICKET_CREATED] }) { userErrors { code } } }',
  },
  updateWebhookEndpoint: {
    access: 'admin',
    operation: 'mutation { updateWebhookEndpoint(id: "999999", input: { active: true }) { userErrors { code } } }',
  },
  deleteWebhookEndpoint: { access: 'admin', operation: 'mutation { deleteWebhookEndpoint(id: "999999") { userErrors { code } } }' },
  redeliverWebhook: { access: 'admin', operation: 'mutation { redeliverWebhook(deliveryId: "999999") { userErrors { code } } }' },
  savedViews: { access: 'tickets:read', operation: 'query { savedViews { id } }' },
  createSavedView: {
    access: 'tickets:write',
    operation: 'mutation { createSavedView(input: { name: "" }) { savedView { id } userErrors { code } } }',
  },
  updateSavedView: {
    access: 'tickets:write',
    operation: 'mutation { updateSavedView(id: "999999", input: { name: "N" }) { savedView { id } userErrors { code } } }',
  },
  deleteSavedView: { access: 'tickets:write', operation: 'mutation { deleteSavedView(id: "999999") { deletedId userErrors { code } } }' },
};

/** Every subscription root field, served over WebSocket (live/live.transport.ts), with what it requires. */
const SUBSCRIPTION_FIELDS: Record<string, { access: ApiTokenScope; operation: string }> = {
  ticketActivity: { access: 'tickets:read', operation: 'subscription { ticketActivity { kind } }' },
};

/** A token lacking the scope: each scope is checked against a token with every other one. */
const ALL_SCOPES: ApiTokenScope[] = ['tickets:read', 'tickets:write', 'classify', 'admin'];

interface Callers {
  /** Headers of a token with exactly these scopes (its user an admin, so scopes alone decide). */
  token(scopes: ApiTokenScope[]): Promise<Record<string, string>>;
  agent: Record<string, string>;
  /** A signed-in browser: its cookies and CSRF header (a new session: the harness ends them between tests). */
  session(): Promise<Record<string, string>>;
}

async function makeCallers(ctx: TestContext): Promise<Callers> {
  const admin = await createUser(ctx.db, { role: 'admin' });
  const agent = await createUser(ctx.db, { role: 'agent' });
  const agentToken = await createToken(ctx.db, agent);
  const signIn = () =>
    ctx.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: {
        query: 'mutation($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { user { id } } }',
        variables: { email: agent.email, password: FACTORY_PASSWORD },
      },
    });
  return {
    token: async (scopes) => ({ authorization: `Token ${(await createToken(ctx.db, admin, { scopes })).token}` }),
    agent: { authorization: `Token ${agentToken.token}` },
    session: async () => {
      const cookies = Object.fromEntries((await signIn()).cookies.map((c) => [c.name, c.value]));
      expect(cookies.sessionid).toBeDefined();
      return { cookie: `sessionid=${cookies.sessionid}; csrftoken=${cookies.csrftoken}`, 'x-csrftoken': String(cookies.csrftoken) };
    },
  };
}

/** A concrete request for a route pattern. */
function requestFor(key: string) {
  const [method, pattern] = key.split(' ') as [string, string];
  const url = pattern
    .replace(':id', '1')
    .replace('/api/docs/static/*', '/api/docs/static/swagger-ui.css')
    .replace('/assets/*', '/assets/missing.js')
    .replace('/api*', '/api/nothing/here/');
  const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) ? { payload: {} } : {};
  return { method: method as 'GET', url, ...body };
}

const isRefused = (res: LightMyRequestResponse) => res.statusCode === 401 || res.statusCode === 403;

describeOnDatabases('the access table', (ctx) => {
  let callers: Callers;
  beforeAll(async () => {
    callers = await makeCallers(ctx);
  });

  describe('REST and pages', () => {
    it('lists every registered route, with the access it declares', async () => {
      await ctx.app.ready();
      const declared = Object.fromEntries(ctx.app.declaredAccess().map((r) => [`${r.method} ${r.url}`, r.access]));
      const expected = Object.fromEntries(Object.entries(ROUTES).filter(([key]) => !OPTIONAL_ROUTES.has(key) || key in declared));
      expect(declared).toEqual(expected);
    });

    const guarded = Object.entries(ROUTES).filter(([, access]) => !['public', 'graphql'].includes(access));

    it.each(guarded)('%s (%s) refuses an anonymous caller', async (key, access) => {
      const res = await ctx.app.inject({ ...requestFor(key), headers: { accept: 'application/json' } });
      expect(res.statusCode, key).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Token');
      if (access === 'page' && requestFor(key).method === 'GET') {
        const page = await ctx.app.inject({ ...requestFor(key), headers: { accept: 'text/html' } });
        expect(page.statusCode, key).toBe(302);
        expect(page.headers.location).toBe(`/signin?next=${encodeURIComponent(requestFor(key).url)}`);
      }
    });

    it.each(guarded)('%s (%s) refuses a token without the scope', async (key, access) => {
      const needed: ApiTokenScope = access === 'page' ? 'tickets:read' : (access as ApiTokenScope);
      const res = await ctx.app.inject({
        ...requestFor(key),
        headers: { accept: 'application/json', ...(await callers.token(ALL_SCOPES.filter((s) => s !== needed))) },
      });
      expect(res.statusCode, key).toBe(403);
      if (String(requestFor(key).method) !== 'HEAD')
        expect(res.json()).toMatchObject(
          key.includes(' /api/') && !key.includes('/api/docs') ? { detail: 'You do not have permission to perform this action.' } : {},
        );
    });

    it.each(guarded)('%s (%s) lets the right caller through', async (key, access) => {
      const needed: ApiTokenScope = access === 'page' ? 'tickets:read' : (access as ApiTokenScope);
      const res = await ctx.app.inject({ ...requestFor(key), headers: { accept: 'application/json', ...(await callers.token([needed])) } });
      expect(isRefused(res), `${key}: ${res.statusCode}`).toBe(false);
    });

    it.each(Object.entries(ROUTES).filter(([, access]) => access === 'public'))('%s is public', async (key) => {
      const res = await ctx.app.inject({ ...requestFor(key), headers: { accept: 'application/json' } });
      expect(isRefused(res), `${key}: ${res.statusCode}`).toBe(false);
    });

    it('answers a CORS preflight without credentials (a preflight never carries any)', async () => {
      const res = await ctx.app.inject({
        method: 'OPTIONS',
        url: '/api/tickets/',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
      });
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    });

    it('the pages work with a signed-in session, an agent’s included', async () => {
      const { cookie } = await callers.session();
      for (const url of ['/graphiql', '/api/docs/', '/api/schema/']) {
        const res = await ctx.app.inject({ method: 'GET', url, headers: { accept: 'text/html', cookie } });
        expect(isRefused(res) || res.statusCode === 302, `${url}: ${res.statusCode}`).toBe(false);
      }
    });
  });

  describe('GraphQL root fields', () => {
    it('lists every root field, with the access it declares', async () => {
      const { data } = await ctx.gql<{
        __schema: Record<'queryType' | 'mutationType' | 'subscriptionType', { fields: { name: string }[] }>;
      }>('{ __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } } } }');
      const names = [...data!.__schema.queryType.fields, ...data!.__schema.mutationType.fields].map((f) => f.name).sort();
      expect(names).toEqual(Object.keys(FIELDS).sort());
      expect(data!.__schema.subscriptionType.fields.map((f) => f.name).sort()).toEqual(Object.keys(SUBSCRIPTION_FIELDS).sort());
      for (const [name, { access }] of Object.entries({ ...FIELDS, ...SUBSCRIPTION_FIELDS }))
        expect(rootFieldAccess(name), name).toBe(access);
    });

    const codes = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);
    const guarded = Object.entries(FIELDS).filter(([, { access }]) => access !== 'public');

    it.each(guarded)('%s refuses an anonymous caller', async (_name, { operation }) => {
      const res = await ctx.gqlWith({}, operation);
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.data === null || Object.values(res.data ?? {}).every((v) => v === null)).toBe(true);
    });

    it.each(guarded)('%s refuses a caller without the scope or role', async (_name, { access, operation }) => {
      const headers =
        access === 'session'
          ? await callers.token(ALL_SCOPES)
          : access === 'admin'
            ? callers.agent
            : await callers.token(ALL_SCOPES.filter((s) => s !== access));
      const res = await ctx.gqlWith(headers, operation);
      expect(codes(res)).toEqual(['FORBIDDEN']);
    });

    it.each(Object.entries(FIELDS))('%s lets the right caller through', async (_name, { access, operation }) => {
      const headers =
        access === 'session' ? await callers.session() : access === 'public' ? {} : await callers.token([access as ApiTokenScope]);
      const res = await ctx.gqlWith(headers, operation);
      expect(codes(res).filter((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN')).toEqual([]);
      expect(res.errors ?? []).toEqual([]);
    });
  });

  describe('GraphQL subscriptions (over WebSocket)', () => {
    const subscriber = async (headers: Record<string, string>) => liveClient(await liveUrl(ctx.app), { connectionParams: headers });
    const subscriptions = Object.entries(SUBSCRIPTION_FIELDS);

    it.each(subscriptions)('%s refuses an anonymous caller: the connection closes 4401 (Unauthorized)', async (_name, { operation }) => {
      const client = await subscriber({});
      client.subscribe(operation);
      expect((await client.closed).code).toBe(4401);
    });

    it.each(subscriptions)('%s refuses a caller without the scope', async (_name, { access, operation }) => {
      const client = await subscriber(await callers.token(ALL_SCOPES.filter((s) => s !== access)));
      try {
        expect((await client.subscribe(operation).next()).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      } finally {
        await client.dispose();
      }
    });

    it.each(subscriptions)('%s lets the right caller through', async (_name, { access, operation }) => {
      const client = await subscriber(await callers.token([access]));
      try {
        const subscription = client.subscribe(operation);
        while (ctx.app.liveStats().subscriptions === 0) await new Promise((resolve) => setTimeout(resolve, 10));
        subscription.unsubscribe();
      } finally {
        await client.dispose();
      }
    });
  });
});
