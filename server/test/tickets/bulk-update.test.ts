// Bulk changes on every test database: GraphQL `bulkUpdateTickets` and REST
// `PATCH /api/tickets/bulk/` change status, priority, category and assignee of many
// tickets in one transaction, with the same events as single updates; an unknown id
// or a stale version changes nothing and names each failing ticket.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { ticketEvents } from '../../src/db/schema.js';
import { BULK_UPDATE_MAX_TICKETS } from '../../src/tickets/ticket-bulk.service.js';
import { findTicketById } from '../../src/tickets/ticket.repository.js';
import { createCaller, createTicket, createTickets, createUser } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';

const BULK = `mutation($ids: [ID!]!, $input: BulkUpdateTicketsInput!) { bulkUpdateTickets(ids: $ids, input: $input) {
  tickets { id status priority version assignee { id } } userErrors { field code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { userErrors { code } } }`;

async function storedEvents(ctx: TestContext, ticketId: number) {
  const rows = await ctx.db
    .select()
    .from(ticketEvents)
    .where(sql`${ticketEvents.ticketId} = ${ticketId}`)
    .orderBy(ticketEvents.id);
  return rows.map(({ id: _i, ticketId: _t, at: _a, ...rest }) => rest);
}

describeOnDatabases('bulk ticket updates', (ctx) => {
  let agent: Awaited<ReturnType<typeof createCaller>>;
  let ana: Awaited<ReturnType<typeof createUser>>;
  const asAgent = () => ({ authorization: agent.authorization });

  beforeAll(async () => {
    agent = await createCaller(ctx.db, 'agent');
    ana = await createUser(ctx.db, { displayName: 'Ana' });
  });

  it('changes every ticket in one go, answers them in ids order, and records the same events as single updates', async () => {
    const [a, b, c, single] = await createTickets(ctx.db, 4, () => ({ status: 'open', priority: 'low' }));
    const ids = [String(c!.id), String(a!.id), String(c!.id), String(b!.id)];
    const res = await ctx.gqlWith(asAgent(), BULK, { ids, input: { status: 'CLOSED', assigneeId: String(ana.id) } });
    expect(res.data!.bulkUpdateTickets.userErrors).toEqual([]);
    const changed = { status: 'CLOSED', priority: 'LOW', version: 2, assignee: { id: String(ana.id) } };
    expect(res.data!.bulkUpdateTickets.tickets).toEqual(ids.map((id) => ({ id, ...changed })));
    // The same change, one ticket at a time: the same events.
    await ctx.gqlWith(asAgent(), UPDATE, { id: String(single!.id), input: { status: 'CLOSED', assigneeId: String(ana.id) } });
    const expected = await storedEvents(ctx, single!.id);
    expect(expected.map((e) => e.kind)).toEqual(['field_changed', 'assigned']);
    for (const ticket of [a!, b!, c!]) expect(await storedEvents(ctx, ticket.id)).toEqual(expected);
    expect(expected[0]).toMatchObject({ actorUserId: agent.user.id, actorTokenId: agent.tokenId });
  });

  it('leaves a ticket that already has the values unwritten, and applies expected versions per ticket', async () => {
    const [done, open] = [await createTicket(ctx.db, { status: 'closed' }), await createTicket(ctx.db, { status: 'open' })];
    const res = await ctx.gql(BULK, {
      ids: [String(done.id), String(open.id)],
      input: { status: 'CLOSED', expectedVersions: [{ id: String(open.id), version: 1 }] },
    });
    expect(res.data!.bulkUpdateTickets.tickets.map((t: { version: number }) => t.version)).toEqual([1, 2]);
    expect(await storedEvents(ctx, done.id)).toEqual([]);
  });

  it('changes nothing when a ticket is unknown or stale, and names each by its index in ids', async () => {
    const [fresh, stale] = await createTickets(ctx.db, 2, () => ({ priority: 'low' }));
    await ctx.gql(UPDATE, { id: String(stale!.id), input: { title: 'Moved on' } });
    const res = await ctx.gql(BULK, {
      ids: [String(fresh!.id), '999999', String(stale!.id), 'abc'],
      input: {
        priority: 'CRITICAL',
        expectedVersions: [
          { id: String(fresh!.id), version: 1 },
          { id: String(stale!.id), version: 1 },
        ],
      },
    });
    expect(res.data!.bulkUpdateTickets).toEqual({
      tickets: null,
      userErrors: [
        { field: 'ids.1', code: 'NOT_FOUND' },
        { field: 'ids.2', code: 'CONFLICT' },
        { field: 'ids.3', code: 'NOT_FOUND' },
      ],
    });
    expect(await findTicketById(ctx.db, fresh!.id)).toMatchObject({ priority: 'low', version: 1 });
    expect(await storedEvents(ctx, fresh!.id)).toEqual([]);
    const staleOnly = await ctx.gql(BULK, {
      ids: [String(fresh!.id), String(stale!.id)],
      input: { priority: 'HIGH', expectedVersions: [{ id: String(stale!.id), version: 1 }] },
    });
    expect(staleOnly.data!.bulkUpdateTickets.userErrors).toEqual([{ field: 'ids.1', code: 'CONFLICT' }]);
    expect(await findTicketById(ctx.db, fresh!.id)).toMatchObject({ priority: 'low', version: 1 });
  });

  it('refuses more than BULK_UPDATE_MAX_TICKETS ids, a bad assignee and a version of a ticket not listed, as field errors', async () => {
    const ticket = await createTicket(ctx.db);
    const tooMany = Array.from({ length: BULK_UPDATE_MAX_TICKETS + 1 }, (_, i) => String(i + 1));
    const res = await ctx.gql(BULK, { ids: tooMany, input: { status: 'CLOSED' } });
    expect(res.data!.bulkUpdateTickets).toEqual({ tickets: null, userErrors: [{ field: 'ids', code: 'TOO_LONG' }] });
    const bad = await ctx.gql(BULK, {
      ids: [String(ticket.id)],
      input: { assigneeId: '999999', expectedVersions: [{ id: '424242', version: 1 }] },
    });
    expect(bad.data!.bulkUpdateTickets.userErrors).toEqual([
      { field: 'expectedVersions.0.id', code: 'INVALID' },
      { field: 'assigneeId', code: 'INVALID_ASSIGNEE' },
    ]);
    expect(await storedEvents(ctx, ticket.id)).toEqual([]);
  });

  it('answers an empty list with no tickets', async () => {
    const res = await ctx.gql(BULK, { ids: [], input: { status: 'CLOSED' } });
    expect(res.data!.bulkUpdateTickets).toEqual({ tickets: [], userErrors: [] });
  });

  it('serves PATCH /api/tickets/bulk/ with the same rules and DRF-shaped refusals', async () => {
    const [a, b] = await createTickets(ctx.db, 2, () => ({ status: 'open' }));
    const url = '/api/tickets/bulk/';
    const ok = await ctx.http({
      method: 'PATCH',
      url,
      headers: asAgent(),
      payload: { ids: [b!.id, a!.id], status: 'in_progress', assignee: ana.id, versions: { [String(a!.id)]: 1 } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().results.map((t: { id: number; status: string; version: number }) => [t.id, t.status, t.version])).toEqual([
      [b!.id, 'in_progress', 2],
      [a!.id, 'in_progress', 2],
    ]);
    expect(ok.json().results[0].assignee).toEqual({ type: 'user', id: ana.id, name: 'Ana' });
    expect((await storedEvents(ctx, a!.id)).map((e) => e.kind)).toEqual(['field_changed', 'assigned']);

    const stale = await ctx.http({ method: 'PATCH', url, payload: { ids: [a!.id, b!.id], status: 'closed', versions: { [a!.id]: 1 } } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toEqual({ detail: expect.any(String), ids: { '0': [expect.any(String)] } });
    const unknown = await ctx.http({ method: 'PATCH', url, payload: { ids: [a!.id, 999999], status: 'closed' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ detail: 'Not found.', ids: { '1': ['Not found.'] } });
    const tooMany = await ctx.http({
      method: 'PATCH',
      url,
      payload: { ids: Array.from({ length: BULK_UPDATE_MAX_TICKETS + 1 }, (_, i) => i + 1), status: 'closed' },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toEqual({ ids: [`Ensure this field has no more than ${BULK_UPDATE_MAX_TICKETS} elements.`] });
    for (const payload of [{ status: 'closed' }, { ids: 'all', status: 'closed' }, { ids: [a!.id], status: 'nope' }]) {
      const res = await ctx.http({ method: 'PATCH', url, payload });
      expect(res.statusCode).toBe(400);
    }
    expect(await findTicketById(ctx.db, a!.id)).toMatchObject({ status: 'in_progress', version: 2 });
  });
});
