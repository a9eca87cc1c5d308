// Learned counts are written as deltas in each ticket write's transaction and folded
// into the counts a batch at a time, by every server process: folding must land
// exactly what a recount of the tickets gives, keep the counts' rules (never below 0,
// nothing taken from a row that was never counted), and run by itself. On both databases.
import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { startLearningFolder, type LearningFolder } from '../../src/classifier/learning.folder.js';
import { applyTermDeltas, foldTermDeltas, rebuildTermCounts } from '../../src/classifier/learning.repository.js';
import type { Db } from '../../src/db/client.js';
import { executeRows } from '../../src/db/statements.js';
import { TEAM_TRAINING } from '../fixtures/team-tickets.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';

const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } userErrors { field code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { ticket { id } userErrors { field code } } }`;

async function file(ctx: TestContext, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (const ticket of TEAM_TRAINING.slice(0, count)) {
    const res = await ctx.gql(CREATE, {
      input: {
        title: 'T',
        description: ticket.description,
        category: ticket.category.toUpperCase(),
        priority: ticket.priority.toUpperCase(),
      },
    });
    expect(res.data!.createTicket.userErrors).toEqual([]);
    ids.push(res.data!.createTicket.ticket.id as string);
  }
  return ids;
}

async function pendingDeltas(ctx: TestContext): Promise<number> {
  const [row] = await executeRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from classifier_term_deltas`);
  return Number(row!.n);
}

async function counts(db: Db) {
  return executeRows<{ term: string; field: string; label: string; count: number }>(
    db,
    sql`select term, field, label, count from classifier_term_counts where count > 0 order by term, field, label`,
  );
}

describeOnDatabases('folding learned deltas into the counts', (ctx) => {
  let folder: LearningFolder | undefined;
  afterEach(async () => {
    await folder?.stop();
    folder = undefined;
  });

  it('folds a batch at a time, and lands exactly what a recount of the tickets gives', async () => {
    const ids = await file(ctx, 12);
    // Corrections take their words back from one category and give them to another.
    for (const id of ids.slice(0, 4)) await ctx.gql(UPDATE, { id, input: { category: 'OTHER', priority: 'CRITICAL' } });
    const pending = await pendingDeltas(ctx);
    expect(pending).toBeGreaterThan(100);
    expect(await counts(ctx.db)).toEqual([]);

    expect(await foldTermDeltas(ctx.db, 50)).toBe(50);
    expect(await pendingDeltas(ctx)).toBe(pending - 50);
    while ((await foldTermDeltas(ctx.db, 1_000)) > 0);
    expect(await pendingDeltas(ctx)).toBe(0);
    const folded = await counts(ctx.db);
    expect(folded.length).toBeGreaterThan(100);

    await ctx.db.transaction((tx) => rebuildTermCounts(tx as unknown as Db));
    expect(await counts(ctx.db)).toEqual(folded);
  });

  it('never counts below 0, and takes nothing back from a row that was never counted', async () => {
    await applyTermDeltas(ctx.db, [
      { term: 'quillon', field: 'category', label: 'billing', delta: 1 },
      { term: 'ghostword', field: 'category', label: 'billing', delta: -1 },
    ]);
    await foldTermDeltas(ctx.db);
    await applyTermDeltas(ctx.db, [{ term: 'quillon', field: 'category', label: 'billing', delta: -3 }]);
    await foldTermDeltas(ctx.db);
    const rows = async () =>
      (
        await executeRows<{ term: string; count: number }>(
          ctx.db,
          sql`select term, count from classifier_term_counts where term in ('quillon', 'ghostword')`,
        )
      ).map((r) => [r.term, Number(r.count)]);
    expect(await rows()).toEqual([['quillon', 0]]);
    // Counted again from 0, not from -2.
    await applyTermDeltas(ctx.db, [{ term: 'quillon', field: 'category', label: 'billing', delta: 1 }]);
    await foldTermDeltas(ctx.db);
    expect(await rows()).toEqual([['quillon', 1]]);
  });

  // Another process's fold needs another connection: PGlite has one.
  if (ctx.target.name === 'postgres') {
    it('folds one at a time across processes: a fold while another holds the turn moves nothing', async () => {
      await file(ctx, 2);
      const pending = await pendingDeltas(ctx);
      await ctx.db.transaction(async (other) => {
        await other.execute(sql`select pg_advisory_xact_lock(hashtext('support-tickets:fold-term-deltas'))`);
        expect(await foldTermDeltas(ctx.db)).toBe(0);
      });
      expect(await pendingDeltas(ctx)).toBe(pending);
      expect(await foldTermDeltas(ctx.db)).toBe(pending);
    });
  }

  it('folds in the background, as every server process does, and vacuums what it emptied', async () => {
    await file(ctx, 3);
    expect(await pendingDeltas(ctx)).toBeGreaterThan(0);
    const warnings: object[] = [];
    // Vacuuming after every fold that moved something: it must work outside a transaction on both databases.
    folder = startLearningFolder({ database: ctx.database, log: { warn: (obj) => warnings.push(obj) }, intervalMs: 20, vacuumAfter: 1 });
    const deadline = Date.now() + 10_000;
    while ((await pendingDeltas(ctx)) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await pendingDeltas(ctx)).toBe(0);
    expect((await counts(ctx.db)).length).toBeGreaterThan(10);
    await folder.stop();
    expect(warnings).toEqual([]);
  });
});
