// Assignment on every test database: a ticket's assignee set at create, assigned,
// reassigned and unassigned through GraphQL and REST (an active user with a password,
// or none), the assigned/unassigned events with their actor, and the refusals that
// change nothing.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { ticketEvents } from '../../src/db/schema.js';
import { findTicketById } from '../../src/tickets/ticket.repository.js';
import { createCaller, createTicket, createUser } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';

const TICKET_FIELDS = `id version assignee { id displayName }`;
const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { ${TICKET_FIELDS} } userErrors { field code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) {
  updateTicket(id: $id, input: $input) { ticket { ${TICKET_FIELDS} } userErrors { field code } } }`;
const HISTORY = `query($id: ID!) { ticket(id: $id) { history { nodes { kind field assignee { id } previousAssignee { id }
  actor { __typename ... on ApiToken { id } } } } } }`;

function storedEvents(ctx: TestContext, ticketId: number) {
  return ctx.db
    .select()
    .from(ticketEvents)
    .where(sql`${ticketEvents.ticketId} = ${ticketId}`)
    .orderBy(ticketEvents.id);
}

describeOnDatabases('ticket assignment', (ctx) => {
  let agent: Awaited<ReturnType<typeof createCaller>>;
  let ana: Awaited<ReturnType<typeof createUser>>;
  let ben: Awaited<ReturnType<typeof createUser>>;
  const asAgent = () => ({ authorization: agent.authorization });

  beforeAll(async () => {
    agent = await createCaller(ctx.db, 'agent');
    ana = await createUser(ctx.db, { displayName: 'Ana' });
    ben = await createUser(ctx.db, { displayName: 'Ben', role: 'admin' });
  });

  it('assigns at create, then reassigns and unassigns, each an event with the actor and a new version', async () => {
    const created = await ctx.gqlWith(asAgent(), CREATE, { input: { title: 'T', description: 'D', assigneeId: String(ana.id) } });
    expect(created.data!.createTicket).toEqual({
      ticket: { id: expect.any(String), version: 1, assignee: { id: String(ana.id), displayName: 'Ana' } },
      userErrors: [],
    });
    const id = created.data!.createTicket.ticket.id;
    const reassigned = await ctx.gqlWith(asAgent(), UPDATE, { id, input: { assigneeId: String(ben.id), expectedVersion: 1 } });
    expect(reassigned.data!.updateTicket.ticket).toEqual({ id, version: 2, assignee: { id: String(ben.id), displayName: 'Ben' } });
    // Omitted: unchanged. The same assignee again: no write.
    const title = await ctx.gqlWith(asAgent(), UPDATE, { id, input: { title: 'T2' } });
    expect(title.data!.updateTicket.ticket.assignee).toEqual({ id: String(ben.id), displayName: 'Ben' });
    const same = await ctx.gqlWith(asAgent(), UPDATE, { id, input: { assigneeId: String(ben.id) } });
    expect(same.data!.updateTicket.ticket.version).toBe(3);
    const unassigned = await ctx.gqlWith(asAgent(), UPDATE, { id, input: { assigneeId: null } });
    expect(unassigned.data!.updateTicket.ticket).toEqual({ id, version: 4, assignee: null });

    const actor = { __typename: 'ApiToken', id: String(agent.tokenId) };
    const { nodes } = (await ctx.gql(HISTORY, { id })).data!.ticket.history;
    expect(nodes).toEqual([
      { kind: 'CREATED', field: null, assignee: null, previousAssignee: null, actor },
      { kind: 'ASSIGNED', field: null, assignee: { id: String(ana.id) }, previousAssignee: null, actor },
      { kind: 'ASSIGNED', field: null, assignee: { id: String(ben.id) }, previousAssignee: { id: String(ana.id) }, actor },
      { kind: 'FIELD_CHANGED', field: 'TITLE', assignee: null, previousAssignee: null, actor },
      { kind: 'UNASSIGNED', field: null, assignee: { id: String(ben.id) }, previousAssignee: null, actor },
    ]);
  });

  it('writes one version and the field events then the assignment event for a change of fields and assignee together', async () => {
    const ticket = await createTicket(ctx.db, { priority: 'low' });
    const res = await ctx.gql(UPDATE, { id: String(ticket.id), input: { priority: 'HIGH', assigneeId: String(ana.id) } });
    expect(res.data!.updateTicket.ticket.version).toBe(2);
    const events = await storedEvents(ctx, ticket.id);
    expect(events.map((e) => [e.kind, e.field, e.assigneeUserId, e.previousAssigneeUserId])).toEqual([
      ['field_changed', 'priority', null, null],
      ['assigned', null, ana.id, null],
    ]);
  });

  it.each([
    ['an unknown user', async () => '999999'],
    ['a deactivated user', async (ctx: TestContext) => String((await createUser(ctx.db, { active: false })).id)],
    ['an invited person with no password yet', async (ctx: TestContext) => String((await createUser(ctx.db, { password: null })).id)],
    ['something that is no id', async () => 'abc'],
  ])('refuses to assign %s, with INVALID_ASSIGNEE on assigneeId, changing nothing', async (_, makeId) => {
    const assigneeId = await makeId(ctx);
    const ticket = await createTicket(ctx.db);
    const update = await ctx.gql(UPDATE, { id: String(ticket.id), input: { assigneeId, title: 'Not saved' } });
    expect(update.data!.updateTicket).toEqual({ ticket: null, userErrors: [{ field: 'assigneeId', code: 'INVALID_ASSIGNEE' }] });
    expect(await findTicketById(ctx.db, ticket.id)).toMatchObject({ title: ticket.title, version: 1, assigneeUserId: null });
    const create = await ctx.gql(CREATE, { input: { title: 'T', description: 'D', assigneeId } });
    expect(create.data!.createTicket.userErrors).toEqual([{ field: 'assigneeId', code: 'INVALID_ASSIGNEE' }]);
    const rest = await ctx.http({ method: 'PATCH', url: `/api/tickets/${ticket.id}/`, payload: { assignee: assigneeId } });
    expect(rest.statusCode).toBe(400);
    expect(Object.keys(rest.json())).toEqual(['assignee']);
    expect(await storedEvents(ctx, ticket.id)).toEqual([]);
  });

  it('reports a bad assignee with the other field errors at once', async () => {
    const ticket = await createTicket(ctx.db);
    const res = await ctx.gql(UPDATE, { id: String(ticket.id), input: { title: '', assigneeId: '999999' } });
    expect(res.data!.updateTicket.userErrors).toEqual([
      { field: 'title', code: 'BLANK' },
      { field: 'assigneeId', code: 'INVALID_ASSIGNEE' },
    ]);
  });

  it('keeps a ticket assigned to someone deactivated later, and lets it be unassigned', async () => {
    const leaving = await createUser(ctx.db, { displayName: 'Leaving' });
    const ticket = await createTicket(ctx.db, { assigneeUserId: leaving.id });
    await ctx.db.execute(sql`update users set active = false where id = ${leaving.id}`);
    const title = await ctx.gql(UPDATE, { id: String(ticket.id), input: { title: 'Still theirs' } });
    expect(title.data!.updateTicket.ticket.assignee).toEqual({ id: String(leaving.id), displayName: 'Leaving' });
    const off = await ctx.gql(UPDATE, { id: String(ticket.id), input: { assigneeId: null } });
    expect(off.data!.updateTicket.ticket.assignee).toBeNull();
  });

  it('reads and writes `assignee` over REST, as created_by is shown, and the same events as GraphQL', async () => {
    const created = await ctx.http({
      method: 'POST',
      url: '/api/tickets/',
      headers: asAgent(),
      payload: { title: 'R', description: 'REST.', assignee: ana.id },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().assignee).toEqual({ type: 'user', id: ana.id, name: 'Ana' });
    const url = `/api/tickets/${created.json().id}/`;
    const moved = await ctx.http({ method: 'PATCH', url, headers: asAgent(), payload: { assignee: String(ben.id) } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().assignee).toEqual({ type: 'user', id: ben.id, name: 'Ben' });
    const off = await ctx.http({ method: 'PATCH', url, headers: asAgent(), payload: { assignee: null } });
    expect(off.json().assignee).toBeNull();
    expect((await ctx.http({ method: 'GET', url })).json().assignee).toBeNull();
    // A form's empty value unassigns, as DRF reads it for a nullable field.
    await ctx.http({ method: 'PATCH', url, payload: { assignee: ana.id } });
    const form = await ctx.http({
      method: 'PATCH',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'assignee=',
    });
    expect(form.json().assignee).toBeNull();

    const history = (await ctx.http({ method: 'GET', url: `${url}history/` })).json();
    const user = (u: { id: number; displayName: string }) => ({ type: 'user', id: u.id, name: u.displayName });
    expect(history.map((e: Record<string, unknown>) => [e.kind, e.assignee, e.previous_assignee])).toEqual([
      ['created', null, null],
      ['assigned', user(ana), null],
      ['assigned', user(ben), user(ana)],
      ['unassigned', user(ben), null],
      ['assigned', user(ana), null],
      ['unassigned', user(ana), null],
    ]);

    // The same change through GraphQL records the same events.
    const [viaRest, viaGraphql] = [await createTicket(ctx.db), await createTicket(ctx.db)];
    await ctx.http({ method: 'PATCH', url: `/api/tickets/${viaRest.id}/`, headers: asAgent(), payload: { assignee: ana.id } });
    await ctx.gqlWith(asAgent(), UPDATE, { id: String(viaGraphql.id), input: { assigneeId: String(ana.id) } });
    const strip = (rows: Awaited<ReturnType<typeof storedEvents>>) => rows.map(({ id: _i, ticketId: _t, at: _a, ...rest }) => rest);
    expect(strip(await storedEvents(ctx, viaGraphql.id))).toEqual(strip(await storedEvents(ctx, viaRest.id)));
  });
});
