// The two ways of counting what tickets teach agree: the counts each write keeps and a
// rebuild from every ticket (read and written in batches). And the replay
// evaluation (`npm run eval:classifier`) over the team fixture, learned against keywords.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { formatReplay, replayTickets } from '../../src/classifier/learning.evaluation.js';
import { rebuildTermCounts } from '../../src/classifier/learning.repository.js';
import { foldAll } from '../support/learning.js';
import type { Db } from '../../src/db/client.js';
import { executeRows } from '../../src/db/statements.js';
import { LABELED_TICKETS } from '../fixtures/labeled-tickets.js';
import { TEAM_HELD_OUT, TEAM_TRAINING } from '../fixtures/team-tickets.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';

const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { userErrors { code } } }`;

async function fileAll(ctx: TestContext, set: readonly { description: string; category: string; priority: string }[]) {
  for (const t of set) {
    const res = await ctx.gql(CREATE, {
      input: { title: 'T', description: t.description, category: t.category.toUpperCase(), priority: t.priority.toUpperCase() },
    });
    expect(res.data!.createTicket.userErrors).toEqual([]);
  }
}

async function allCounts(db: Db) {
  await foldAll(db);
  return executeRows<{ term: string; field: string; label: string; count: number }>(
    db,
    sql`select term, field, label, count from classifier_term_counts where count > 0 order by term, field, label`,
  );
}

describeOnDatabases('learned counts: rebuild and replay', (ctx) => {
  it('rebuilds from every ticket exactly the counts the writes kept', async () => {
    const odd = {
      description: `Plurals and edge cases: Payouts payout's bus glass analysis THE the 12345 a1 ${'x'.repeat(40)} ${Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ')}`,
      category: 'general',
      priority: 'low',
    };
    await fileAll(ctx, [...TEAM_TRAINING, ...LABELED_TICKETS.slice(0, 30), odd]);
    const kept = await allCounts(ctx.db);
    expect(kept.length).toBeGreaterThan(500);
    await ctx.db.transaction((tx) => rebuildTermCounts(tx as unknown as Db));
    expect(await allCounts(ctx.db)).toEqual(kept);
    // Small batches: tickets read over many pages, counts written in many statements.
    await ctx.db.transaction((tx) => rebuildTermCounts(tx as unknown as Db, { read: 7, write: 50 }));
    expect(await allCounts(ctx.db)).toEqual(kept);
  });

  it('replays the tickets in time order: learning beats the keywords on the team’s own words', async () => {
    await fileAll(ctx, [...TEAM_TRAINING, ...TEAM_HELD_OUT]);
    const figures = await replayTickets(ctx.db);
    console.info(formatReplay(figures));
    expect(figures.tickets).toBe(TEAM_TRAINING.length + TEAM_HELD_OUT.length);
    expect(figures.category.perLabel.billing.tickets).toBe(35);
    expect(figures.category.learned).toBeGreaterThan(figures.category.keywordOnly + 50);
    expect((await replayTickets(ctx.db, { limit: 10 })).tickets).toBe(10);
  });
});
