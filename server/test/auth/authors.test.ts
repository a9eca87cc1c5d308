// Who wrote a ticket: a signed-in person, or the API token used (GraphQL's `Actor`
// union, REST's `created_by`/`updated_by`), null when written anonymously; and
// idempotency keys, which belong to their caller, so that one caller's key can
// neither replay nor block another's create.
import { count } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { tickets } from '../../src/db/schema.js';
import { createToken, createUser } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';
import { browserHeaders, postGraphQL, signIn } from './auth.helpers.js';

const ACTOR = '__typename ... on User { id displayName } ... on ApiToken { id name }';
const TICKET = `id createdBy { ${ACTOR} } updatedBy { ${ACTOR} }`;
const CREATE = `mutation ($input: CreateTicketInput!) { createTicket(input: $input) { ticket { ${TICKET} } userErrors { field code } } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { ticket { ${TICKET} } userErrors { field code } } }`;
const GET = `query ($id: ID!) { ticket(id: $id) { ${TICKET} } }`;
const NEW_TICKET = { title: 'Charged twice', description: 'My card was charged twice.' };

type Headers = Record<string, string>;

async function restCreate(ctx: TestContext, headers: Headers, extra: Headers = {}) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/tickets/',
    headers: { 'content-type': 'application/json', ...headers, ...extra },
    payload: NEW_TICKET,
  });
}

async function restUpdate(ctx: TestContext, headers: Headers, id: number) {
  return ctx.app.inject({
    method: 'PATCH',
    url: `/api/tickets/${id}/`,
    headers: { 'content-type': 'application/json', ...headers },
    payload: { status: 'in_progress' },
  });
}

async function gqlData(ctx: TestContext, headers: Headers, query: string, variables: Record<string, unknown>) {
  const res = await postGraphQL(ctx, { query, variables, headers });
  const body = res.json();
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

async function ticketCount(ctx: TestContext): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(tickets);
  return row!.n;
}

/** A person signed in with a browser, and another person's token, as the two kinds of author. */
async function twoAuthors(ctx: TestContext) {
  const person = await createUser(ctx.db, { displayName: 'Session Person' });
  const session = await signIn(ctx, person.email);
  const integrator = await createUser(ctx.db, { displayName: 'Token Owner' });
  const token = await createToken(ctx.db, integrator, { name: 'Nightly import' });
  return {
    person,
    sessionHeaders: browserHeaders(session),
    token,
    tokenHeaders: { authorization: `Token ${token.token}` },
    asUser: { type: 'user', id: person.id, name: 'Session Person' },
    asToken: { type: 'token', id: token.id, name: 'Nightly import' },
  };
}

describeOnDatabases('ticket authors', (ctx) => {
  it('REST: created by a session user names the user; changed with a token names the token (not its owner)', async () => {
    const a = await twoAuthors(ctx);
    const created = await restCreate(ctx, a.sessionHeaders);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ created_by: a.asUser, updated_by: a.asUser });

    const updated = await restUpdate(ctx, a.tokenHeaders, created.json().id);
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ created_by: a.asUser, updated_by: a.asToken });

    const fetched = await ctx.app.inject({ method: 'GET', url: `/api/tickets/${created.json().id}/`, headers: a.tokenHeaders });
    expect(fetched.json()).toMatchObject({ created_by: a.asUser, updated_by: a.asToken });
    const listed = await ctx.app.inject({ method: 'GET', url: '/api/tickets/', headers: a.tokenHeaders });
    expect(listed.json()[0]).toMatchObject({ created_by: a.asUser, updated_by: a.asToken });
  });

  it('GraphQL: created with a token is an ApiToken; changed by a session user is a User; both as the ticket reads later', async () => {
    const a = await twoAuthors(ctx);
    const created = (await gqlData(ctx, a.tokenHeaders, CREATE, { input: NEW_TICKET })).createTicket;
    expect(created.userErrors).toEqual([]);
    const asToken = { __typename: 'ApiToken', id: String(a.token.id), name: 'Nightly import' };
    const asUser = { __typename: 'User', id: String(a.person.id), displayName: 'Session Person' };
    expect(created.ticket).toMatchObject({ createdBy: asToken, updatedBy: asToken });

    const updated = (await gqlData(ctx, a.sessionHeaders, UPDATE, { id: created.ticket.id, input: { status: 'RESOLVED' } })).updateTicket;
    expect(updated.userErrors).toEqual([]);
    expect(updated.ticket).toMatchObject({ createdBy: asToken, updatedBy: asUser });
    expect((await gqlData(ctx, a.tokenHeaders, GET, { id: created.ticket.id })).ticket).toMatchObject({
      createdBy: asToken,
      updatedBy: asUser,
    });

    // REST tells the same story.
    const rest = await ctx.app.inject({ method: 'GET', url: `/api/tickets/${created.ticket.id}/`, headers: a.tokenHeaders });
    expect(rest.json()).toMatchObject({ created_by: a.asToken, updated_by: a.asUser });
  });

  it('REST: an idempotency key belongs to its user: the same key from two users creates two tickets', async () => {
    const first = await createUser(ctx.db);
    const second = await createUser(ctx.db);
    const firstToken = await createToken(ctx.db, first);
    const secondToken = await createToken(ctx.db, second);
    const key = { 'idempotency-key': 'shared-key-1' };

    const mine = await restCreate(ctx, { authorization: `Token ${firstToken.token}` }, key);
    const theirs = await restCreate(ctx, { authorization: `Token ${secondToken.token}` }, key);
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect(mine.json().created_by).toMatchObject({ type: 'token', id: firstToken.id });
    expect(theirs.json().created_by).toMatchObject({ type: 'token', id: secondToken.id });
    expect(await ticketCount(ctx)).toBe(2);

    // Each user's retry answers their own first create.
    const retry = await restCreate(ctx, { authorization: `Token ${secondToken.token}` }, key);
    expect(retry.json()).toEqual(theirs.json());
    expect(await ticketCount(ctx)).toBe(2);
  });

  it('GraphQL: an idempotency key belongs to its user, whether they use a session or a token', async () => {
    const first = await createUser(ctx.db);
    const second = await createUser(ctx.db);
    const firstSession = browserHeaders(await signIn(ctx, first.email));
    const firstToken = { authorization: `Token ${(await createToken(ctx.db, first)).token}` };
    const secondToken = { authorization: `Token ${(await createToken(ctx.db, second)).token}` };
    const input = { ...NEW_TICKET, idempotencyKey: 'shared-key-2' };

    const mine = (await gqlData(ctx, firstSession, CREATE, { input })).createTicket.ticket;
    const theirs = (await gqlData(ctx, secondToken, CREATE, { input })).createTicket.ticket;
    expect(theirs.id).not.toBe(mine.id);
    // The same person through their token: the same key space, so the first create answers.
    const again = (await gqlData(ctx, firstToken, CREATE, { input })).createTicket.ticket;
    expect(again.id).toBe(mine.id);
    expect(await ticketCount(ctx)).toBe(2);
  });
});

describeOnDatabases(
  'ticket authors with ANONYMOUS_ACCESS=write',
  (ctx) => {
    it('anonymous writes through REST and GraphQL name no author', async () => {
      const created = await restCreate(ctx, {});
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ created_by: null, updated_by: null });

      const viaGraphQL = (await gqlData(ctx, {}, CREATE, { input: NEW_TICKET })).createTicket.ticket;
      expect(viaGraphQL).toMatchObject({ createdBy: null, updatedBy: null });

      // An anonymous change of a ticket someone wrote clears nobody's name but the updater's.
      const a = await twoAuthors(ctx);
      const byUser = await restCreate(ctx, a.sessionHeaders);
      const changed = await restUpdate(ctx, {}, byUser.json().id);
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ created_by: a.asUser, updated_by: null });
    });

    it('an identified caller is still named when anonymous callers may write', async () => {
      const a = await twoAuthors(ctx);
      const created = await restCreate(ctx, a.tokenHeaders);
      expect(created.json()).toMatchObject({ created_by: a.asToken, updated_by: a.asToken });
    });

    it('an anonymous caller’s idempotency key is not a user’s', async () => {
      const user = await createUser(ctx.db);
      const { token } = await createToken(ctx.db, user);
      const key = { 'idempotency-key': 'shared-key-3' };
      const anonymous = await restCreate(ctx, {}, key);
      const identified = await restCreate(ctx, { authorization: `Token ${token}` }, key);
      expect(identified.json().id).not.toBe(anonymous.json().id);
      expect(identified.json().created_by).toMatchObject({ type: 'token' });
      expect(await ticketCount(ctx)).toBe(2);
    });
  },
  { env: { ANONYMOUS_ACCESS: 'write' }, caller: 'anonymous' },
);
