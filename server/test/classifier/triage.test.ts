// Confidence on every suggestion, the dashboard's triage report (acceptance by
// confidence band, per category and priority, the override matrices), and similar
// tickets while a ticket is written; over GraphQL and REST, on both databases.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { TEAM_TRAINING } from '../fixtures/team-tickets.js';
import { foldAll } from '../support/learning.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';

const CLASSIFY = `query($d: String!) { classifyDescription(description: $d) { category priority confidence reason suggestionId } }`;
const CREATE = `mutation($input: CreateTicketInput!) {
  createTicket(input: $input) { ticket { id status suggestion { confidence accepted } } userErrors { field code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { userErrors { code } } }`;
const TRIAGE = `query($days: Int) { stats { triage(days: $days) {
  days since suggested accepted overridden acceptanceRate
  byConfidence { band from to suggested accepted overridden }
  byCategory { category suggested accepted overridden }
  byPriority { priority suggested accepted overridden }
  categoryOverrides { suggested chosen count }
  priorityOverrides { suggested chosen count } } } }`;
const LIST = `query($filter: TicketFilter) { tickets(first: 50, filter: $filter) { nodes { id } } }`;
const SIMILAR = `query($text: String!, $first: Int) { similarTickets(text: $text, first: $first) { similarity ticket { id status createdAt } } }`;

async function classifyAndFile(ctx: TestContext, description: string, chosen?: { category?: string; priority?: string }) {
  const answer = (await ctx.gql(CLASSIFY, { d: description })).data!.classifyDescription;
  const res = await ctx.gql(CREATE, {
    input: {
      title: 'T',
      description,
      category: chosen?.category ?? answer.category,
      priority: chosen?.priority ?? answer.priority,
      suggestionId: answer.suggestionId,
    },
  });
  expect(res.data!.createTicket.userErrors).toEqual([]);
  return { answer, ticket: res.data!.createTicket.ticket };
}

async function file(ctx: TestContext, description: string, status = 'OPEN') {
  const res = await ctx.gql(CREATE, { input: { title: 'T', description, status } });
  // What every server process's folder does within FOLD_INTERVAL_MS of a write.
  await foldAll(ctx.db);
  return Number(res.data!.createTicket.ticket.id);
}

describeOnDatabases(
  'confidence, triage report and similar tickets',
  (ctx) => {
    it('gives every suggestion a confidence and a reason, and records the confidence with the ticket', async () => {
      const { answer, ticket } = await classifyAndFile(ctx, 'I was charged twice this month, please refund me.');
      expect(answer.category).toBe('BILLING');
      expect(answer.confidence).toBeGreaterThan(0.5);
      expect(answer.confidence).toBeLessThanOrEqual(1);
      expect(answer.reason).toMatch(/"refund"/);
      expect(ticket.suggestion.confidence).toBeCloseTo(answer.confidence, 5);
      const nothing = (await ctx.gql(CLASSIFY, { d: 'Hello there.' })).data!.classifyDescription;
      expect(nothing.confidence).toBeLessThan(0.2);
      expect(nothing.reason).toEqual(expect.any(String));
      const rest = await ctx.http({ method: 'POST', url: '/api/tickets/classify/', payload: { description: 'I forgot my password.' } });
      expect(rest.statusCode).toBe(200);
      expect(rest.json()).toMatchObject({
        suggested_category: 'account',
        confidence: expect.any(Number),
        reason: expect.stringContaining('password'),
      });
    });

    it('reports acceptance by confidence band, category and priority, judged by what was saved at creation', async () => {
      const kept = await classifyAndFile(ctx, 'I was charged twice this month, please refund me.');
      const overridden = await classifyAndFile(ctx, 'My password reset link never arrives.', { category: 'TECHNICAL' });
      const escalated = await classifyAndFile(ctx, 'The app crashes when I upload a photo.');
      // A day later an agent escalates it: history, not an override of the suggestion.
      await ctx.gql(UPDATE, { id: escalated.ticket.id, input: { priority: 'CRITICAL', category: 'GENERAL' } });
      // Outside the window, and without a suggestion: neither counts.
      const old = await classifyAndFile(ctx, 'Invoice copy for last year, please.');
      await ctx.db.execute(sql`update tickets set created_at = now() - interval '40 days' where id = ${Number(old.ticket.id)}`);
      await file(ctx, 'No suggestion shown for this one.');

      const report = (await ctx.gql(TRIAGE, {})).data!.stats.triage;
      expect(report).toMatchObject({ days: 30, suggested: 3, accepted: 2, overridden: 1, acceptanceRate: 2 / 3 });
      expect(report.byConfidence.map((b: { band: string; from: number }) => [b.band, b.from])).toEqual([
        ['LOW', 0],
        ['MEDIUM', 0.5],
        ['HIGH', 0.7],
        ['VERY_HIGH', 0.9],
      ]);
      const band = (confidence: number) =>
        report.byConfidence.find((b: { from: number; to: number }) => confidence >= b.from && (confidence < b.to || b.to === 1));
      expect(report.byConfidence.reduce((n: number, b: { suggested: number }) => n + b.suggested, 0)).toBe(3);
      expect(band(kept.answer.confidence).accepted).toBeGreaterThanOrEqual(1);
      expect(report.byCategory).toContainEqual({ category: overridden.answer.category, suggested: 1, accepted: 0, overridden: 1 });
      expect(report.byCategory).toContainEqual({ category: escalated.answer.category, suggested: 1, accepted: 1, overridden: 0 });
      expect(report.categoryOverrides).toEqual([{ suggested: 'ACCOUNT', chosen: 'TECHNICAL', count: 1 }]);
      expect(report.priorityOverrides).toEqual([]);
      expect((await ctx.gql(TRIAGE, { days: 60 })).data!.stats.triage.suggested).toBe(4);

      // Each figure's link: the list narrowed the same way finds exactly those tickets.
      const ids = async (filter: object) =>
        ((await ctx.gql(LIST, { filter })).data!.tickets.nodes as { id: string }[]).map((t) => t.id).sort();
      expect(await ids({ suggestionOutcomes: ['ACCEPTED'], createdAfter: report.since })).toEqual(
        [kept.ticket.id, escalated.ticket.id].sort(),
      );
      expect(
        await ids({
          suggestedPriorities: [escalated.answer.priority],
          filedPriorities: [escalated.answer.priority],
          categories: ['GENERAL'],
        }),
      ).toEqual([escalated.ticket.id]);
      expect(await ids({ suggestedCategories: ['ACCOUNT'], filedCategories: ['TECHNICAL'] })).toEqual([overridden.ticket.id]);
      const keptBand = band(kept.answer.confidence).band as string;
      expect(await ids({ suggestionConfidenceBands: [keptBand], createdAfter: report.since })).toContain(kept.ticket.id);
      const otherBands = report.byConfidence.map((b: { band: string }) => b.band).filter((b: string) => b !== keptBand);
      expect(await ids({ suggestionConfidenceBands: otherBands })).not.toContain(kept.ticket.id);

      const rest = await ctx.http({ method: 'GET', url: '/api/tickets/stats/triage/' });
      expect(rest.statusCode).toBe(200);
      expect(rest.json()).toMatchObject({
        days: 30,
        suggested: 3,
        accepted: 2,
        overridden: 1,
        category_overrides: [{ suggested: 'account', chosen: 'technical', count: 1 }],
        priority_overrides: [],
        by_category: { account: { suggested: 1, accepted: 0, overridden: 1, acceptance_rate: 0 } },
      });
      expect(rest.json().by_confidence.map((b: { band: string }) => b.band)).toEqual(['low', 'medium', 'high', 'very_high']);
      const filtered = await ctx.http({ method: 'GET', url: '/api/tickets/stats/triage/?category=billing' });
      expect(filtered.json()).toMatchObject({ suggested: 1, accepted: 1 });
      const listed = await ctx.http({
        method: 'GET',
        url: `/api/tickets/?filed_category=technical&confidence=${band(overridden.answer.confidence).band.toLowerCase()}`,
      });
      expect(listed.statusCode).toBe(200);
      const listedIds = (listed.json() as { id: number }[]).map((t) => String(t.id));
      expect(listedIds).toEqual([overridden.ticket.id]);
      const bad = await ctx.http({ method: 'GET', url: '/api/tickets/?confidence=sure' });
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json())).toEqual(['confidence']);
    });

    it.each([0, 367])('refuses a window of %i days', async (days) => {
      const res = await ctx.gql(TRIAGE, { days });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
      const rest = await ctx.http({ method: 'GET', url: `/api/tickets/stats/triage/?days=${days}` });
      expect(rest.statusCode).toBe(400);
      expect(Object.keys(rest.json())).toEqual(['days']);
    });

    it('finds a reworded duplicate in the top 3, open tickets first, and nothing for unrelated text', async () => {
      for (const ticket of TEAM_TRAINING.slice(0, 40)) await file(ctx, ticket.description);
      const original = await file(ctx, 'Ledgerleaf statement run is stuck at 40% and our month-end close is tomorrow, please help.');
      const reworded = 'Month-end close is tomorrow and the statement run in Ledgerleaf has been stuck at 40 percent for hours.';
      const found = (await ctx.gql(SIMILAR, { text: reworded })).data!.similarTickets as {
        similarity: number;
        ticket: { id: string; status: string };
      }[];
      expect(found.length).toBeGreaterThan(0);
      expect(found.length).toBeLessThanOrEqual(5);
      expect(found.slice(0, 3).map((s) => Number(s.ticket.id))).toContain(original);
      for (const s of found) expect(s.similarity).toBeGreaterThanOrEqual(0.3);

      const unrelated = await ctx.gql(SIMILAR, { text: 'What is the weather like in Lisbon in spring?' });
      expect(unrelated.data!.similarTickets).toEqual([]);

      // A resolved duplicate sorts after the open ones.
      await ctx.gql(UPDATE, { id: String(original), input: { status: 'RESOLVED' } });
      const again = (await ctx.gql(SIMILAR, { text: reworded })).data!.similarTickets as { ticket: { id: string; status: string } }[];
      const firstClosed = again.findIndex((s) => s.ticket.status === 'RESOLVED');
      expect(firstClosed).toBeGreaterThanOrEqual(0);
      expect(again.slice(firstClosed).every((s) => s.ticket.status === 'RESOLVED' || s.ticket.status === 'CLOSED')).toBe(true);

      const rest = await ctx.http({ method: 'GET', url: `/api/tickets/similar/?text=${encodeURIComponent(reworded)}&limit=2` });
      expect(rest.statusCode).toBe(200);
      const body = rest.json() as { id: number; status: string; created_at: string; similarity: number }[];
      expect(body.length).toBeLessThanOrEqual(2);
      expect(body[0]).toMatchObject({ status: expect.any(String), created_at: expect.any(String), similarity: expect.any(Number) });
    });

    it('finds a closed ticket by an identifier the text shares, even when no word’s rarity is known', async () => {
      for (const ticket of TEAM_TRAINING.slice(0, 10)) await file(ctx, ticket.description);
      const original = await file(ctx, 'Payment reference PX-7730-4412 was rejected by the bank again yesterday.', 'RESOLVED');
      // As in a database whose tickets were never counted (learning:rebuild): only identifiers and active tickets are probed.
      await foldAll(ctx.db);
      await ctx.db.execute(sql`delete from classifier_term_counts`);
      const found = (await ctx.gql(SIMILAR, { text: 'The bank rejected payment reference PX-7730-4412 yesterday again.' })).data!
        .similarTickets as { ticket: { id: string } }[];
      expect(found.map((s) => Number(s.ticket.id))).toContain(original);
    });

    it('finds an open duplicate by common words, and searches closed tickets only by rare words (bounded work)', async () => {
      for (const ticket of TEAM_TRAINING.slice(0, 40)) await file(ctx, ticket.description);
      const original = await file(ctx, 'Ledgerleaf statement run is stuck at 40% and our month-end close is tomorrow, please help.');
      const reworded = 'Month-end close is tomorrow and the statement run in Ledgerleaf has been stuck at 40 percent for hours.';
      // Every word as common as in a large team's history: used by thousands of tickets
      // (too many to read who uses it), though by few of a million.
      await foldAll(ctx.db);
      await ctx.db.execute(sql`update classifier_term_counts set count = count + case when term = '' then 1000000 else 5000 end`);
      const ids = async () =>
        ((await ctx.gql(SIMILAR, { text: reworded })).data!.similarTickets as { ticket: { id: string } }[]).map((s) => Number(s.ticket.id));
      expect((await ids()).slice(0, 3)).toContain(original);
      await ctx.gql(UPDATE, { id: String(original), input: { status: 'RESOLVED' } });
      expect(await ids()).not.toContain(original);
    });

    it.each([
      ['blank text', { text: '  ' }, 'text'],
      ['first 0', { text: 'x', first: 0 }, 'first'],
      ['first 6', { text: 'x', first: 6 }, 'first'],
    ])('refuses %s', async (_name, variables, field) => {
      const res = await ctx.gql(SIMILAR, variables);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it.each([
      ['no text', '', 'text'],
      ['blank text', '?text=%20', 'text'],
      ['limit 6', '?text=x&limit=6', 'limit'],
    ])('REST refuses %s with a field error', async (_name, query, field) => {
      const res = await ctx.http({ method: 'GET', url: `/api/tickets/similar/${query}` });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json())).toEqual([field]);
    });
  },
  { env: { CLASSIFY_RATE_LIMIT: '100000' } },
);
