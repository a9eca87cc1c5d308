// API tokens end to end: obtained with a password (DRF's endpoint) or created by an
// admin, sent as `Token` or `Bearer`, refused when unknown, malformed, expired or
// revoked, shown once and never listed, and always bounded by their user's current
// state: deactivation and demotion take effect within a second.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { apiTokens } from '../../src/db/schema.js';
import { createCaller, createToken, createUser, FACTORY_PASSWORD } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';
import { browserHeaders, msUntilRefused, postGraphQL, signIn, whoIs } from './auth.helpers.js';

const OBTAIN = '/api/auth/token/';
const MAX_FAILURES = 10;
const INVALID_TOKEN = { detail: 'Invalid token.' };

const CREATE_API_TOKEN = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name prefix scopes lastUsedAt revokedAt owner { id } } userErrors { field code } }
}`;
const API_TOKENS = `query ($includeRevoked: Boolean) {
  apiTokens(includeRevoked: $includeRevoked) { id name prefix scopes expiresAt lastUsedAt createdAt revokedAt owner { id email } }
}`;
const REVOKE = 'mutation ($id: ID!) { revokeApiToken(id: $id) { apiToken { id revokedAt } userErrors { field code } } }';
const UPDATE_USER =
  'mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { user { id role active } userErrors { field code } } }';

function obtain(ctx: TestContext, payload: object | string, contentType = 'application/json', remoteAddress?: string) {
  return ctx.app.inject({
    method: 'POST',
    url: OBTAIN,
    headers: { 'content-type': contentType },
    payload,
    ...(remoteAddress === undefined ? {} : { remoteAddress }),
  });
}

/** REST status of a ticket list with `authorization`. */
async function restStatus(ctx: TestContext, authorization: string): Promise<number> {
  return (await ctx.app.inject({ method: 'GET', url: '/api/tickets/', headers: { authorization } })).statusCode;
}

describeOnDatabases('API tokens', (ctx) => {
  it.each([
    ['JSON', (email: string, password: string) => ({ email, password }), 'application/json'],
    [
      'a form',
      (email: string, password: string) => `email=${encodeURIComponent(email)}&password=${encodeURIComponent(password)}`,
      'application/x-www-form-urlencoded',
    ],
  ])('POST /api/auth/token/ with %s trades an email and password for a working token (201 {token})', async (_how, body, type) => {
    const user = await createUser(ctx.db);
    const res = await obtain(ctx, body(user.email, FACTORY_PASSWORD), type);
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json())).toEqual(['token']);
    const { token } = res.json();
    expect(token).toMatch(/^stk_\S{40,}$/);
    expect(await restStatus(ctx, `Token ${token}`)).toBe(200);
    expect(await whoIs(ctx, { authorization: `Token ${token}` })).toMatchObject({ id: String(user.id) });
  });

  it('POST /api/auth/token/ refuses wrong credentials with 400 non_field_errors, the same for an unknown email', async () => {
    const user = await createUser(ctx.db);
    const wrong = await obtain(ctx, { email: user.email, password: 'not the password' }, 'application/json', '10.1.0.1');
    const unknown = await obtain(ctx, { email: 'nobody@example.com', password: 'not the password' }, 'application/json', '10.1.0.2');
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json())).toEqual(['non_field_errors']);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toBe(wrong.body);
  });

  it('POST /api/auth/token/ names each missing field', async () => {
    const res = await obtain(ctx, {});
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json()).sort()).toEqual(['email', 'password']);
  });

  it('POST /api/auth/token/ refuses scopes beyond the role (400 scopes) and issues nothing', async () => {
    const agent = await createUser(ctx.db, { role: 'agent' });
    const res = await obtain(ctx, { email: agent.email, password: FACTORY_PASSWORD, scopes: ['tickets:read', 'admin'] });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json())).toEqual(['scopes']);
    expect(await ctx.db.select().from(apiTokens).where(eq(apiTokens.userId, agent.id))).toEqual([]);

    const narrow = await obtain(ctx, { email: agent.email, password: FACTORY_PASSWORD, scopes: ['tickets:read'] });
    expect(narrow.statusCode).toBe(201);
    const authorization = `Token ${narrow.json().token}`;
    expect(await restStatus(ctx, authorization)).toBe(200);
    const write = await ctx.app.inject({
      method: 'POST',
      url: '/api/tickets/',
      headers: { authorization },
      payload: { title: 't', description: 'd' },
    });
    expect(write.statusCode).toBe(403);
  });

  it('POST /api/auth/token/ is throttled as sign-in is: 429 with Retry-After, then even the right password', async () => {
    const user = await createUser(ctx.db);
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      expect(
        (await obtain(ctx, { email: user.email, password: 'not the password' }, 'application/json', `10.1.1.${i + 1}`)).statusCode,
      ).toBe(400);
    }
    const res = await obtain(ctx, { email: user.email, password: FACTORY_PASSWORD }, 'application/json', '10.1.2.1');
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Object.keys(res.json())).toEqual(['detail']);
  });

  it.each(['Token', 'Bearer', 'token', 'bearer'])('`Authorization: %s <t>` authenticates, on REST and GraphQL', async (scheme) => {
    const { user, token } = await createCaller(ctx.db, 'agent');
    expect(await restStatus(ctx, `${scheme} ${token}`)).toBe(200);
    expect(await whoIs(ctx, { authorization: `${scheme} ${token}` })).toMatchObject({ id: String(user.id) });
  });

  it.each([
    ['an unknown token', () => 'Token stk_thisTokenWasNeverIssuedByThisServerAtAll0000000'],
    ['a token with a space in it', () => 'Token stk_a stk_b'],
    ['the scheme alone', () => 'Token'],
    ['an overlong token', () => `Bearer stk_${'x'.repeat(300)}`],
  ])('%s is 401 {"detail": "Invalid token."} with WWW-Authenticate: Token on REST, UNAUTHENTICATED on GraphQL', async (_case, header) => {
    const rest = await ctx.app.inject({ method: 'GET', url: '/api/tickets/', headers: { authorization: header() } });
    expect(rest.statusCode).toBe(401);
    expect(rest.json()).toEqual(INVALID_TOKEN);
    expect(rest.headers['www-authenticate']).toBe('Token');

    const gql = await postGraphQL(ctx, { query: '{ me { id } }', headers: { authorization: header() } });
    expect(gql.statusCode).toBe(401);
    expect(gql.headers['www-authenticate']).toBe('Token');
    expect(gql.json().errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(gql.json().data).toBeUndefined();
  });

  it('no credentials at all is 401 with DRF’s "not provided" detail and WWW-Authenticate: Token', async () => {
    const rest = await ctx.app.inject({ method: 'GET', url: '/api/tickets/' });
    expect(rest.statusCode).toBe(401);
    expect(rest.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
    expect(rest.headers['www-authenticate']).toBe('Token');
  });

  it('an expired token is refused; one expiring later works', async () => {
    const user = await createUser(ctx.db);
    const expired = await createToken(ctx.db, user, { expiresAt: new Date(Date.now() - 1_000) });
    const live = await createToken(ctx.db, user, { expiresAt: new Date(Date.now() + 60_000) });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/tickets/', headers: { authorization: `Token ${expired.token}` } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual(INVALID_TOKEN);
    expect(await restStatus(ctx, `Token ${live.token}`)).toBe(200);
  });

  it('createApiToken answers the token once; apiTokens shows only its prefix, never the token', async () => {
    const created = await ctx.gql(CREATE_API_TOKEN, { input: { name: 'CI pipeline', scopes: ['TICKETS_READ', 'TICKETS_WRITE'] } });
    const { token, apiToken, userErrors } = created.data!.createApiToken;
    expect(userErrors).toEqual([]);
    expect(token).toMatch(/^stk_/);
    expect(apiToken).toMatchObject({
      name: 'CI pipeline',
      prefix: token.slice(0, 12),
      scopes: ['TICKETS_READ', 'TICKETS_WRITE'],
      revokedAt: null,
    });
    expect(token.length).toBeGreaterThan(apiToken.prefix.length + 30);
    expect(JSON.stringify(apiToken)).not.toContain(token);
    // It acts for the admin who created it.
    expect(await whoIs(ctx, { authorization: `Token ${token}` })).toMatchObject({ id: apiToken.owner.id });

    for (const includeRevoked of [false, true]) {
      const list = await ctx.gql(API_TOKENS, { includeRevoked });
      expect(list.errors).toBeUndefined();
      const listed = list.data!.apiTokens.find((t: { id: string }) => t.id === apiToken.id);
      expect(listed).toMatchObject({ prefix: token.slice(0, 12) });
      expect(JSON.stringify(list.data)).not.toContain(token);
      expect(JSON.stringify(list.data)).not.toContain(token.slice(12));
    }
    // Nor is it stored: only its digest.
    const [row] = await ctx.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.id, Number(apiToken.id)));
    expect(JSON.stringify(row)).not.toContain(token.slice(12));
  });

  it('lastUsedAt is set when a token authenticates a request', async () => {
    const created = (await ctx.gql(CREATE_API_TOKEN, { input: { name: 'Used once', scopes: ['TICKETS_READ'] } })).data!.createApiToken;
    expect(created.apiToken.lastUsedAt).toBeNull();
    expect(await restStatus(ctx, `Token ${created.token}`)).toBe(200);
    const listed = (await ctx.gql(API_TOKENS)).data!.apiTokens.find((t: { id: string }) => t.id === created.apiToken.id);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(Math.abs(Date.now() - Date.parse(listed.lastUsedAt))).toBeLessThan(60_000);
  });

  it('revokeApiToken stops the token within a second, though this process had it cached', async () => {
    const owner = await createUser(ctx.db, { role: 'agent' });
    const { token, id } = await createToken(ctx.db, owner);
    const authorization = `Token ${token}`;
    expect(await restStatus(ctx, authorization)).toBe(200);

    const since = performance.now();
    const revoked = await ctx.gql(REVOKE, { id: String(id) });
    const elapsed = await msUntilRefused(async () => (await restStatus(ctx, authorization)) === 200, since);
    expect(revoked.data!.revokeApiToken.userErrors).toEqual([]);
    expect(revoked.data!.revokeApiToken.apiToken.revokedAt).not.toBeNull();
    expect(elapsed).toBeLessThan(1_000);
    expect((await postGraphQL(ctx, { query: '{ me { id } }', headers: { authorization } })).statusCode).toBe(401);

    // Gone from the default list, kept in the full one; revoking again keeps the first time.
    expect((await ctx.gql(API_TOKENS)).data!.apiTokens.map((t: { id: string }) => t.id)).not.toContain(String(id));
    expect((await ctx.gql(API_TOKENS, { includeRevoked: true })).data!.apiTokens.map((t: { id: string }) => t.id)).toContain(String(id));
    const again = await ctx.gql(REVOKE, { id: String(id) });
    expect(again.data!.revokeApiToken.apiToken.revokedAt).toBe(revoked.data!.revokeApiToken.apiToken.revokedAt);
    expect((await ctx.gql(REVOKE, { id: '999999' })).data!.revokeApiToken.userErrors).toEqual([{ field: 'id', code: 'NOT_FOUND' }]);
  });

  it('deactivating a user stops their token and their session within a second', async () => {
    const { user, authorization } = await createCaller(ctx.db, 'agent');
    const session = await signIn(ctx, user.email);
    // Both used just before: cached.
    expect(await restStatus(ctx, authorization)).toBe(200);
    expect(await whoIs(ctx, browserHeaders(session))).not.toBeNull();

    const since = performance.now();
    const res = await ctx.gql(UPDATE_USER, { id: String(user.id), input: { active: false } });
    const [tokenMs, sessionMs] = await Promise.all([
      msUntilRefused(async () => (await restStatus(ctx, authorization)) === 200, since),
      msUntilRefused(async () => (await whoIs(ctx, browserHeaders(session))) !== null, since),
    ]);
    expect(res.data!.updateUser).toEqual({ user: { id: String(user.id), role: 'AGENT', active: false }, userErrors: [] });
    expect(tokenMs).toBeLessThan(1_000);
    expect(sessionMs).toBeLessThan(1_000);
    // And they cannot get back in.
    expect((await obtain(ctx, { email: user.email, password: FACTORY_PASSWORD }, 'application/json', '10.1.3.1')).statusCode).toBe(400);
  });

  it('a token of an admin demoted to agent loses its admin scope within a second, and keeps the others', async () => {
    const { user, authorization } = await createCaller(ctx.db, 'admin');
    const users = () => postGraphQL(ctx, { query: '{ users { id } }', headers: { authorization } });
    expect((await users()).json().errors).toBeUndefined();

    const since = performance.now();
    const res = await ctx.gql(UPDATE_USER, { id: String(user.id), input: { role: 'AGENT' } });
    const elapsed = await msUntilRefused(async () => (await users()).json().errors === undefined, since);
    expect(res.data!.updateUser.userErrors).toEqual([]);
    expect(elapsed).toBeLessThan(1_000);
    expect((await users()).json().errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await restStatus(ctx, authorization)).toBe(200);
  });
});
