// No lost updates, on every test database: a ticket's version, GraphQL
// `expectedVersion` and REST `ETag`/`If-Match`. A stale version changes nothing and
// answers CONFLICT / 412; clients that send none keep last-write-wins; and two
// concurrent writes from one version cannot both succeed.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ticketEvents } from '../../src/db/schema.js';
import { findTicketById } from '../../src/tickets/ticket.repository.js';
import { createTicket } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';

const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) {
  updateTicket(id: $id, input: $input) { ticket { id version priority } userErrors { field code } } }`;
const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id version } userErrors { code } } }`;

function countEvents(ctx: TestContext, ticketId: number) {
  return ctx.db.$count(ticketEvents, sql`${ticketEvents.ticketId} = ${ticketId}`);
}

describeOnDatabases('ticket versions', (ctx) => {
  it('starts at 1 and grows by one with every write, whichever API makes it', async () => {
    const created = await ctx.gql(CREATE, { input: { title: 'V', description: 'Versions.', idempotencyKey: 'versions-1' } });
    const { id, version } = created.data!.createTicket.ticket;
    expect(version).toBe(1);
    // A retried create answers the first one again: still version 1.
    const retried = await ctx.gql(CREATE, { input: { title: 'V', description: 'Versions.', idempotencyKey: 'versions-1' } });
    expect(retried.data!.createTicket.ticket).toEqual({ id, version: 1 });
    expect((await ctx.gql(UPDATE, { id, input: { priority: 'HIGH' } })).data!.updateTicket.ticket.version).toBe(2);
    const rest = await ctx.http({ method: 'PATCH', url: `/api/tickets/${id}/`, payload: { priority: 'low', status: 'closed' } });
    expect(rest.json().version).toBe(3);
    expect(rest.headers.etag).toBe('"3"');
    const got = await ctx.http({ method: 'GET', url: `/api/tickets/${id}/` });
    expect(got.headers.etag).toBe('"3"');
    expect(got.json().version).toBe(3);
    // A write of the same values is no write.
    expect((await ctx.gql(UPDATE, { id, input: { priority: 'LOW' } })).data!.updateTicket.ticket.version).toBe(3);
  });

  it('applies an update whose expectedVersion is current, and refuses a stale one with CONFLICT, changing nothing', async () => {
    const ticket = await createTicket(ctx.db, { priority: 'low' });
    const id = String(ticket.id);
    const ok = await ctx.gql(UPDATE, { id, input: { priority: 'CRITICAL', expectedVersion: 1 } });
    expect(ok.data!.updateTicket).toEqual({ ticket: { id, version: 2, priority: 'CRITICAL' }, userErrors: [] });
    const stale = await ctx.gql(UPDATE, { id, input: { priority: 'MEDIUM', expectedVersion: 1 } });
    expect(stale.data!.updateTicket).toEqual({ ticket: null, userErrors: [{ field: 'expectedVersion', code: 'CONFLICT' }] });
    const stored = await findTicketById(ctx.db, ticket.id);
    expect(stored).toMatchObject({ priority: 'critical', version: 2 });
    expect(await countEvents(ctx, ticket.id)).toBe(1);
  });

  it('refuses a stale expectedVersion even when the update would change nothing', async () => {
    const ticket = await createTicket(ctx.db, { priority: 'low' });
    await ctx.gql(UPDATE, { id: String(ticket.id), input: { title: 'Moved on' } });
    const res = await ctx.gql(UPDATE, { id: String(ticket.id), input: { priority: 'LOW', expectedVersion: 1 } });
    expect(res.data!.updateTicket.userErrors).toEqual([{ field: 'expectedVersion', code: 'CONFLICT' }]);
  });

  it('answers NOT_FOUND before CONFLICT, and refuses an expectedVersion below 1 with the other field errors', async () => {
    const missing = await ctx.gql(UPDATE, { id: '999999', input: { title: 'X', expectedVersion: 1 } });
    expect(missing.data!.updateTicket.userErrors).toEqual([{ field: 'id', code: 'NOT_FOUND' }]);
    const ticket = await createTicket(ctx.db);
    const bad = await ctx.gql(UPDATE, { id: String(ticket.id), input: { title: '', expectedVersion: 0 } });
    expect(bad.data!.updateTicket.userErrors).toEqual([
      { field: 'title', code: 'BLANK' },
      { field: 'expectedVersion', code: 'OUT_OF_RANGE' },
    ]);
  });

  it('keeps last-write-wins for clients that send no version', async () => {
    const ticket = await createTicket(ctx.db, { priority: 'low' });
    expect((await ctx.gql(UPDATE, { id: String(ticket.id), input: { priority: 'HIGH' } })).data!.updateTicket.userErrors).toEqual([]);
    const rest = await ctx.http({ method: 'PATCH', url: `/api/tickets/${ticket.id}/`, payload: { priority: 'medium' } });
    expect(rest.statusCode).toBe(200);
    expect(rest.json()).toMatchObject({ priority: 'medium', version: 3 });
  });

  it('applies a PATCH whose If-Match is the current ETag, and answers 412 with a detail for a stale one', async () => {
    const ticket = await createTicket(ctx.db, { status: 'open' });
    const url = `/api/tickets/${ticket.id}/`;
    const etag = (await ctx.http({ method: 'GET', url })).headers.etag as string;
    expect(etag).toBe('"1"');
    const ok = await ctx.http({ method: 'PATCH', url, headers: { 'if-match': etag }, payload: { status: 'in_progress' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await ctx.http({ method: 'PATCH', url, headers: { 'if-match': etag }, payload: { status: 'closed' } });
    expect(stale.statusCode).toBe(412);
    expect(Object.keys(stale.json())).toEqual(['detail']);
    expect(stale.headers.etag).toBeUndefined();
    expect(await findTicketById(ctx.db, ticket.id)).toMatchObject({ status: 'in_progress', version: 2 });
    expect(await countEvents(ctx, ticket.id)).toBe(1);
  });

  it.each([
    ['*', 200],
    ['"2", "1"', 200],
    ['W/"1"', 412],
    ['"abc"', 412],
    ['"99999999999"', 412],
    ['"1"', 412],
  ])('reads If-Match: %s against version 2 as %i', async (ifMatch, status) => {
    const ticket = await createTicket(ctx.db);
    await ctx.http({ method: 'PATCH', url: `/api/tickets/${ticket.id}/`, payload: { title: 'Now at 2' } });
    const res = await ctx.http({
      method: 'PATCH',
      url: `/api/tickets/${ticket.id}/`,
      headers: { 'if-match': ifMatch },
      payload: { title: 'Then 3' },
    });
    expect(res.statusCode).toBe(status);
  });

  it.each(['1', '"1', '', 'W/1', '"1" "2"'])('refuses the malformed If-Match %j with a 400 detail, changing nothing', async (ifMatch) => {
    const ticket = await createTicket(ctx.db, { title: 'Kept' });
    const res = await ctx.http({
      method: 'PATCH',
      url: `/api/tickets/${ticket.id}/`,
      headers: { 'if-match': ifMatch },
      payload: { title: 'Lost' },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json())).toEqual(['detail']);
    expect((await findTicketById(ctx.db, ticket.id))?.title).toBe('Kept');
  });

  it('answers 404 for an unknown ticket whatever If-Match says', async () => {
    for (const ifMatch of ['*', '"1"']) {
      const res = await ctx.http({
        method: 'PATCH',
        url: '/api/tickets/999999/',
        headers: { 'if-match': ifMatch },
        payload: { title: 'X' },
      });
      expect(res.statusCode).toBe(404);
    }
  });

  it('documents ETag and If-Match in the OpenAPI schema', async () => {
    const doc = (await ctx.http({ method: 'GET', url: '/api/schema/' })).json();
    const instance = doc.paths['/api/tickets/{id}/'];
    expect(Object.keys(instance.get.responses['200'].headers)).toEqual(['ETag']);
    expect(Object.keys(instance.patch.responses)).toContain('412');
    expect(instance.patch.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toContain('header:If-Match');
  });

  it('lets exactly one of two concurrent writes from the same version through, and records only its change', async () => {
    const ticket = await createTicket(ctx.db, { priority: 'low' });
    const url = `/api/tickets/${ticket.id}/`;
    const [a, b] = await Promise.all([
      ctx.http({ method: 'PATCH', url, headers: { 'if-match': '"1"' }, payload: { priority: 'high' } }),
      ctx.http({ method: 'PATCH', url, headers: { 'if-match': '"1"' }, payload: { priority: 'critical' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const winner = a.statusCode === 200 ? 'high' : 'critical';
    const events = await ctx.db
      .select()
      .from(ticketEvents)
      .where(sql`${ticketEvents.ticketId} = ${ticket.id}`);
    expect(events.map((e) => [e.field, e.fromValue, e.toValue])).toEqual([['priority', 'low', winner]]);
    expect(await findTicketById(ctx.db, ticket.id)).toMatchObject({ priority: winner, version: 2 });
  });
});
