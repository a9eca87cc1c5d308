// No lost updates under contention, on every test database: 8 clients, each with its
// own token, read tickets and write them back with the version they read, through
// single and bulk updates over overlapping tickets. Every write either wins its
// version or is refused with CONFLICT; exactly one wins each version; each ticket's
// version counts its winning writes; its history is exactly the winners' events, in
// version order, by their actors; replaying it gives the ticket; and the counters
// equal the tickets. A deadlock (or any other failure) would surface as an error.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ticketEvents } from '../../src/db/schema.js';
import { findTicketById } from '../../src/tickets/ticket.repository.js';
import { selectTicketStatsByScan, selectTicketStatsFromCounters } from '../../src/tickets/ticket-stats.repository.js';
import { createCaller, createTickets } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';

const CLIENTS = 8;
const ROUNDS = 8;
const TICKETS = 5;
const STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

const READ = `query($id: ID!) { ticket(id: $id) { version title status priority assignee { id } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) {
  ticket { version } userErrors { field code } } }`;
const BULK = `mutation($ids: [ID!]!, $input: BulkUpdateTicketsInput!) { bulkUpdateTickets(ids: $ids, input: $input) {
  tickets { id version } userErrors { field code } } }`;

/** A ticket as a client read it: stored values (lowercase), as history records them. */
interface Seen {
  version: number;
  title: string;
  status: string;
  priority: string;
  assignee: number | null;
}

/** One winning write of one ticket: the version it made, who, and the events it must have recorded. */
interface Win {
  ticketId: number;
  version: number;
  events: {
    kind: string;
    field: string | null;
    fromValue: string | null;
    toValue: string | null;
    assignee: number | null;
    token: number;
  }[];
}

async function read(ctx: TestContext, authorization: string, id: number): Promise<Seen> {
  const t = (await ctx.gqlWith({ authorization }, READ, { id: String(id) })).data!.ticket;
  return {
    version: t.version,
    title: t.title,
    status: t.status.toLowerCase(),
    priority: t.priority.toLowerCase(),
    assignee: t.assignee ? Number(t.assignee.id) : null,
  };
}

/** The events a write of `after` over `before` records, in the order the service writes them. */
function expectedEvents(before: Seen, after: Partial<Seen>, token: number): Win['events'] {
  const events: Win['events'] = [];
  for (const field of ['title', 'priority', 'status'] as const) {
    const to = after[field];
    if (to !== undefined && to !== before[field]) {
      events.push({ kind: 'field_changed', field, fromValue: before[field], toValue: to, assignee: null, token });
    }
  }
  if (after.assignee !== undefined && after.assignee !== before.assignee) {
    events.push({
      kind: after.assignee === null ? 'unassigned' : 'assigned',
      field: null,
      fromValue: null,
      toValue: null,
      assignee: after.assignee ?? before.assignee,
      token,
    });
  }
  return events;
}

describeOnDatabases('concurrent writers', (ctx) => {
  it(`lets exactly one of ${CLIENTS} clients win each version, single and bulk, losing no update`, async () => {
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => createCaller(ctx.db, 'agent')));
    const tickets = await createTickets(ctx.db, TICKETS, () => ({ title: 'start', status: 'open', priority: 'low' }));
    const ticketAt = (i: number) => tickets[i % TICKETS]!;
    const wins: Win[] = [];
    let conflicts = 0;

    const single = async (c: number, round: number) => {
      const { authorization, tokenId } = clients[c]!;
      const id = ticketAt(c + round).id;
      const before = await read(ctx, authorization, id);
      const after = { title: `c${c}r${round}`, priority: PRIORITIES[(c + round) % 4]!.toLowerCase() };
      const res = await ctx.gqlWith({ authorization }, UPDATE, {
        id: String(id),
        input: { title: after.title, priority: PRIORITIES[(c + round) % 4], expectedVersion: before.version },
      });
      const { ticket, userErrors } = res.data!.updateTicket;
      if (userErrors.length > 0) {
        expect(userErrors).toEqual([{ field: 'expectedVersion', code: 'CONFLICT' }]);
        conflicts += 1;
        return;
      }
      // The title is new every time: a win is always a write.
      expect(ticket.version).toBe(before.version + 1);
      wins.push({ ticketId: id, version: ticket.version, events: expectedEvents(before, after, tokenId) });
    };

    const bulk = async (c: number, round: number) => {
      const { authorization, tokenId, user } = clients[c]!;
      const ids = [0, 1, 2].map((k) => ticketAt(c * 3 + round + k).id);
      const seen = await Promise.all(ids.map((id) => read(ctx, authorization, id)));
      const status = STATUSES[(c + round) % 4]!;
      const assignee = round % 2 === 0 ? user.id : null;
      const res = await ctx.gqlWith({ authorization }, BULK, {
        ids: ids.map(String),
        input: {
          status,
          assigneeId: assignee === null ? null : String(assignee),
          expectedVersions: ids.map((id, k) => ({ id: String(id), version: seen[k]!.version })),
        },
      });
      const { tickets: changed, userErrors } = res.data!.bulkUpdateTickets;
      if (userErrors.length > 0) {
        expect(changed).toBeNull();
        for (const e of userErrors) expect(e).toEqual({ field: expect.stringMatching(/^ids\.[0-2]$/), code: 'CONFLICT' });
        conflicts += 1;
        return;
      }
      ids.forEach((id, k) => {
        const before = seen[k]!;
        const events = expectedEvents(before, { status: status.toLowerCase(), assignee }, tokenId);
        // A ticket that already had the values is not written: no version, no event.
        expect(changed[k].version).toBe(before.version + (events.length > 0 ? 1 : 0));
        if (events.length > 0) wins.push({ ticketId: id, version: changed[k].version, events });
      });
    };

    await Promise.all(
      clients.map(async (_, c) => {
        for (let round = 0; round < ROUNDS; round += 1) await ((c + round) % 3 === 0 ? bulk(c, round) : single(c, round));
      }),
    );

    expect(conflicts).toBeGreaterThan(0);
    for (const ticket of tickets) {
      const mine = wins.filter((w) => w.ticketId === ticket.id).sort((a, b) => a.version - b.version);
      const stored = (await findTicketById(ctx.db, ticket.id))!;
      // Exactly one winner per version, and every winner's write is there.
      expect(mine.map((w) => w.version)).toEqual(Array.from({ length: stored.version - 1 }, (_, i) => i + 2));
      const events = await ctx.db
        .select()
        .from(ticketEvents)
        .where(sql`${ticketEvents.ticketId} = ${ticket.id}`)
        .orderBy(ticketEvents.id);
      expect(
        events.map((e) => ({
          kind: e.kind,
          field: e.field,
          fromValue: e.fromValue,
          toValue: e.toValue,
          assignee: e.assigneeUserId,
          token: e.actorTokenId,
        })),
      ).toEqual(mine.flatMap((w) => w.events));
      // Replaying the history from the start gives the ticket as stored.
      const replayed: Record<string, unknown> = { title: 'start', status: 'open', priority: 'low', assigneeUserId: null };
      for (const e of events) {
        if (e.kind === 'field_changed') replayed[e.field!] = e.toValue;
        if (e.kind === 'assigned') replayed.assigneeUserId = e.assigneeUserId;
        if (e.kind === 'unassigned') replayed.assigneeUserId = null;
      }
      expect(stored).toMatchObject(replayed);
    }
    const everything = { filter: {}, terms: [] };
    expect(await selectTicketStatsFromCounters(ctx.db, everything)).toEqual(await selectTicketStatsByScan(ctx.db, everything));
  });

  it(`keeps ${CLIENTS} clients writing overlapping tickets without versions free of deadlocks, history and counters consistent`, async () => {
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => createCaller(ctx.db, 'agent')));
    const tickets = await createTickets(ctx.db, 2 * TICKETS, () => ({ title: 'start', status: 'open', priority: 'low' }));
    const ticketAt = (i: number) => tickets[i % tickets.length]!;
    // Every write changes counter keys (status, priority), in orders that differ between clients.
    await Promise.all(
      clients.map(async ({ authorization }, c) => {
        for (let round = 0; round < 2 * ROUNDS; round += 1) {
          const status = STATUSES[(c * 7 + round) % 4];
          const priority = PRIORITIES[(c * 5 + round * 3) % 4];
          if ((c + round) % 2 === 0) {
            const ids = [0, 3, 5, 8].map((k) => String(ticketAt(c + round * 3 + k).id));
            const res = await ctx.gqlWith({ authorization }, BULK, { ids, input: { status, priority } });
            expect(res.errors).toBeUndefined();
            expect(res.data!.bulkUpdateTickets.userErrors).toEqual([]);
          } else {
            const res = await ctx.gqlWith({ authorization }, UPDATE, {
              id: String(ticketAt(c * 2 + round).id),
              input: { status, priority },
            });
            expect(res.errors).toBeUndefined();
            expect(res.data!.updateTicket.userErrors).toEqual([]);
          }
        }
      }),
    );
    for (const ticket of tickets) {
      const stored = (await findTicketById(ctx.db, ticket.id))!;
      const events = await ctx.db
        .select()
        .from(ticketEvents)
        .where(sql`${ticketEvents.ticketId} = ${ticket.id}`)
        .orderBy(ticketEvents.id);
      const replayed: Record<string, unknown> = { title: 'start', status: 'open', priority: 'low' };
      for (const e of events) replayed[e.field!] = e.toValue;
      expect(stored).toMatchObject(replayed);
    }
    const everything = { filter: {}, terms: [] };
    expect(await selectTicketStatsFromCounters(ctx.db, everything)).toEqual(await selectTicketStatsByScan(ctx.db, everything));
  });
});
