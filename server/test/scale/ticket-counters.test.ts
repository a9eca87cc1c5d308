// The trigger-maintained counters against the tickets themselves: after a mix of
// writes through the service and raw SQL around it, every figure read from the
// counter tables equals the same figure aggregated over the rows, on both databases.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { ticketCounts, ticketDailyCounts } from '../../src/db/schema.js';
import { executeRows } from '../../src/db/statements.js';
import {
  selectActiveByAssigneeByScan,
  selectActiveByAssigneeFromCounters,
  selectTicketStats,
  selectTicketStatsByScan,
  selectTicketStatsFromCounters,
  selectTicketsPerDayByScan,
  selectTicketsPerDayFromCounters,
} from '../../src/tickets/ticket-stats.repository.js';
import { countTicketsBounded } from '../../src/tickets/ticket-count.repository.js';
import { EXACT_COUNT_ESTIMATE_LIMIT, type TicketQuery, type ValidTicketFilter } from '../../src/tickets/ticket-query.js';
import { createTicket as createViaService, updateTicket } from '../../src/tickets/ticket.service.js';
import { anonymousActor } from '../../src/auth/actor.js';

// The counters do not depend on who writes.
const SERVICE_ACTOR = anonymousActor([]);
import { createTicket, createUser, issueTestSuggestion } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';

const DAY = 86_400_000;

// Enum-only filters: the counter path must answer each exactly.
const FILTERS: ValidTicketFilter[] = [
  {},
  { categories: ['billing' as never] },
  { statuses: ['open' as never, 'in_progress' as never] },
  { priorities: ['critical' as never, 'low' as never] },
  { categories: ['technical' as never, 'account' as never], statuses: ['resolved' as never, 'closed' as never] },
  { categories: ['general' as never], priorities: ['medium' as never], statuses: ['open' as never] },
];

const query = (filter: ValidTicketFilter): TicketQuery => ({ filter, terms: [] });

async function expectCountersMatchTickets(db: Db): Promise<void> {
  for (const filter of FILTERS) {
    const q = query(filter);
    expect(await selectTicketStatsFromCounters(db, q), JSON.stringify(filter)).toEqual(await selectTicketStatsByScan(db, q));
    expect(await selectActiveByAssigneeFromCounters(db, q, 50)).toEqual(await selectActiveByAssigneeByScan(db, q, 50));
    for (const days of [1, 45, 366]) {
      expect(await selectTicketsPerDayFromCounters(db, q, days)).toEqual(await selectTicketsPerDayByScan(db, q, days));
    }
    const [exact] = await executeRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from tickets where ${sql.join(
        [
          sql`true`,
          ...(filter.categories ? [sql`category in ${filter.categories}`] : []),
          ...(filter.priorities ? [sql`priority in ${filter.priorities}`] : []),
          ...(filter.statuses ? [sql`status in ${filter.statuses}`] : []),
        ],
        sql` and `,
      )}`,
    );
    expect(await countTicketsBounded(db, q)).toEqual({ count: Number(exact!.n), exact: true });
  }
}

describeOnDatabases('ticket counters', (ctx) => {
  it('equal the plain aggregates after service writes, raw updates, deletes and reopenings', async () => {
    const now = Date.now();
    // Spread over days (including one beyond a year ago, outside ticketsPerDay's window).
    const categories = ['billing', 'technical', 'account', 'general'] as const;
    const priorities = ['low', 'medium', 'high', 'critical'] as const;
    const statuses = ['open', 'in_progress', 'resolved', 'closed'] as const;
    for (let i = 0; i < 40; i += 1) {
      await createTicket(ctx.db, {
        category: categories[i % 4],
        priority: priorities[(i * 3) % 4],
        status: statuses[(i * 7) % 4],
        createdAt: new Date(now - ((i * 37) % 400) * DAY - i * 1000),
        ...(i % 3 === 0
          ? { suggested: { category: categories[(i + (i % 2)) % 4]!, priority: priorities[(i * 3) % 4]!, source: 'gemini' as const } }
          : {}),
      });
    }
    // Assignees, set around the service and through it below.
    const [ana, ben] = [await createUser(ctx.db), await createUser(ctx.db)];
    await ctx.db.execute(sql`update tickets set assignee_user_id = ${ana.id} where id % 3 = 0`);
    await ctx.db.execute(sql`update tickets set assignee_user_id = ${ben.id} where id % 5 = 1`);
    // Through the service: creates with and without suggestions, status changes, reopen.
    const created = [];
    for (let i = 0; i < 12; i += 1) {
      const description = 'Something is broken';
      const suggestion =
        i % 2 === 0
          ? {
              id: await issueTestSuggestion(ctx.db, description, {
                category: categories[i % 4]!,
                priority: priorities[(i + 1) % 4]!,
                source: 'local',
              }),
            }
          : null;
      const { ticket } = await createViaService(ctx.db, SERVICE_ACTOR, {
        title: `Service ticket ${i}`,
        description,
        category: categories[i % 4],
        priority: priorities[i % 4],
        suggestion,
      });
      created.push(ticket);
    }
    await updateTicket(ctx.db, SERVICE_ACTOR, created[0]!.id, { status: 'in_progress' });
    await updateTicket(ctx.db, SERVICE_ACTOR, created[0]!.id, { status: 'resolved' });
    await updateTicket(ctx.db, SERVICE_ACTOR, created[0]!.id, { status: 'open' }); // reopened
    await updateTicket(ctx.db, SERVICE_ACTOR, created[1]!.id, { status: 'closed', category: 'general', priority: 'critical' });
    // Editing the priority back to the suggested one leaves the override an override (fixed at create).
    await updateTicket(ctx.db, SERVICE_ACTOR, created[2]!.id, { priority: priorities[3] });
    await updateTicket(ctx.db, SERVICE_ACTOR, created[3]!.id, { title: 'Only the title changes' });
    await updateTicket(ctx.db, SERVICE_ACTOR, created[4]!.id, { assigneeId: ana.id });
    await updateTicket(ctx.db, SERVICE_ACTOR, created[4]!.id, { assigneeId: ben.id, status: 'in_progress' });
    await updateTicket(ctx.db, SERVICE_ACTOR, created[5]!.id, { assigneeId: ben.id });
    await updateTicket(ctx.db, SERVICE_ACTOR, created[5]!.id, { assigneeId: null });
    // Around the service: multi-row updates of key columns and of created_at, deletes.
    await ctx.db.execute(sql`update tickets set status = 'closed', resolved_at = now() where status = 'resolved' and id % 2 = 0`);
    await ctx.db.execute(sql`update tickets set created_at = created_at - interval '3 days' where id % 5 = 0`);
    await ctx.db.execute(
      // Flips acceptance with what was filed, as the constraint requires: accepted ones become
      // filed with another priority, overridden ones filed as suggested.
      sql`update tickets set suggestion_accepted = not suggestion_accepted,
            filed_category = case when suggestion_accepted then filed_category else suggested_category end,
            filed_priority = case when suggestion_accepted then (case when suggested_priority = 'low' then 'high' else 'low' end) else suggested_priority end
          where suggested_category is not null and id % 4 = 1`,
    );
    await ctx.db.execute(
      sql`update tickets set suggested_category = null, suggested_priority = null, classification_source = null, suggestion_accepted = null, filed_category = null, filed_priority = null, suggestion_confidence = null where id = 3`,
    );
    await ctx.db.execute(sql`delete from tickets where id % 7 = 0`);

    const total = await selectTicketStatsByScan(ctx.db, query({}));
    expect(total.totalTickets).toBe(52 - Math.floor(52 / 7));
    // Non-trivial data: every status and some accepted and overridden suggestions.
    expect(Object.values(total.byStatus).every((n) => n > 0)).toBe(true);
    expect(total.suggestions.accepted).toBeGreaterThan(0);
    expect((await selectActiveByAssigneeByScan(ctx.db, query({}), 50)).length).toBeGreaterThan(2);
    expect(total.suggestions.suggested).toBeGreaterThan(total.suggestions.accepted);
    expect(total.avgTicketsPerDay).toBeGreaterThan(0);
    await expectCountersMatchTickets(ctx.db);
  });

  it('uses the counters for enum-only filters and the tickets for ranges and searches', async () => {
    await createTicket(ctx.db, { category: 'billing', title: 'Refund please' });
    // Corrupt the counters on purpose: only the counter path can see it.
    await ctx.db.execute(sql`update ticket_counts set count = count + 100`);
    expect((await selectTicketStats(ctx.db, query({ categories: ['billing' as never] }))).totalTickets).toBe(101);
    expect((await selectTicketStats(ctx.db, { filter: {}, terms: ['refund'] })).totalTickets).toBe(1);
    expect((await selectTicketStats(ctx.db, query({ createdAfter: new Date(Date.now() - DAY) }))).totalTickets).toBe(1);
    expect(await countTicketsBounded(ctx.db, query({}))).toEqual({ count: 101, exact: true });
    expect(await countTicketsBounded(ctx.db, { filter: {}, terms: ['refund'] })).toEqual({ count: 1, exact: true });
  });

  it('are emptied by a TRUNCATE of tickets, as the test harness and --truncate do', async () => {
    for (let i = 0; i < 3; i += 1) await createTicket(ctx.db, { createdAt: new Date(Date.now() - i * DAY) });
    expect((await selectTicketStatsFromCounters(ctx.db, query({}))).totalTickets).toBe(3);
    await ctx.database.reset();
    const [counts] = await executeRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from ${ticketCounts}`);
    const [daily] = await executeRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from ${ticketDailyCounts}`);
    expect([Number(counts!.n), Number(daily!.n)]).toEqual([0, 0]);
    await expectCountersMatchTickets(ctx.db);
  });

  it('stay exact for statements that write many rows at once', async () => {
    await ctx.db.execute(sql`
      insert into tickets (title, description, category, priority, status, created_at, resolved_at)
      select 'Bulk ' || g, 'Bulk description ' || g,
             (array['billing','technical','account','general'])[1 + g % 4],
             (array['low','medium','high','critical'])[1 + (g / 4) % 4],
             (array['open','in_progress','resolved','closed'])[1 + (g / 16) % 4],
             now() - (g % 500) * interval '1 day',
             case when (g / 16) % 4 >= 2 then now() end
      from generate_series(1, 3000) as g`);
    await ctx.db.execute(sql`update tickets set priority = 'high' where id % 3 = 0`);
    await ctx.db.execute(sql`delete from tickets where id % 11 = 0`);
    await expectCountersMatchTickets(ctx.db);
  });

  it('bounds counts that the counters cannot answer, and says when a count is not exact', async () => {
    await ctx.db.execute(sql`
      insert into tickets (title, description)
      select 'Printer jam ' || g, 'The printer jams on page ' || g from generate_series(1, ${EXACT_COUNT_ESTIMATE_LIMIT * 3}) as g`);
    await createTicket(ctx.db, { title: 'Scanner offline', description: 'It will not connect.' });
    await ctx.db.execute(sql`analyze tickets`);
    // Many matches: the planner's estimate, flagged, without counting them.
    const broad = await countTicketsBounded(ctx.db, { filter: {}, terms: ['printer'] });
    expect(broad.exact).toBe(false);
    expect(broad.count).toBeGreaterThan(EXACT_COUNT_ESTIMATE_LIMIT);
    expect((await countTicketsBounded(ctx.db, query({ createdAfter: new Date(Date.now() - DAY) }))).exact).toBe(false);
    // Few matches: counted exactly.
    expect(await countTicketsBounded(ctx.db, { filter: {}, terms: ['scanner'] })).toEqual({ count: 1, exact: true });
    const with17 = Array.from({ length: EXACT_COUNT_ESTIMATE_LIMIT * 3 }, (_, i) => String(i + 1)).filter((n) => n.includes('17')).length;
    expect(await countTicketsBounded(ctx.db, { filter: {}, terms: ['printer', 'page', '17'] })).toEqual({ count: with17, exact: true });
    // Enum-only filters stay exact however many tickets match.
    expect(await countTicketsBounded(ctx.db, query({}))).toEqual({ count: EXACT_COUNT_ESTIMATE_LIMIT * 3 + 1, exact: true });
  });

  it('answers totalCount and totalCountIsExact over GraphQL from one bounded count', async () => {
    await ctx.db.execute(sql`
      insert into tickets (title, description)
      select 'Printer jam ' || g, 'The printer jams on page ' || g from generate_series(1, ${EXACT_COUNT_ESTIMATE_LIMIT * 3}) as g`);
    await ctx.db.execute(sql`analyze tickets`);
    const list = `query($search: String) { tickets(search: $search, first: 1) { totalCount totalCountIsExact } }`;
    expect((await ctx.gql(list, {})).data!.tickets).toEqual({ totalCount: EXACT_COUNT_ESTIMATE_LIMIT * 3, totalCountIsExact: true });
    expect((await ctx.gql(list, { search: 'page 2999' })).data!.tickets).toEqual({ totalCount: 1, totalCountIsExact: true });
    expect((await ctx.gql(list, { search: 'printer' })).data!.tickets).toMatchObject({ totalCountIsExact: false });
  });

  it('are recounted day by day, so that a window of days reads a few pages of its own', async () => {
    // Days in an order the grouping would not keep by itself.
    await ctx.db.execute(sql`
      insert into tickets (title, description, category, priority, status, created_at)
      select 'Ticket ' || g, 'About ' || g, (array['billing','technical','account','general'])[1 + g % 4]::text,
        (array['low','medium','high','critical'])[1 + g % 3]::text, 'open', now() - ((g * 37) % 200) * interval '1 day'
      from generate_series(1, 400) as g`);
    await ctx.db.execute(sql`select ticket_counters_rebuild()`);
    const rows = await executeRows<{ day: string }>(ctx.db, sql`select day::text as day from ticket_daily_counts order by ctid`);
    expect(rows.length).toBeGreaterThan(200);
    expect(rows.map((r) => r.day)).toEqual(rows.map((r) => r.day).sort());
    await expectCountersMatchTickets(ctx.db);
  });
});
