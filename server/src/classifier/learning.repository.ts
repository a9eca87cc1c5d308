// SQL of the learned term counts (`classifier_term_counts`): one upsert applies a
// ticket's changes, one primary-key lookup reads a description's terms, and a rebuild
// recounts every ticket (for a database whose tickets predate learning).
import { asc, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { classifierTermCounts, tickets } from '../db/schema.js';
import { executeRows } from '../db/statements.js';
import { EVERY_TICKET, tallyDeltas, teach, type LearnedField, type TermDelta, type TermTally } from './learning.model.js';

const t = classifierTermCounts;

/**
 * Applies the deltas in one statement. Rows are written in key order, so concurrent
 * writers lock shared rows (the busiest are the EVERY_TICKET rows) in the same order
 * and cannot deadlock each other. A negative delta for a row that does not exist is
 * dropped (that ticket was never counted), and a count never goes below 0.
 */
export async function applyTermDeltas(db: Db, deltas: readonly TermDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  // One JSON parameter: the same on postgres.js and PGlite, whatever the row count.
  const rows = JSON.stringify(deltas);
  await db.execute(sql`
    insert into ${t} (term, field, label, count)
    select d.term, d.field, d.label, d.delta
    from jsonb_to_recordset(${rows}::jsonb) as d(term text, field text, label text, delta int)
    where d.delta > 0
       or exists (select 1 from ${t} c where c.term = d.term and c.field = d.field and c.label = d.label)
    order by d.term, d.field, d.label
    on conflict (term, field, label) do update set count = greatest(${t.count} + excluded.count, 0)`);
}

export type TermCountRow = {
  term: string;
  field: LearnedField;
  label: string;
  count: number;
};

/** The counts of these terms and of every ticket: one index lookup per term. */
export async function selectTermCounts(db: Db, terms: readonly string[]): Promise<TermCountRow[]> {
  const keys = JSON.stringify([EVERY_TICKET, ...terms]);
  const rows = await executeRows<TermCountRow>(
    db,
    sql`select term, field, label, count from ${t}
        where term = any(array(select jsonb_array_elements_text(${keys}::jsonb))) and count > 0`,
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Tickets a rebuild reads per page, and counter rows it writes per statement: bounds the memory of each. */
const REBUILD_BATCHES = { read: 10_000, write: 10_000 };

/**
 * Recounts every ticket from scratch with the very function the writes use (`teach`),
 * so the two cannot disagree: for a database whose tickets were saved before learning
 * existed (`npm run learning:rebuild`), and for benchmarks seeded by COPY. Replaces the
 * table's rows in the caller's transaction. In JavaScript because the same tokenizer
 * in SQL (regular expressions over every word) took ten times the CPU: 1,000,000 seeded
 * tickets in 59 s instead of 929 s (bench/results/2026-12-01-learning-triage-1m.md).
 * The counts are held in memory until written: one entry per distinct term (125,000
 * for those tickets; the process peaked at 0.5 GB).
 */
export async function rebuildTermCounts(db: Db, batches = REBUILD_BATCHES): Promise<void> {
  // Writers of counts wait until the new ones commit (readers do not): every ticket
  // saved meanwhile is either read here or counted by its own write afterwards, once.
  await db.execute(sql`lock table ${t} in exclusive mode`);
  const tally: TermTally = new Map();
  for (let after = 0; ;) {
    const page = await db
      .select({ id: tickets.id, description: tickets.description, category: tickets.category, priority: tickets.priority })
      .from(tickets)
      .where(gt(tickets.id, after))
      .orderBy(asc(tickets.id))
      .limit(batches.read);
    for (const ticket of page) teach(tally, ticket, 1);
    if (page.length < batches.read) break;
    after = page[page.length - 1]!.id;
  }
  await db.execute(sql`delete from ${t}`);
  const rows = tallyDeltas(tally);
  for (let i = 0; i < rows.length; i += batches.write) {
    await db.execute(sql`
      insert into ${t} (term, field, label, count)
      select d.term, d.field, d.label, d.delta
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + batches.write))}::jsonb) as d(term text, field text, label text, delta int)`);
  }
}
