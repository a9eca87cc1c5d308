// Triage that learns the team's words, end to end: tickets filed and corrected through
// the real APIs teach the next suggestion, on both databases. The figures on the team
// fixture (an invented company with its own product names) are printed before and
// after the team files its 100 tickets.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { suggestOffline } from '../../src/classifier/learning.service.js';
import { executeRows } from '../../src/db/statements.js';
import { foldAll } from '../support/learning.js';
import { TICKET_CATEGORIES, type TicketCategory, type TicketPriority } from '../../src/tickets/ticket.enums.js';
import type { LabeledTicket } from '../fixtures/labeled-tickets.js';
import { LABELED_TICKETS } from '../fixtures/labeled-tickets.js';
import { TEAM_HELD_OUT, TEAM_TRAINING } from '../fixtures/team-tickets.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';

const CLASSIFY = `query($d: String!) { classifyDescription(description: $d) { category priority source reason confidence } }`;
const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } userErrors { field code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { ticket { id } userErrors { field code } } }`;

const upper = (value: string) => value.toUpperCase();
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Measured on the generic labelled set (accuracy.unit.test.ts holds the keyword classifier to the same floors). */
const GENERIC_CATEGORY_FLOOR = 0.87;
const GENERIC_PRIORITY_FLOOR = 0.68;

async function classify(ctx: TestContext, description: string) {
  // What every server process's folder does within FOLD_INTERVAL_MS of a write.
  await foldAll(ctx.db);
  const res = await ctx.gql(CLASSIFY, { d: description });
  expect(res.errors).toBeUndefined();
  return res.data!.classifyDescription as { category: string; priority: string; source: string; reason: string; confidence: number };
}

async function file(ctx: TestContext, ticket: { description: string; category: TicketCategory; priority: TicketPriority }) {
  const res = await ctx.gql(CREATE, {
    input: {
      title: ticket.description.slice(0, 60),
      description: ticket.description,
      category: upper(ticket.category),
      priority: upper(ticket.priority),
    },
  });
  expect(res.data!.createTicket.userErrors).toEqual([]);
  return Number(res.data!.createTicket.ticket.id);
}

async function accuracyOver(ctx: TestContext, set: readonly LabeledTicket[]) {
  let category = 0;
  let priority = 0;
  for (const ticket of set) {
    const answer = await classify(ctx, ticket.description);
    if (answer.category === upper(ticket.category)) category++;
    if (answer.priority === upper(ticket.priority)) priority++;
  }
  return { category: category / set.length, priority: priority / set.length };
}

async function termCount(ctx: TestContext, term: string, field: string, label: string): Promise<number> {
  await foldAll(ctx.db);
  const [row] = await executeRows<{ count: number }>(
    ctx.db,
    sql`select count from classifier_term_counts where term = ${term} and field = ${field} and label = ${label}`,
  );
  return Number(row?.count ?? 0);
}

describeOnDatabases(
  'learning from confirmed tickets',
  (ctx) => {
    it('follows the team’s own words after it files its tickets, and keeps the generic floors', async () => {
      const before = await accuracyOver(ctx, TEAM_HELD_OUT);
      for (const ticket of TEAM_TRAINING) await file(ctx, ticket);
      const after = await accuracyOver(ctx, TEAM_HELD_OUT);
      // The generic set with the team's learning in place, through the same offline path.
      let genericCategory = 0;
      let genericPriority = 0;
      for (const ticket of LABELED_TICKETS) {
        const answer = await suggestOffline(ctx.db, ticket.description);
        if (answer.category === ticket.category) genericCategory++;
        if (answer.priority === ticket.priority) genericPriority++;
      }
      const generic = { category: genericCategory / LABELED_TICKETS.length, priority: genericPriority / LABELED_TICKETS.length };
      console.info(
        [
          `[${ctx.target.name}] team fixture, ${TEAM_HELD_OUT.length} held-out tickets, ${TEAM_TRAINING.length} filed:`,
          `  before: category ${pct(before.category)}, priority ${pct(before.priority)}`,
          `  after:  category ${pct(after.category)}, priority ${pct(after.priority)}`,
          `  generic labelled set after learning: category ${pct(generic.category)}, priority ${pct(generic.priority)}`,
        ].join('\n'),
      );
      expect(before.category).toBeLessThan(0.5);
      expect(after.category).toBeGreaterThanOrEqual(0.85);
      expect(after.priority).toBeGreaterThan(before.priority);
      expect(generic.category).toBeGreaterThanOrEqual(GENERIC_CATEGORY_FLOOR);
      expect(generic.priority).toBeGreaterThanOrEqual(GENERIC_PRIORITY_FLOOR);
    });

    it('names the team’s words in the reason and is surer with more evidence', async () => {
      const text = 'The Quillmark ledger export is stuck.';
      const unknown = await classify(ctx, text);
      for (let i = 0; i < 6; i++) {
        await file(ctx, {
          description: `Quillmark ledger problem number ${i}: totals look odd.`,
          category: 'billing' as TicketCategory,
          priority: 'high' as TicketPriority,
        });
      }
      const learned = await classify(ctx, text);
      expect(learned).toMatchObject({ category: 'BILLING', priority: 'HIGH', source: 'LOCAL' });
      expect(learned.reason).toContain('"quillmark" (6 tickets)');
      expect(learned.confidence).toBeGreaterThan(unknown.confidence);
      expect(learned.confidence).toBeLessThanOrEqual(1);
    });

    it('moves a corrected ticket’s words to the category and priority the team chose', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 4; i++)
        ids.push(
          await file(ctx, {
            description: `Zephyrix widget misbehaves, case ${i}.`,
            category: 'general' as TicketCategory,
            priority: 'low' as TicketPriority,
          }),
        );
      expect(await termCount(ctx, 'zephyrix', 'category', 'general')).toBe(4);
      for (const id of ids) {
        const res = await ctx.gql(UPDATE, { id: String(id), input: { category: 'ACCOUNT', priority: 'HIGH' } });
        expect(res.data!.updateTicket.userErrors).toEqual([]);
      }
      expect(await termCount(ctx, 'zephyrix', 'category', 'general')).toBe(0);
      expect(await termCount(ctx, 'zephyrix', 'category', 'account')).toBe(4);
      expect(await termCount(ctx, '', 'priority', 'high')).toBe(4);
      expect(await classify(ctx, 'Zephyrix widget again.')).toMatchObject({ category: 'ACCOUNT', priority: 'HIGH' });
      // REST corrections teach the same way; a status change teaches nothing.
      const patched = await ctx.http({
        method: 'PATCH',
        url: `/api/tickets/${ids[0]}/`,
        payload: { category: 'technical', status: 'resolved' },
      });
      expect(patched.statusCode).toBe(200);
      expect(await termCount(ctx, 'zephyrix', 'category', 'account')).toBe(3);
      expect(await termCount(ctx, 'zephyrix', 'category', 'technical')).toBe(1);
    });

    it('does not let a handful of odd tickets flip a well-established answer', async () => {
      const established = TEAM_TRAINING.filter((t) => t.description.includes('Ledgerleaf'));
      for (const ticket of established) await file(ctx, ticket);
      const odd = 'A refund for the double charge on the Ledgerleaf statement, please.';
      for (let i = 0; i < 3; i++)
        await file(ctx, { description: odd, category: 'account' as TicketCategory, priority: 'low' as TicketPriority });
      expect((await classify(ctx, 'Ledgerleaf statement shows a refund we never asked for.')).category).toBe('BILLING');
      // A keyword answer stands against a few odd tickets too.
      for (let i = 0; i < 3; i++) {
        await file(ctx, {
          description: 'I was charged twice, please refund me.',
          category: 'general' as TicketCategory,
          priority: 'low' as TicketPriority,
        });
      }
      expect((await classify(ctx, 'Charged twice this month, I want a refund.')).category).toBe('BILLING');
    });

    it('learns nothing from a refused write', async () => {
      const res = await ctx.gql(CREATE, { input: { title: '', description: 'Brambleton widget', category: 'BILLING' } });
      expect(res.data!.createTicket.userErrors).toEqual([{ field: 'title', code: 'BLANK' }]);
      expect(await termCount(ctx, 'brambleton', 'category', 'billing')).toBe(0);
    });

    it('keeps every label’s ticket count equal to the tickets filed under it', async () => {
      for (const ticket of TEAM_TRAINING.slice(0, 12)) await file(ctx, ticket);
      for (const category of TICKET_CATEGORIES) {
        const [row] = await executeRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from tickets where category = ${category}`);
        expect(await termCount(ctx, '', 'category', category)).toBe(Number(row!.n));
      }
    });
  },
  { env: { CLASSIFY_RATE_LIMIT: '100000' } },
);
