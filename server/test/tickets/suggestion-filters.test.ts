// The suggestion filters (suggested category and priority, how the suggestion fared)
// on every test database: each figure of the triage report is the count of the list
// its dashboard link opens, over GraphQL; REST offers the same filters as parameters.
import { beforeEach, expect, it } from 'vitest';
import type { TicketRow } from '../../src/db/schema.js';
import { createTicket, type SuggestedAnswer } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';

const LIST = `query($filter: TicketFilter) { tickets(filter: $filter, first: 100) { totalCount nodes { id } } }`;
const TRIAGE = `query { stats { triage(days: 30) { since suggested accepted overridden
  byCategory { category accepted overridden } byPriority { priority accepted overridden }
  categoryOverrides { suggested chosen count } priorityOverrides { suggested chosen count } } } }`;

const local = (category: SuggestedAnswer['category'], priority: SuggestedAnswer['priority']): SuggestedAnswer => ({
  category,
  priority,
  source: 'local',
});
const sortIds = (ids: readonly string[]) => [...ids].sort((a, b) => Number(a) - Number(b));

describeOnDatabases('suggestion filters', (ctx) => {
  let t: Record<string, TicketRow>;

  beforeEach(async () => {
    t = {
      kept: await createTicket(ctx.db, { category: 'billing', priority: 'high', suggested: local('billing', 'high') }),
      categoryChanged: await createTicket(ctx.db, { category: 'technical', priority: 'high', suggested: local('billing', 'high') }),
      priorityChanged: await createTicket(ctx.db, { category: 'account', priority: 'critical', suggested: local('account', 'medium') }),
      bothChanged: await createTicket(ctx.db, { category: 'general', priority: 'low', suggested: local('billing', 'medium') }),
      noSuggestion: await createTicket(ctx.db, { category: 'billing', priority: 'high' }),
      old: await createTicket(ctx.db, {
        category: 'technical',
        priority: 'high',
        suggested: local('billing', 'high'),
        createdAt: new Date(Date.now() - 40 * 24 * 3600 * 1000),
      }),
    };
  });

  const list = async (filter: Record<string, unknown>) => {
    const res = await ctx.gql(LIST, { filter });
    expect(res.errors).toBeUndefined();
    return res.data!.tickets as { totalCount: number; nodes: { id: string }[] };
  };
  const idsOf = async (filter: Record<string, unknown>) => sortIds((await list(filter)).nodes.map((n) => n.id));
  const idOf = (...keys: string[]) => sortIds(keys.map((k) => String(t[k]!.id)));

  it.each<[string, Record<string, unknown>, string[]]>([
    ['accepted', { suggestionOutcomes: ['ACCEPTED'] }, ['kept']],
    ['overridden', { suggestionOutcomes: ['OVERRIDDEN'] }, ['categoryChanged', 'priorityChanged', 'bothChanged', 'old']],
    ['category overridden', { suggestionOutcomes: ['CATEGORY_OVERRIDDEN'] }, ['categoryChanged', 'bothChanged', 'old']],
    ['priority overridden', { suggestionOutcomes: ['PRIORITY_OVERRIDDEN'] }, ['priorityChanged', 'bothChanged']],
    ['either of two outcomes', { suggestionOutcomes: ['ACCEPTED', 'PRIORITY_OVERRIDDEN'] }, ['kept', 'priorityChanged', 'bothChanged']],
    ['suggested billing', { suggestedCategories: ['BILLING'] }, ['kept', 'categoryChanged', 'bothChanged', 'old']],
    ['suggested medium', { suggestedPriorities: ['MEDIUM'] }, ['priorityChanged', 'bothChanged']],
    ['suggested billing, filed technical', { suggestedCategories: ['BILLING'], categories: ['TECHNICAL'] }, ['categoryChanged', 'old']],
  ])('lists the tickets whose suggestion was %s', async (_name, filter, expected) => {
    expect(await idsOf(filter)).toEqual(idOf(...expected));
  });

  it('opens, for each figure of the triage report, a list of exactly that many tickets', async () => {
    const report = (await ctx.gql(TRIAGE)).data!.stats.triage;
    const createdAfter = report.since as string;
    const count = async (filter: Record<string, unknown>) => (await list({ createdAfter, ...filter })).totalCount;
    expect(await count({ suggestionOutcomes: ['ACCEPTED'] })).toBe(report.accepted);
    expect(await count({ suggestionOutcomes: ['OVERRIDDEN'] })).toBe(report.overridden);
    expect(report.overridden).toBe(3);
    for (const c of report.byCategory) {
      expect(await count({ suggestedCategories: [c.category], categories: [c.category] })).toBe(c.accepted);
      expect(await count({ suggestedCategories: [c.category], suggestionOutcomes: ['CATEGORY_OVERRIDDEN'] })).toBe(c.overridden);
    }
    for (const p of report.byPriority) {
      expect(await count({ suggestedPriorities: [p.priority], priorities: [p.priority] })).toBe(p.accepted);
      expect(await count({ suggestedPriorities: [p.priority], suggestionOutcomes: ['PRIORITY_OVERRIDDEN'] })).toBe(p.overridden);
    }
    for (const o of report.categoryOverrides) {
      expect(await count({ suggestedCategories: [o.suggested], categories: [o.chosen] })).toBe(o.count);
    }
    for (const o of report.priorityOverrides) {
      expect(await count({ suggestedPriorities: [o.suggested], priorities: [o.chosen] })).toBe(o.count);
    }
  });

  it('filters REST lists by suggested_category, suggested_priority and suggestion, and refuses unknown values', async () => {
    const get = async (query: string) => {
      const res = await ctx.http({ method: 'GET', url: `/api/tickets/?${query}` });
      expect(res.statusCode).toBe(200);
      return sortIds((res.json() as { id: number }[]).map((r) => String(r.id)));
    };
    expect(await get('suggested_category=billing&suggestion=category_overridden')).toEqual(idOf('categoryChanged', 'bothChanged', 'old'));
    expect(await get('suggested_priority=medium&suggestion=accepted')).toEqual([]);
    const bad = await ctx.http({ method: 'GET', url: '/api/tickets/?suggestion=maybe' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json())).toEqual(['suggestion']);
    const graphqlBad = await ctx.gql(LIST, { filter: { suggestionOutcomes: ['MAYBE'] } });
    expect(graphqlBad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
