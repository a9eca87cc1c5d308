// GET /api/tickets/stats/ and POST /api/tickets/classify/ over HTTP, on every test
// database: the Django stats shape (every key, zeros included) with the same figures
// as GraphQL `stats`, and classification with DRF validation and throttling.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from '../support/fake-gemini.js';
import { createTicket, createUser } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';

const zeroAcceptance = { suggested: 0, accepted: 0, overridden: 0, acceptance_rate: null };

const GRAPHQL_STATS = `query($filter: TicketFilter) { stats(filter: $filter) {
  totalTickets openTickets avgTicketsPerDay
  priorityBreakdown { priority count } categoryBreakdown { category count } statusBreakdown { status count }
  suggestionAcceptance { suggested accepted overridden acceptanceRate byCategory { category suggested accepted overridden acceptanceRate } }
  activeByAssignee { assignee { id displayName } count }
} }`;

type Pair = Record<string, string | number>;
const byKey = (pairs: Pair[], key: string) => Object.fromEntries(pairs.map((p) => [String(p[key]).toLowerCase(), p.count]));

/** GraphQL `stats` in the REST shape, to show both APIs report the same figures. */
function graphqlStatsAsRest(s: any) {
  const acceptance = (a: any) => ({
    suggested: a.suggested,
    accepted: a.accepted,
    overridden: a.overridden,
    acceptance_rate: a.acceptanceRate,
  });
  return {
    total_tickets: s.totalTickets,
    open_tickets: s.openTickets,
    avg_tickets_per_day: s.avgTicketsPerDay,
    priority_breakdown: byKey(s.priorityBreakdown, 'priority'),
    category_breakdown: byKey(s.categoryBreakdown, 'category'),
    status_breakdown: byKey(s.statusBreakdown, 'status'),
    suggestion_acceptance: {
      ...acceptance(s.suggestionAcceptance),
      by_category: Object.fromEntries(s.suggestionAcceptance.byCategory.map((c: any) => [c.category.toLowerCase(), acceptance(c)])),
    },
    active_by_assignee: s.activeByAssignee.map((a: any) => ({
      assignee: a.assignee && { id: Number(a.assignee.id), name: a.assignee.displayName },
      count: a.count,
    })),
  };
}

// Classification runs the real chain: the @google/genai SDK against a fake Gemini server.
let fake: FakeGemini;
beforeAll(async () => {
  fake = await startFakeGemini();
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.reset();
  fake.script({ kind: 'text', text: '{"category":"billing","priority":"high","reason":"Duplicate charge"}' });
});
const geminiEnv =
  (extra: Record<string, string> = {}) =>
  () => ({
    GEMINI_API_KEY: 'k-rest-test',
    GEMINI_BASE_URL: fake.baseUrl,
    GEMINI_TIMEOUT_MS: '1000',
    ...extra,
  });

describeOnDatabases(
  'stats and classify over REST',
  (ctx) => {
    const stats = async (query = '') => {
      const res = await ctx.http({ method: 'GET', url: `/api/tickets/stats/${query}` });
      return { status: res.statusCode, body: res.json() };
    };
    const classify = (payload: unknown) => ctx.http({ method: 'POST', url: '/api/tickets/classify/', payload: payload as object });

    it('answers every key, zeros included, when there are no tickets', async () => {
      const { status, body } = await stats();
      expect(status).toBe(200);
      expect(body).toEqual({
        total_tickets: 0,
        open_tickets: 0,
        avg_tickets_per_day: 0,
        priority_breakdown: { low: 0, medium: 0, high: 0, critical: 0 },
        category_breakdown: { billing: 0, technical: 0, account: 0, general: 0 },
        status_breakdown: { open: 0, in_progress: 0, resolved: 0, closed: 0 },
        suggestion_acceptance: {
          ...zeroAcceptance,
          by_category: { billing: zeroAcceptance, technical: zeroAcceptance, account: zeroAcceptance, general: zeroAcceptance },
        },
        active_by_assignee: [],
      });
      expect(Object.keys(body).slice(0, 5)).toEqual([
        'total_tickets',
        'open_tickets',
        'avg_tickets_per_day',
        'priority_breakdown',
        'category_breakdown',
      ]);
    });

    it('counts tickets by priority, category and status, open meaning open or in progress', async () => {
      await createTicket(ctx.db, { category: 'billing', priority: 'high', status: 'open' });
      await createTicket(ctx.db, { category: 'billing', priority: 'low', status: 'in_progress' });
      await createTicket(ctx.db, { category: 'technical', priority: 'critical', status: 'resolved' });
      await createTicket(ctx.db, { category: 'account', priority: 'high', status: 'closed' });
      const { body } = await stats();
      expect(body).toMatchObject({
        total_tickets: 4,
        open_tickets: 2,
        priority_breakdown: { low: 1, medium: 0, high: 2, critical: 1 },
        category_breakdown: { billing: 2, technical: 1, account: 1, general: 0 },
        status_breakdown: { open: 1, in_progress: 1, resolved: 1, closed: 1 },
      });
      // The average's definition is pinned by the comparison with GraphQL below.
      expect(body.avg_tickets_per_day).toBeGreaterThan(0);
    });

    it('reports suggestion acceptance overall and per suggested category', async () => {
      await createTicket(ctx.db, {
        category: 'billing',
        priority: 'high',
        suggested: { category: 'billing', priority: 'high', source: 'gemini' },
      });
      await createTicket(ctx.db, {
        category: 'billing',
        priority: 'low',
        suggested: { category: 'billing', priority: 'high', source: 'gemini' },
      });
      await createTicket(ctx.db, {
        category: 'account',
        priority: 'medium',
        suggested: { category: 'technical', priority: 'medium', source: 'local' },
      });
      await createTicket(ctx.db, { category: 'general' });
      const { body } = await stats();
      expect(body.suggestion_acceptance).toEqual({
        suggested: 3,
        accepted: 1,
        overridden: 2,
        acceptance_rate: 1 / 3,
        by_category: {
          billing: { suggested: 2, accepted: 1, overridden: 1, acceptance_rate: 0.5 },
          technical: { suggested: 1, accepted: 0, overridden: 1, acceptance_rate: 0 },
          account: zeroAcceptance,
          general: zeroAcceptance,
        },
      });
    });

    it('gives the same figures as GraphQL stats, over everything and over a filter', async () => {
      const day = 24 * 3600 * 1000;
      await createTicket(ctx.db, { category: 'billing', priority: 'high', createdAt: new Date(Date.now() - 3 * day) });
      await createTicket(ctx.db, {
        category: 'billing',
        status: 'resolved',
        suggested: { category: 'billing', priority: 'medium', source: 'local' },
      });
      await createTicket(ctx.db, { category: 'technical', priority: 'critical', status: 'in_progress' });
      await createTicket(ctx.db, { category: 'billing', assigneeUserId: (await createUser(ctx.db)).id });
      const rest = await stats();
      const graphql = await ctx.gql(GRAPHQL_STATS);
      expect(rest.body).toEqual(graphqlStatsAsRest(graphql.data!.stats));

      const restFiltered = await stats('?category=billing&status=resolved');
      const graphqlFiltered = await ctx.gql(GRAPHQL_STATS, { filter: { categories: ['BILLING'], statuses: ['RESOLVED'] } });
      expect(restFiltered.body).toEqual(graphqlStatsAsRest(graphqlFiltered.data!.stats));
      expect(restFiltered.body.total_tickets).toBe(1);
      expect(rest.body.active_by_assignee).toHaveLength(2);
    });

    it('refuses an invalid filter with field errors', async () => {
      const { status, body } = await stats('?priority=urgent');
      expect(status).toBe(400);
      expect(body).toEqual({ priority: ['"urgent" is not a valid choice.'] });
    });

    it('classifies a description: 200 with the suggestion, its source and reason', async () => {
      const res = await classify({ description: '  I was charged twice this month.  ' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        suggested_category: 'billing',
        suggested_priority: 'high',
        source: 'gemini',
        reason: 'Duplicate charge',
      });
      // The original API's four keys first; the id of the issued suggestion and its confidence after them.
      expect(Object.keys(res.json())).toEqual([
        'suggested_category',
        'suggested_priority',
        'source',
        'reason',
        'suggestion_id',
        'confidence',
      ]);
      // Gemini and the offline classifier agree here: surer than either alone.
      expect(res.json().confidence).toBeGreaterThan(0.5);
      expect(res.json().confidence).toBeLessThanOrEqual(1);
      expect(res.json().suggestion_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]!.rawBody).toContain('I was charged twice this month.');
    });

    it('falls back to the offline classifier when Gemini fails: still 200, source "local"', async () => {
      fake.script({ kind: 'status', status: 500 });
      const res = await classify({ description: 'I forgot my password and I am locked out' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ suggested_category: 'account', source: 'local' });
    });

    it('classifies a form-encoded description too', async () => {
      const res = await ctx.http({
        method: 'POST',
        url: '/api/tickets/classify/',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'description=Refund+please',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().suggested_category).toBe('billing');
    });

    it.each([
      [{}, 'This field is required.'],
      [{ description: '' }, 'This field may not be blank.'],
      [{ description: '   ' }, 'This field may not be blank.'],
      [{ description: null }, 'This field may not be null.'],
      [{ description: 'x'.repeat(20_001) }, 'Ensure this field has no more than 20000 characters.'],
    ])('refuses %# with {"description": [...]} before calling the classifier', async (payload, message) => {
      const res = await classify(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ description: [message] });
      expect(fake.requests).toHaveLength(0);
    });

    it('closes the loop: a classified ticket created with its suggestion shows in acceptance', async () => {
      const suggestion = (await classify({ description: 'Charged twice' })).json();
      const created = await ctx.http({
        method: 'POST',
        url: '/api/tickets/',
        payload: {
          title: 'Double charge',
          description: 'Charged twice',
          category: suggestion.suggested_category,
          priority: suggestion.suggested_priority,
          suggested_category: suggestion.suggested_category,
          suggested_priority: suggestion.suggested_priority,
          classification_source: suggestion.source,
        },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ suggested_category: 'billing', classification_source: 'gemini', suggestion_ignored: false });
      const { body } = await stats();
      expect(body.suggestion_acceptance).toMatchObject({ suggested: 1, accepted: 1, acceptance_rate: 1 });
      expect(body.suggestion_acceptance.by_category.billing).toEqual({ suggested: 1, accepted: 1, overridden: 0, acceptance_rate: 1 });
    });
  },
  { env: geminiEnv() },
);

describeOnDatabases(
  'classify over REST, throttled',
  (ctx) => {
    it("answers 429 with Retry-After and DRF's throttled detail once the budget is spent, invalid calls not counted", async () => {
      const call = (description: string) => ctx.http({ method: 'POST', url: '/api/tickets/classify/', payload: { description } });
      expect((await call('')).statusCode).toBe(400);
      expect((await call('first')).statusCode).toBe(200);
      expect((await call('second')).statusCode).toBe(200);
      const refused = await call('third');
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json()).toEqual({ detail: `Request was throttled. Expected available in ${refused.headers['retry-after']} seconds.` });
    });
  },
  { env: geminiEnv({ CLASSIFY_RATE_LIMIT: '2' }) },
);

describeOnDatabases(
  'classify over REST, when the classifier breaks',
  (ctx) => {
    it('answers 500 {"detail": "A server error occurred."} and nothing of the failure', async () => {
      const res = await ctx.http({ method: 'POST', url: '/api/tickets/classify/', payload: { description: 'anything' } });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ detail: 'A server error occurred.' });
      expect(res.body).not.toMatch(/secret|select|stack|at /i);
    });
  },
  {
    classify: async () => {
      throw new Error('select * from secret_table where key = $1 -- stack at classify()');
    },
  },
);
