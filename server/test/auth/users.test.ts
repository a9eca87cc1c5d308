// People end to end: the last active admin is kept (even against two admins demoting
// each other at once), new users' input is checked field by field, one-time links
// (invitations, the first admin's setup link) work once and only while valid,
// passwords change only with the current one, and agents are refused every admin
// operation. Each test makes its own admins: some leave only those active.
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { issueSetupLink } from '../../src/auth/setup.service.js';
import { oneTimeTokens, tickets, users } from '../../src/db/schema.js';
import { createCaller, createToken, createUser, FACTORY_PASSWORD } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';
import { browserHeaders, postGraphQL, sessionOf, signIn, signInRequest, whoIs } from './auth.helpers.js';

const USER_FIELDS = 'id email displayName role active invitationPending';
const UPDATE_USER = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { user { ${USER_FIELDS} } userErrors { field code } } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { ${USER_FIELDS} } userErrors { field code } } }`;
const INVITE_USER = `mutation ($input: InviteUserInput!) { inviteUser(input: $input) { invitationUrl user { ${USER_FIELDS} } userErrors { field code } } }`;
const ACCEPT_INVITATION = `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { ${USER_FIELDS} } userErrors { field code } } }`;
const COMPLETE_SETUP = `mutation ($input: CompleteSetupInput!) { completeSetup(input: $input) { user { ${USER_FIELDS} } userErrors { field code } } }`;
const CHANGE_PASSWORD =
  'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } userErrors { field code } } }';
const UPDATE_ME = 'mutation ($input: UpdateMeInput!) { updateMe(input: $input) { user { id displayName } userErrors { field code } } }';
const AUTH_STATUS = '{ authStatus { setupRequired } }';
const NEW_PASSWORD = 'a brand new passphrase';
const RACE_ROUNDS = 4;

type Headers = Record<string, string>;

/** Leaves `keep` the only active admins: everyone else who is one becomes an agent. */
async function onlyAdmins(ctx: TestContext, keep: { id: number }[]): Promise<void> {
  await ctx.db
    .update(users)
    .set({ role: 'agent' })
    .where(
      and(
        eq(users.role, 'admin'),
        notInArray(
          users.id,
          keep.map((u) => u.id),
        ),
      ),
    );
}

/** No active admin at all: the state in which the setup link is offered. */
async function noAdmins(ctx: TestContext): Promise<void> {
  await ctx.db.update(users).set({ active: false }).where(eq(users.role, 'admin'));
}

async function gql(ctx: TestContext, headers: Headers, query: string, variables?: Record<string, unknown>) {
  const res = await postGraphQL(ctx, { query, variables, headers });
  return { res, body: res.json() };
}

async function userRow(ctx: TestContext, id: number) {
  const [row] = await ctx.db.select().from(users).where(eq(users.id, id));
  return row!;
}

describeOnDatabases(
  'users and one-time links',
  (ctx) => {
    it('the last active admin can be neither demoted nor deactivated (LAST_ADMIN), by themselves or anyone', async () => {
      const admin = await createCaller(ctx.db, 'admin');
      // An inactive admin does not count.
      await createUser(ctx.db, { role: 'admin', active: false });
      await onlyAdmins(ctx, [admin.user]);
      const headers = { authorization: admin.authorization };

      const demote = await gql(ctx, headers, UPDATE_USER, { id: String(admin.user.id), input: { role: 'AGENT' } });
      expect(demote.body.data.updateUser).toEqual({ user: null, userErrors: [{ field: 'role', code: 'LAST_ADMIN' }] });
      const deactivate = await gql(ctx, headers, UPDATE_USER, {
        id: String(admin.user.id),
        input: { active: false, displayName: 'Renamed' },
      });
      expect(deactivate.body.data.updateUser).toEqual({ user: null, userErrors: [{ field: 'active', code: 'LAST_ADMIN' }] });
      expect(await userRow(ctx, admin.user.id)).toMatchObject({ role: 'admin', active: true, displayName: admin.user.displayName });

      // With a second active admin, either change is allowed.
      const second = await createCaller(ctx.db, 'admin');
      const allowed = await gql(ctx, { authorization: second.authorization }, UPDATE_USER, {
        id: String(admin.user.id),
        input: { role: 'AGENT' },
      });
      expect(allowed.body.data.updateUser.userErrors).toEqual([]);
      expect(allowed.body.data.updateUser.user.role).toBe('AGENT');
    });

    // The race is real only when both transactions have read before either writes:
    // a few rounds make that likely on PostgreSQL (PGlite runs one at a time).
    it.each([
      ['demoting', { role: 'AGENT' }],
      ['deactivating', { active: false }],
    ])('two last admins %s each other at once: exactly one succeeds, the other is refused', async (_how, input) => {
      for (let round = 0; round < RACE_ROUNDS; round += 1) {
        const a = await createCaller(ctx.db, 'admin');
        const b = await createCaller(ctx.db, 'admin');
        await onlyAdmins(ctx, [a.user, b.user]);
        const results = await Promise.all([
          gql(ctx, { authorization: a.authorization }, UPDATE_USER, { id: String(b.user.id), input }),
          gql(ctx, { authorization: b.authorization }, UPDATE_USER, { id: String(a.user.id), input }),
        ]);
        const payloads = results.map((r) => r.body.data?.updateUser ?? r.body.errors);
        const succeeded = payloads.filter((p) => Array.isArray(p.userErrors) && p.userErrors.length === 0);
        // The loser is refused either way: LAST_ADMIN if it got in first, FORBIDDEN
        // if it was already demoted when its request was authenticated.
        const refused = payloads.filter((p) => p.userErrors?.[0]?.code === 'LAST_ADMIN' || p[0]?.extensions?.code === 'FORBIDDEN');
        expect({ succeeded: succeeded.length, refused: refused.length }, JSON.stringify(payloads)).toEqual({ succeeded: 1, refused: 1 });
        const admins = await ctx.db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.role, 'admin'), eq(users.active, true), inArray(users.id, [a.user.id, b.user.id])));
        expect(admins).toHaveLength(1);
      }
    });

    it('createUser reports every invalid field at once, a common password, and an email taken in any case', async () => {
      const admin = { authorization: (await createCaller(ctx.db, 'admin')).authorization };
      const create = async (input: Record<string, unknown>) =>
        (await gql(ctx, admin, CREATE_USER, { input: { role: 'AGENT', ...input } })).body.data.createUser;

      const invalid = await create({ email: 'not-an-email', displayName: '   ', password: 'short' });
      expect(invalid.user).toBeNull();
      expect(invalid.userErrors).toEqual(
        expect.arrayContaining([
          { field: 'email', code: 'INVALID' },
          { field: 'displayName', code: 'BLANK' },
          { field: 'password', code: 'TOO_SHORT' },
        ]),
      );
      expect(invalid.userErrors).toHaveLength(3);

      const common = await create({ email: 'common@example.com', displayName: 'Common', password: 'password123' });
      expect(common).toEqual({ user: null, userErrors: [{ field: 'password', code: 'TOO_COMMON' }] });

      const taken = await createUser(ctx.db, { email: 'Taken.Person@Example.com' });
      const again = await create({ email: 'taken.person@EXAMPLE.com', displayName: 'Again', password: NEW_PASSWORD });
      expect(again).toEqual({ user: null, userErrors: [{ field: 'email', code: 'TAKEN' }] });

      const rows = await ctx.db
        .select({ id: users.id })
        .from(users)
        .where(inArray(sql`lower(${users.email})`, ['not-an-email', 'common@example.com', 'taken.person@example.com']));
      expect(rows).toEqual([{ id: taken.id }]);

      const created = await create({ email: 'new.agent@example.com', displayName: 'New Agent', password: NEW_PASSWORD });
      expect(created.userErrors).toEqual([]);
      expect(created.user).toMatchObject({ role: 'AGENT', active: true, invitationPending: false });
      expect((await signInRequest(ctx, 'new.agent@example.com', NEW_PASSWORD)).json().data.signIn.userErrors).toEqual([]);
    });

    it('an invitation link signs the person in once; a second use is INVALID_LINK', async () => {
      const admin = { authorization: (await createCaller(ctx.db, 'admin')).authorization };
      const invited = (
        await gql(ctx, admin, INVITE_USER, { input: { email: 'invitee@example.com', displayName: 'Invitee', role: 'AGENT' } })
      ).body.data.inviteUser;
      expect(invited.userErrors).toEqual([]);
      expect(invited.user).toMatchObject({ invitationPending: true, active: true });
      const url = new URL(invited.invitationUrl);
      expect(url.pathname).toBe('/invitation');
      const token = url.searchParams.get('token')!;
      expect(token.length).toBeGreaterThan(30);
      // Nobody can sign in as them before they accept.
      expect((await signInRequest(ctx, 'invitee@example.com', FACTORY_PASSWORD)).json().data.signIn.user).toBeNull();

      // A refused input leaves the link usable.
      const tooShort = await gql(ctx, {}, ACCEPT_INVITATION, { input: { token, password: 'short' } });
      expect(tooShort.body.data.acceptInvitation.userErrors).toEqual([{ field: 'password', code: 'TOO_SHORT' }]);

      const accepted = await gql(ctx, {}, ACCEPT_INVITATION, { input: { token, password: NEW_PASSWORD, displayName: 'Invitee Proper' } });
      expect(accepted.body.data.acceptInvitation.userErrors).toEqual([]);
      expect(accepted.body.data.acceptInvitation.user).toMatchObject({
        id: invited.user.id,
        displayName: 'Invitee Proper',
        invitationPending: false,
      });
      const session = sessionOf(accepted.res);
      expect(await whoIs(ctx, browserHeaders(session))).toMatchObject({ id: invited.user.id });
      expect((await signInRequest(ctx, 'invitee@example.com', NEW_PASSWORD)).json().data.signIn.userErrors).toEqual([]);

      const reused = await gql(ctx, {}, ACCEPT_INVITATION, { input: { token, password: 'someone else’s passphrase' } });
      expect(reused.body.data.acceptInvitation).toEqual({ user: null, userErrors: [{ field: 'token', code: 'INVALID_LINK' }] });
      expect(reused.res.cookies).toEqual([]);
      expect((await signInRequest(ctx, 'invitee@example.com', NEW_PASSWORD)).json().data.signIn.userErrors).toEqual([]);
    });

    it('an expired invitation is INVALID_LINK and sets no password', async () => {
      const admin = { authorization: (await createCaller(ctx.db, 'admin')).authorization };
      const invited = (await gql(ctx, admin, INVITE_USER, { input: { email: 'late@example.com', displayName: 'Late', role: 'AGENT' } }))
        .body.data.inviteUser;
      const token = new URL(invited.invitationUrl).searchParams.get('token')!;
      await ctx.db.update(oneTimeTokens).set({ expiresAt: new Date(Date.now() - 1_000) });
      const res = await gql(ctx, {}, ACCEPT_INVITATION, { input: { token, password: NEW_PASSWORD } });
      expect(res.body.data.acceptInvitation).toEqual({ user: null, userErrors: [{ field: 'token', code: 'INVALID_LINK' }] });
      expect(res.res.cookies).toEqual([]);
      expect((await userRow(ctx, Number(invited.user.id))).passwordHash).toBeNull();
    });

    it('the setup link creates the first admin and signs them in once; then every setup link is used up', async () => {
      await noAdmins(ctx);
      expect((await gql(ctx, {}, AUTH_STATUS)).body.data.authStatus).toEqual({ setupRequired: true });
      // A newer link supersedes the older one (links in older logs stop working).
      const otherLink = (await issueSetupLink(ctx.db))!;
      const link = (await issueSetupLink(ctx.db))!;
      expect(link).toEqual(expect.any(String));

      // A typo in the input does not burn the link.
      const typo = await gql(ctx, {}, COMPLETE_SETUP, {
        input: { token: link, email: 'first admin@example', displayName: 'First Admin', password: NEW_PASSWORD },
      });
      expect(typo.body.data.completeSetup).toEqual({ user: null, userErrors: [{ field: 'email', code: 'INVALID' }] });

      const input = { token: link, email: 'first.admin@example.com', displayName: 'First Admin', password: NEW_PASSWORD };
      const done = await gql(ctx, {}, COMPLETE_SETUP, { input });
      expect(done.body.data.completeSetup.userErrors).toEqual([]);
      expect(done.body.data.completeSetup.user).toMatchObject({ role: 'ADMIN', active: true, email: 'first.admin@example.com' });
      expect(await whoIs(ctx, browserHeaders(sessionOf(done.res)))).toMatchObject({ email: 'first.admin@example.com' });
      expect((await gql(ctx, {}, AUTH_STATUS)).body.data.authStatus).toEqual({ setupRequired: false });

      for (const token of [link, otherLink]) {
        const again = await gql(ctx, {}, COMPLETE_SETUP, { input: { ...input, token, email: `again-${token.slice(0, 6)}@example.com` } });
        expect(again.body.data.completeSetup).toEqual({ user: null, userErrors: [{ field: 'token', code: 'INVALID_LINK' }] });
        expect(again.res.cookies).toEqual([]);
      }
      expect(await issueSetupLink(ctx.db)).toBeNull();
    });

    it('a setup link is refused once an admin exists', async () => {
      await noAdmins(ctx);
      const link = (await issueSetupLink(ctx.db))!;
      await createUser(ctx.db, { role: 'admin' });
      const res = await gql(ctx, {}, COMPLETE_SETUP, {
        input: { token: link, email: 'intruder@example.com', displayName: 'Intruder', password: NEW_PASSWORD },
      });
      expect(res.body.data.completeSetup).toEqual({ user: null, userErrors: [{ field: 'token', code: 'INVALID_LINK' }] });
      expect(await ctx.db.select().from(users).where(eq(users.email, 'intruder@example.com'))).toEqual([]);
    });

    it('changePassword needs the current password, and ends the user’s other sessions but not this one', async () => {
      const user = await createUser(ctx.db);
      const current = await signIn(ctx, user.email);
      const other = await signIn(ctx, user.email);
      // Both cached in this process.
      expect(await whoIs(ctx, browserHeaders(other))).not.toBeNull();
      expect(await whoIs(ctx, browserHeaders(current))).not.toBeNull();

      const wrong = await gql(ctx, browserHeaders(current), CHANGE_PASSWORD, {
        input: { currentPassword: 'not the password', newPassword: NEW_PASSWORD },
      });
      expect(wrong.body.data.changePassword).toEqual({ user: null, userErrors: [{ field: 'currentPassword', code: 'WRONG_PASSWORD' }] });
      expect(await whoIs(ctx, browserHeaders(other))).not.toBeNull();

      const changed = await gql(ctx, browserHeaders(current), CHANGE_PASSWORD, {
        input: { currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD },
      });
      expect(changed.body.data.changePassword).toEqual({ user: { id: String(user.id) }, userErrors: [] });
      expect(await whoIs(ctx, browserHeaders(other))).toBeNull();
      expect(await whoIs(ctx, browserHeaders(current))).toMatchObject({ id: String(user.id) });
      expect((await signInRequest(ctx, user.email, FACTORY_PASSWORD, '10.2.0.1')).json().data.signIn.userErrors[0].code).toBe(
        'INVALID_CREDENTIALS',
      );
      expect((await signInRequest(ctx, user.email, NEW_PASSWORD, '10.2.0.2')).json().data.signIn.userErrors).toEqual([]);
    });

    it('updateMe changes one’s own name and nobody else’s; a token may not', async () => {
      const me = await createCaller(ctx.db, 'agent');
      const colleague = await createUser(ctx.db, { displayName: 'Colleague' });
      const byToken = await gql(ctx, { authorization: me.authorization }, UPDATE_ME, { input: { displayName: 'Via token' } });
      expect(byToken.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const browser = browserHeaders(await signIn(ctx, me.user.email));
      const res = await gql(ctx, browser, UPDATE_ME, { input: { displayName: '  Renamed Me  ' } });
      expect(res.body.data.updateMe).toEqual({ user: { id: String(me.user.id), displayName: 'Renamed Me' }, userErrors: [] });
      expect((await userRow(ctx, me.user.id)).displayName).toBe('Renamed Me');
      expect((await userRow(ctx, colleague.id)).displayName).toBe('Colleague');

      const blank = await gql(ctx, browser, UPDATE_ME, { input: { displayName: ' ' } });
      expect(blank.body.data.updateMe).toEqual({ user: null, userErrors: [{ field: 'displayName', code: 'BLANK' }] });
      expect(await gql(ctx, {}, UPDATE_ME, { input: { displayName: 'Nobody' } }).then((r) => r.body.errors[0].extensions.code)).toBe(
        'UNAUTHENTICATED',
      );
    });

    it.each([
      ['users', '{ users { id } }', undefined],
      ['apiTokens', '{ apiTokens { id } }', undefined],
      [
        'createUser',
        CREATE_USER,
        { input: { email: 'by.agent@example.com', displayName: 'By Agent', password: NEW_PASSWORD, role: 'ADMIN' } },
      ],
      ['inviteUser', INVITE_USER, { input: { email: 'inv.by.agent@example.com', displayName: 'By Agent', role: 'ADMIN' } }],
      [
        'createApiToken',
        'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }',
        { input: { name: 'x', scopes: ['TICKETS_READ'] } },
      ],
      ['revokeApiToken', 'mutation ($id: ID!) { revokeApiToken(id: $id) { apiToken { id } } }', { id: '1' }],
      ['updateUser', UPDATE_USER, { id: '1', input: { role: 'ADMIN' } }],
    ])('%s: an agent is FORBIDDEN (token or session), anonymous UNAUTHENTICATED, and nothing changes', async (field, query, variables) => {
      const agent = await createCaller(ctx.db, 'agent');
      const session = await signIn(ctx, agent.user.email);
      const usersBefore = await ctx.db.select({ id: users.id, role: users.role }).from(users);
      for (const headers of [{ authorization: agent.authorization }, browserHeaders(session)]) {
        const { body } = await gql(ctx, headers, query, variables);
        expect(
          body.errors?.map((e: { extensions: { code: string } }) => e.extensions.code),
          field,
        ).toEqual(['FORBIDDEN']);
        expect(body.data?.[field] ?? null).toBeNull();
      }
      const anonymous = await gql(ctx, {}, query, variables);
      expect(anonymous.body.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
      expect(await ctx.db.select({ id: users.id, role: users.role }).from(users)).toEqual(usersBefore);
    });

    it.each([
      ['POST', '/api/tickets/', { title: 'Read only', description: 'A token that only reads.' }],
      ['PATCH', '/api/tickets/1/', { status: 'resolved' }],
      ['POST', '/api/tickets/classify/', { description: 'My card was charged twice.' }],
    ] as const)('REST %s %s with a token of tickets:read only is 403 with DRF’s detail', async (method, url, payload) => {
      const agent = await createUser(ctx.db);
      const { token } = await createToken(ctx.db, agent, { scopes: ['tickets:read'] });
      const res = await ctx.app.inject({ method, url, headers: { authorization: `Token ${token}` }, payload });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ detail: 'You do not have permission to perform this action.' });
      expect(await ctx.db.select({ id: tickets.id }).from(tickets)).toEqual([]);
      expect((await ctx.app.inject({ method: 'GET', url: '/api/tickets/', headers: { authorization: `Token ${token}` } })).statusCode).toBe(
        200,
      );
    });
  },
  { caller: 'anonymous' },
);
