// Ticket statistics over GraphQL against hand-computed values.
import { expect, it } from 'vitest';
import { createTicket } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';

const STATS = `query($filter: TicketFilter, $days: Int!) { stats(filter: $filter) {
  totalTickets openTickets avgTicketsPerDay
  priorityBreakdown { priority count } categoryBreakdown { category count } statusBreakdown { status count }
  suggestionAcceptance { suggested accepted overridden acceptanceRate byCategory { category suggested accepted overridden acceptanceRate } }
  ticketsPerDay(days: $days) { day count }
} }`;

const DAY = 86_400_000;
const utcDay = (d: Date) => Math.floor(d.getTime() / DAY);

describeOnDatabases('ticket statistics over GraphQL', (ctx) => {
  it('reports zeros for every key on an empty database', async () => {
    const res = await ctx.gql(STATS, { days: 3 });
    const s = res.data!.stats;
    expect(s).toMatchObject({ totalTickets: 0, openTickets: 0, avgTicketsPerDay: 0 });
    expect(s.priorityBreakdown).toEqual(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'].map((priority) => ({ priority, count: 0 })));
    expect(s.categoryBreakdown).toEqual(['BILLING', 'TECHNICAL', 'ACCOUNT', 'GENERAL'].map((category) => ({ category, count: 0 })));
    expect(s.statusBreakdown).toEqual(['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'].map((status) => ({ status, count: 0 })));
    expect(s.suggestionAcceptance).toMatchObject({ suggested: 0, accepted: 0, overridden: 0, acceptanceRate: null });
    expect(s.ticketsPerDay).toHaveLength(3);
    expect(s.ticketsPerDay.every((d: { count: number }) => d.count === 0)).toBe(true);
  });

  it('matches hand-computed figures', async () => {
    const now = new Date();
    const first = new Date(now.getTime() - 9 * DAY); // 10 calendar days including today
    const rows = [
      { category: 'billing', priority: 'high', status: 'open', createdAt: first },
      { category: 'billing', priority: 'low', status: 'in_progress', createdAt: new Date(now.getTime() - 2 * DAY) },
      { category: 'technical', priority: 'critical', status: 'resolved', createdAt: new Date(now.getTime() - DAY) },
      { category: 'account', priority: 'medium', status: 'closed', createdAt: now },
      { category: 'technical', priority: 'high', status: 'open', createdAt: now },
    ] as const;
    for (const r of rows) await createTicket(ctx.db, r);
    // Two tickets created from suggestions: one kept, one overridden.
    await createTicket(ctx.db, {
      category: 'billing',
      priority: 'high',
      suggested: { category: 'billing', priority: 'high', source: 'gemini' },
      createdAt: now,
    });
    await createTicket(ctx.db, {
      category: 'general',
      priority: 'high',
      suggested: { category: 'billing', priority: 'high', source: 'local' },
      createdAt: now,
    });

    const s = (await ctx.gql(STATS, { days: 10 })).data!.stats;
    const days = utcDay(now) - utcDay(first) + 1;
    expect(s.totalTickets).toBe(7);
    expect(s.openTickets).toBe(5); // open + in_progress: 3 listed open, 1 in progress, + the 2 suggestion tickets (open)
    expect(s.avgTicketsPerDay).toBeCloseTo(Math.round((7 / days) * 100) / 100, 10);
    expect(s.priorityBreakdown).toEqual([
      { priority: 'LOW', count: 1 },
      { priority: 'MEDIUM', count: 1 },
      { priority: 'HIGH', count: 4 },
      { priority: 'CRITICAL', count: 1 },
    ]);
    expect(s.categoryBreakdown).toEqual([
      { category: 'BILLING', count: 3 },
      { category: 'TECHNICAL', count: 2 },
      { category: 'ACCOUNT', count: 1 },
      { category: 'GENERAL', count: 1 },
    ]);
    expect(s.statusBreakdown).toEqual([
      { status: 'OPEN', count: 4 },
      { status: 'IN_PROGRESS', count: 1 },
      { status: 'RESOLVED', count: 1 },
      { status: 'CLOSED', count: 1 },
    ]);
    expect(s.suggestionAcceptance).toMatchObject({ suggested: 2, accepted: 1, overridden: 1, acceptanceRate: 0.5 });
    expect(s.suggestionAcceptance.byCategory[0]).toEqual({
      category: 'BILLING',
      suggested: 2,
      accepted: 1,
      overridden: 1,
      acceptanceRate: 0.5,
    });
    expect(s.suggestionAcceptance.byCategory[1]).toMatchObject({ category: 'TECHNICAL', suggested: 0, acceptanceRate: null });

    const perDay = s.ticketsPerDay as { day: string; count: number }[];
    expect(perDay).toHaveLength(10);
    expect(perDay.at(-1)).toEqual({ day: now.toISOString().slice(0, 10), count: 4 });
    expect(perDay[0]).toEqual({ day: first.toISOString().slice(0, 10), count: 1 });
    expect(perDay.reduce((sum, d) => sum + d.count, 0)).toBe(7);
  });

  it('applies the filter to every figure', async () => {
    await createTicket(ctx.db, { category: 'billing', priority: 'high', status: 'open' });
    await createTicket(ctx.db, { category: 'billing', priority: 'low', status: 'closed' });
    await createTicket(ctx.db, { category: 'technical', priority: 'high', status: 'open' });
    const s = (await ctx.gql(STATS, { filter: { categories: ['BILLING'] }, days: 1 })).data!.stats;
    expect(s).toMatchObject({ totalTickets: 2, openTickets: 1, avgTicketsPerDay: 2 });
    expect(s.ticketsPerDay).toEqual([{ day: new Date().toISOString().slice(0, 10), count: 2 }]);
  });

  it('refuses an out-of-range ticketsPerDay window', async () => {
    const res = await ctx.gql(STATS, { days: 0 });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
  });
});
