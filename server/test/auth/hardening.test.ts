// What a review of identity found, each proved: authors show colleagues' names but not
// their accounts, an invitation does not count as an admin, sign-in input is bounded,
// setup links are superseded, and the schema is described only to an identity.
import { expect, it } from 'vitest';
import { issueSetupLink } from '../../src/auth/setup.service.js';
import { createTicket, createToken, createUser } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';
import { signIn, signInRequest } from './auth.helpers.js';

const codes = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);

describeOnDatabases('identity hardening', (ctx) => {
  it('an agent reading tickets sees an author’s name, and is refused their email and a token’s scopes', async () => {
    const admin = await createUser(ctx.db, { role: 'admin' });
    const adminToken = await createToken(ctx.db, admin);
    const agent = await createUser(ctx.db, { role: 'agent' });
    const agentToken = await createToken(ctx.db, agent, { scopes: ['tickets:read'] });
    await ctx.gqlWith(
      { authorization: `Token ${adminToken.token}` },
      'mutation { createTicket(input: { title: "T", description: "D" }) { ticket { id } } }',
    );

    const names = await ctx.gqlWith(
      { authorization: `Token ${agentToken.token}` },
      '{ tickets(first: 1) { nodes { createdBy { ... on ApiToken { id name } ... on User { id displayName } } } } }',
    );
    expect(names.errors).toBeUndefined();
    expect(names.data!.tickets.nodes[0].createdBy.name).toBe(`Token of ${admin.displayName}`);

    for (const selection of ['... on ApiToken { scopes }', '... on ApiToken { owner { id } }', '... on ApiToken { lastUsedAt }']) {
      const res = await ctx.gqlWith(
        { authorization: `Token ${agentToken.token}` },
        `{ tickets(first: 1) { nodes { createdBy { ${selection} } } } }`,
      );
      expect(codes(res), selection).toEqual(['FORBIDDEN']);
    }
    const asAdmin = await ctx.gqlWith(
      { authorization: `Token ${adminToken.token}` },
      '{ tickets(first: 1) { nodes { createdBy { ... on ApiToken { scopes owner { email } } } } } }',
    );
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data!.tickets.nodes[0].createdBy.owner.email).toBe(admin.email);
  });

  it('a person sees their own email; an agent is refused a colleague’s', async () => {
    const agent = await createUser(ctx.db, { role: 'agent' });
    const colleague = await createUser(ctx.db, { role: 'agent' });
    const { token } = await createToken(ctx.db, agent);
    const me = await ctx.gqlWith({ authorization: `Token ${token}` }, '{ me { email active invitationPending } }');
    expect(me.data!.me).toEqual({ email: agent.email, active: true, invitationPending: false });
    // Written by the colleague in person (a session), so the author is a User.
    await createTicket(ctx.db, { createdByUserId: colleague.id, updatedByUserId: colleague.id });
    const res = await ctx.gqlWith(
      { authorization: `Token ${token}` },
      '{ tickets(first: 1) { nodes { createdBy { ... on User { email } } } } }',
    );
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  it('an invited admin who never set a password does not count as the last admin', async () => {
    const admin = await createUser(ctx.db, { role: 'admin' });
    await createUser(ctx.db, { role: 'admin', password: null });
    const session = await signIn(ctx, admin.email);
    const headers = { cookie: `sessionid=${session.sessionid}; csrftoken=${session.csrftoken}`, 'x-csrftoken': session.csrftoken };
    // Other suites' admins exist in this database: make this admin the only usable one.
    await ctx.db.execute(
      (await import('drizzle-orm'))
        .sql`update users set active = false where role = 'admin' and id <> ${admin.id} and password_hash is not null`,
    );
    const res = await ctx.gqlWith(
      headers,
      `mutation { updateUser(id: "${admin.id}", input: { role: AGENT }) { userErrors { field code } } }`,
    );
    expect(res.data!.updateUser.userErrors).toEqual([{ field: 'role', code: 'LAST_ADMIN' }]);
    await ctx.db.execute((await import('drizzle-orm')).sql`update users set active = true where role = 'admin'`);
  });

  it.each([
    ['a NUL character', 'a\u0000b@example.com', 'INVALID'],
    ['10,000 characters', `${'a'.repeat(10_000)}@example.com`, 'TOO_LONG'],
  ])('refuses an email with %s as a field error, never a 500', async (_what, email, code) => {
    const res = await signInRequest(ctx, email, 'whatever password', '10.9.9.9');
    expect(res.statusCode).toBe(200);
    expect(res.json().data.signIn.userErrors).toEqual([{ field: 'email', code }]);
    const rest = await ctx.app.inject({ method: 'POST', url: '/api/auth/token/', payload: { email, password: 'whatever password' } });
    expect(rest.statusCode).toBe(400);
    expect(Object.keys(rest.json())).toEqual(['email']);
  });

  it('a new setup link supersedes the older ones', async () => {
    await ctx.db.execute((await import('drizzle-orm')).sql`update users set active = false where role = 'admin'`);
    try {
      const older = await issueSetupLink(ctx.db);
      const newer = await issueSetupLink(ctx.db);
      expect(older).not.toBeNull();
      const complete = (token: string) =>
        ctx.gqlWith(
          {},
          'mutation($t: String!) { completeSetup(input: { token: $t, email: "first@example.com", displayName: "First", password: "a long enough passphrase" }) { user { id } userErrors { code } } }',
          { t: token },
        );
      expect((await complete(older!)).data!.completeSetup.userErrors).toEqual([{ code: 'INVALID_LINK' }]);
      expect((await complete(newer!)).data!.completeSetup.userErrors).toEqual([]);
    } finally {
      await ctx.db.execute((await import('drizzle-orm')).sql`update users set active = true where role = 'admin'`);
    }
  });

  it('describes the schema only to a caller with an identity', async () => {
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query: '{ __schema { queryType { name } } }' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Token');
    expect(codes(anonymous.json())).toEqual(['UNAUTHENTICATED']);
    const signedIn = await ctx.gql('{ __schema { queryType { name } } }');
    expect(signedIn.data!.__schema.queryType.name).toBe('Query');
  });

  it('never echoes a password given as the wrong type', async () => {
    const res = await ctx.gqlWith({}, 'mutation($i: SignInInput!) { signIn(input: $i) { user { id } } }', {
      i: { email: 'x@example.com', password: ['hunter2-secret'] },
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(res)).not.toContain('hunter2-secret');
  });
});

describeOnDatabases(
  'identity hardening with ANONYMOUS_ACCESS=read',
  (ctx) => {
    it('describes the schema to anonymous callers who may read', async () => {
      const res = await ctx.gqlWith({}, '{ __schema { queryType { name } } }');
      expect(res.data!.__schema.queryType.name).toBe('Query');
    });
  },
  { env: { ANONYMOUS_ACCESS: 'read' }, caller: 'anonymous' },
);
