// A ticket's history on every test database: which events each write path records
// (created with its suggestion, one field_changed per changed field, nothing for a
// change to nothing), with the right actor, the same through REST and GraphQL, and
// read back a page at a time through both APIs.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { signIn, browserHeaders } from '../auth/auth.helpers.js';
import { ticketEvents } from '../../src/db/schema.js';
import { createCaller, createTicket, createUser, issueTestSuggestion } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';
import { parseLinks } from '../rest/rest.helpers.js';

const EVENT_FIELDS = `id kind at field from to suggestion { category priority source accepted }
  actor { __typename ... on User { id } ... on ApiToken { id } }`;
const HISTORY = `query($id: ID!, $first: Int, $after: String) { ticket(id: $id) { id version
  history(first: $first, after: $after) { nodes { ${EVENT_FIELDS} } edges { cursor }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } userErrors { code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) {
  updateTicket(id: $id, input: $input) { ticket { id version } userErrors { field code } } }`;

/** What an event says, without its id and time (which differ between two tickets). */
function shapeOf(event: Record<string, unknown>) {
  const { id: _id, at: _at, ...rest } = event;
  return rest;
}

async function storedEvents(ctx: TestContext, ticketId: number) {
  return ctx.db
    .select()
    .from(ticketEvents)
    .where(sql`${ticketEvents.ticketId} = ${ticketId}`)
    .orderBy(ticketEvents.id);
}

describeOnDatabases('ticket history', (ctx) => {
  let agent: Awaited<ReturnType<typeof createCaller>>;
  const asAgent = () => ({ authorization: agent.authorization });

  beforeAll(async () => {
    agent = await createCaller(ctx.db, 'agent');
  });

  it('records a created event with the suggestion shown and whether it was kept, by the token used', async () => {
    const description = 'I was charged twice this month.';
    const suggestionId = await issueTestSuggestion(ctx.db, description, { category: 'billing', priority: 'high', source: 'local' });
    const created = await ctx.gqlWith(asAgent(), CREATE, {
      input: { title: 'Double charge', description, category: 'BILLING', priority: 'LOW', suggestionId },
    });
    expect(created.data!.createTicket.userErrors).toEqual([]);
    const id = created.data!.createTicket.ticket.id;
    const res = await ctx.gql(HISTORY, { id });
    const { nodes } = res.data!.ticket.history;
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({
      kind: 'CREATED',
      field: null,
      from: null,
      to: null,
      suggestion: { category: 'BILLING', priority: 'HIGH', source: 'LOCAL', accepted: false },
      actor: { __typename: 'ApiToken', id: String(agent.tokenId) },
    });
    expect(Math.abs(Date.parse(nodes[0].at) - Date.now())).toBeLessThan(60_000);
  });

  it('records a created event with no suggestion when none was shown', async () => {
    const res = await ctx.http({
      method: 'POST',
      url: '/api/tickets/',
      headers: asAgent(),
      payload: { title: 'No suggestion', description: 'Plain ticket.' },
    });
    expect(res.statusCode).toBe(201);
    const history = await ctx.http({ method: 'GET', url: `/api/tickets/${res.json().id}/history/`, headers: asAgent() });
    expect(history.statusCode).toBe(200);
    expect(history.json()).toEqual([
      {
        id: expect.any(Number),
        kind: 'created',
        at: expect.stringMatching(/Z$/),
        actor: { type: 'token', id: agent.tokenId, name: expect.any(String) },
        field: null,
        from: null,
        to: null,
        suggestion: null,
        assignee: null,
        previous_assignee: null,
        note: null,
      },
    ]);
  });

  it('records one field_changed per changed field, in a fixed order, and nothing for unchanged ones', async () => {
    const ticket = await createTicket(ctx.db, { title: 'Old title', category: 'general', priority: 'low', status: 'open' });
    const res = await ctx.gqlWith(asAgent(), UPDATE, {
      id: String(ticket.id),
      input: { status: 'IN_PROGRESS', title: 'New title', category: 'GENERAL', priority: 'CRITICAL' },
    });
    expect(res.data!.updateTicket.userErrors).toEqual([]);
    const { nodes } = (await ctx.gql(HISTORY, { id: String(ticket.id) })).data!.ticket.history;
    expect(nodes.map(shapeOf)).toEqual([
      {
        kind: 'FIELD_CHANGED',
        field: 'TITLE',
        from: 'Old title',
        to: 'New title',
        suggestion: null,
        actor: { __typename: 'ApiToken', id: String(agent.tokenId) },
      },
      {
        kind: 'FIELD_CHANGED',
        field: 'PRIORITY',
        from: 'LOW',
        to: 'CRITICAL',
        suggestion: null,
        actor: { __typename: 'ApiToken', id: String(agent.tokenId) },
      },
      {
        kind: 'FIELD_CHANGED',
        field: 'STATUS',
        from: 'OPEN',
        to: 'IN_PROGRESS',
        suggestion: null,
        actor: { __typename: 'ApiToken', id: String(agent.tokenId) },
      },
    ]);
    // REST shows the stored values.
    const rest = await ctx.http({ method: 'GET', url: `/api/tickets/${ticket.id}/history/` });
    expect(rest.json().map((e: Record<string, unknown>) => [e.field, e.from, e.to])).toEqual([
      ['title', 'Old title', 'New title'],
      ['priority', 'low', 'critical'],
      ['status', 'open', 'in_progress'],
    ]);
  });

  it('writes nothing for an update that changes nothing: no event, no new version, updatedAt kept', async () => {
    const ticket = await createTicket(ctx.db, { title: 'Same', priority: 'high' });
    for (const input of [{}, { title: '  Same  ', priority: 'HIGH' }]) {
      const res = await ctx.gql(UPDATE, { id: String(ticket.id), input });
      expect(res.data!.updateTicket).toEqual({ ticket: { id: String(ticket.id), version: 1 }, userErrors: [] });
    }
    expect(await storedEvents(ctx, ticket.id)).toEqual([]);
    const rest = await ctx.http({ method: 'PATCH', url: `/api/tickets/${ticket.id}/`, payload: { title: 'Same' } });
    expect(rest.statusCode).toBe(200);
    expect(rest.json().updated_at).toBe(ticket.updatedAt.toISOString());
    expect(await storedEvents(ctx, ticket.id)).toEqual([]);
  });

  it('writes nothing for a refused update', async () => {
    const ticket = await createTicket(ctx.db);
    const res = await ctx.gql(UPDATE, { id: String(ticket.id), input: { title: 'Fine', priority: null } });
    expect(res.data!.updateTicket.userErrors).toEqual([{ field: 'priority', code: 'NULL' }]);
    const rest = await ctx.http({ method: 'PATCH', url: `/api/tickets/${ticket.id}/`, payload: { title: 'Fine', status: 'nope' } });
    expect(rest.statusCode).toBe(400);
    expect(await storedEvents(ctx, ticket.id)).toEqual([]);
  });

  it('writes the same events for the same change through REST and GraphQL', async () => {
    const [viaRest, viaGraphql] = [
      await createTicket(ctx.db, { title: 'T', description: 'D', status: 'open', category: 'general' }),
      await createTicket(ctx.db, { title: 'T', description: 'D', status: 'open', category: 'general' }),
    ];
    const rest = await ctx.http({
      method: 'PATCH',
      url: `/api/tickets/${viaRest!.id}/`,
      headers: asAgent(),
      payload: { description: 'D2', status: 'resolved', category: 'account' },
    });
    expect(rest.statusCode).toBe(200);
    const gql = await ctx.gqlWith(asAgent(), UPDATE, {
      id: String(viaGraphql!.id),
      input: { description: 'D2', status: 'RESOLVED', category: 'ACCOUNT' },
    });
    expect(gql.data!.updateTicket.userErrors).toEqual([]);
    const strip = (rows: Awaited<ReturnType<typeof storedEvents>>) => rows.map(({ id: _id, ticketId: _t, at: _at, ...rest }) => rest);
    const restEvents = strip(await storedEvents(ctx, viaRest!.id));
    expect(restEvents).toHaveLength(3);
    expect(restEvents[0]).toMatchObject({ actorUserId: agent.user.id, actorTokenId: agent.tokenId, field: 'description' });
    expect(strip(await storedEvents(ctx, viaGraphql!.id))).toEqual(restEvents);
    // And a create: the same created event either way.
    const viaRestCreate = await ctx.http({
      method: 'POST',
      url: '/api/tickets/',
      headers: asAgent(),
      payload: { title: 'C', description: 'Same create.', priority: 'high' },
    });
    const viaGraphqlCreate = await ctx.gqlWith(asAgent(), CREATE, { input: { title: 'C', description: 'Same create.', priority: 'HIGH' } });
    const ids = [viaRestCreate.json().id as number, Number(viaGraphqlCreate.data!.createTicket.ticket.id)];
    expect(strip(await storedEvents(ctx, ids[1]!))).toEqual(strip(await storedEvents(ctx, ids[0]!)));
  });

  it('names a signed-in person as a User, and a token as its ApiToken', async () => {
    const person = await createUser(ctx.db, { role: 'agent' });
    const session = await signIn(ctx, person.email);
    const ticket = await createTicket(ctx.db);
    const res = await ctx.gqlWith(browserHeaders(session), UPDATE, { id: String(ticket.id), input: { status: 'CLOSED' } });
    expect(res.data!.updateTicket.userErrors).toEqual([]);
    await ctx.gqlWith(asAgent(), UPDATE, { id: String(ticket.id), input: { status: 'OPEN' } });
    const { nodes } = (await ctx.gql(HISTORY, { id: String(ticket.id) })).data!.ticket.history;
    expect(nodes.map((n: { actor: unknown }) => n.actor)).toEqual([
      { __typename: 'User', id: String(person.id) },
      { __typename: 'ApiToken', id: String(agent.tokenId) },
    ]);
    const rest = (await ctx.http({ method: 'GET', url: `/api/tickets/${ticket.id}/history/` })).json();
    expect(rest.map((e: { actor: { type: string; id: number } }) => [e.actor.type, e.actor.id])).toEqual([
      ['user', person.id],
      ['token', agent.tokenId],
    ]);
  });

  it('pages through the history oldest first with cursors, and refuses a bad page size or cursor', async () => {
    const ticket = await createTicket(ctx.db, { title: 'v0' });
    for (let i = 1; i <= 5; i += 1) await ctx.gql(UPDATE, { id: String(ticket.id), input: { title: `v${i}` } });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: { data?: { ticket: { history: any } } | null } = await ctx.gql(HISTORY, { id: String(ticket.id), first: 2, after });
      const history = res.data!.ticket.history;
      seen.push(...history.nodes.map((n: { to: string }) => n.to));
      expect(history.pageInfo.hasPreviousPage).toBe(after !== null);
      pages += 1;
      if (!history.pageInfo.hasNextPage) break;
      after = history.pageInfo.endCursor;
    }
    expect(seen).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    expect(pages).toBe(3);
    const tooMany = await ctx.gql(HISTORY, { id: String(ticket.id), first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A ticket-list cursor is not a history cursor.
    const list = await ctx.gql('{ tickets(first: 1) { pageInfo { endCursor } } }');
    const wrong = await ctx.gql(HISTORY, { id: String(ticket.id), after: list.data!.tickets.pageInfo.endCursor });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages the REST history as the ticket list is paged, and 404s an unknown ticket or page', async () => {
    const ticket = await createTicket(ctx.db, { title: 'v0' });
    for (let i = 1; i <= 5; i += 1) {
      await ctx.http({ method: 'PATCH', url: `/api/tickets/${ticket.id}/`, payload: { title: `v${i}` } });
    }
    const first = await ctx.http({ method: 'GET', url: `/api/tickets/${ticket.id}/history/?page_size=2` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-total-count']).toBe('5');
    expect(first.json().map((e: { to: string }) => e.to)).toEqual(['v1', 'v2']);
    const links = parseLinks(first.headers.link);
    expect(Object.keys(links)).toEqual(['first', 'next', 'last']);
    const last = await ctx.http({ method: 'GET', url: links.last!.replace(/^https?:\/\/[^/]+/, '') });
    expect(last.json().map((e: { to: string }) => e.to)).toEqual(['v5']);
    const past = await ctx.http({ method: 'GET', url: `/api/tickets/${ticket.id}/history/?page=4&page_size=2` });
    expect(past.statusCode).toBe(404);
    const unknown = await ctx.http({ method: 'GET', url: '/api/tickets/999999/history/' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ detail: 'Not found.' });
  });

  it('offers no way to change or remove an event', async () => {
    const ticket = await createTicket(ctx.db);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await ctx.http({ method, url: `/api/tickets/${ticket.id}/history/`, payload: {} });
      expect(res.statusCode).toBe(405);
    }
    const mutations = await ctx.gql('{ __schema { mutationType { fields { name } } } }');
    const names = mutations.data!.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names.filter((n: string) => /event|history/i.test(n))).toEqual([]);
  });
});

describeOnDatabases(
  'ticket history of anonymous writes',
  (ctx) => {
    it('records no actor for an anonymous write', async () => {
      const created = await ctx.http({ method: 'POST', url: '/api/tickets/', payload: { title: 'Anon', description: 'No one.' } });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect((await ctx.http({ method: 'PATCH', url: `/api/tickets/${id}/`, payload: { status: 'closed' } })).statusCode).toBe(200);
      const history = await ctx.http({ method: 'GET', url: `/api/tickets/${id}/history/` });
      expect(history.json().map((e: { kind: string; actor: unknown }) => [e.kind, e.actor])).toEqual([
        ['created', null],
        ['field_changed', null],
      ]);
    });
  },
  { caller: 'anonymous', env: { ANONYMOUS_ACCESS: 'write' } },
);
