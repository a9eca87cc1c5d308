// SQL of the learned term counts: a ticket's changes are appended as deltas
// (`classifier_term_deltas`) in its write's transaction and folded into the counts
// (`classifier_term_counts`) a batch at a time; a read looks up a description's terms'
// counts; a rebuild recounts every ticket (for a database whose tickets predate learning).
import { asc, gt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { classifierTermCounts, classifierTermDeltas, tickets } from '../db/schema.js';
import { executeRows } from '../db/statements.js';
import { EVERY_TICKET, tallyDeltas, teach, type LearnedField, type TermDelta, type TermTally } from './learning.model.js';

const t = classifierTermCounts;
const d = classifierTermDeltas;

/**
 * The statement appending a write's deltas (null when there are none), for the
 * write's own statement to carry as a CTE, or to run alone. Appended: no row another
 * write holds, so concurrent writes do not wait for each other's commit (they did
 * while each updated the shared count rows, the busiest being the EVERY_TICKET ones).
 */
export function termDeltasInsert(deltas: readonly TermDelta[]): SQL | null {
  const nonZero = deltas.filter((delta) => delta.delta !== 0);
  if (nonZero.length === 0) return null;
  // One JSON parameter: the same on postgres.js and PGlite, whatever the row count.
  return sql`insert into ${d} (term, field, label, delta)
    select r.term, r.field, r.label, r.delta
    from jsonb_to_recordset(${JSON.stringify(nonZero)}::jsonb) as r(term text, field text, label text, delta int)`;
}

/** Records a write's deltas in a statement of their own. */
export async function applyTermDeltas(db: Db, deltas: readonly TermDelta[]): Promise<void> {
  const statement = termDeltasInsert(deltas);
  if (statement) await db.execute(statement);
}

/** Deltas one fold moves into the counts, at most: bounds its statement and the locks it holds. */
export const FOLD_BATCH = 5_000;

/**
 * Moves up to `batch` of the oldest deltas into the counts, in one statement (so the
 * deltas leave exactly when the counts take them in), and answers how many it moved.
 * A negative delta for a row that does not exist is dropped (that ticket was never
 * counted), and a count never goes below 0. One fold at a time across every process
 * (a transaction-scoped advisory lock; a fold that does not get it moves nothing):
 * two at once could each hold half of a ticket's story, and the one holding a
 * correction's -1 would drop it for want of the +1 the other has not committed yet.
 */
export async function foldTermDeltas(db: Db, batch = FOLD_BATCH): Promise<number> {
  const rows = await executeRows<{ moved: number }>(
    db,
    sql`with turn as (select pg_try_advisory_xact_lock(hashtext('support-tickets:fold-term-deltas')) as mine),
        moved as (
          delete from ${d} where (select mine from turn) and ${d.id} in (select id from ${d} order by id limit ${batch})
          returning term, field, label, delta),
        summed as (
          select term, field, label, sum(delta)::int as delta from moved group by term, field, label),
        written as (
          insert into ${t} (term, field, label, count)
          select s.term, s.field, s.label, s.delta from summed s
          where s.delta > 0 or (s.delta < 0 and exists (select 1 from ${t} c where c.term = s.term and c.field = s.field and c.label = s.label))
          order by s.term, s.field, s.label
          on conflict (term, field, label) do update set count = greatest(${t.count} + excluded.count, 0))
        select count(*)::int as moved from moved`,
  );
  return Number(rows[0]?.moved ?? 0);
}

/** Reclaims the dead rows folds leave behind (outside any transaction: VACUUM cannot run in one). */
export async function vacuumTermDeltas(db: Db): Promise<void> {
  await db.execute(sql`vacuum ${d}`);
}

export type TermCountRow = {
  term: string;
  field: LearnedField;
  label: string;
  count: number;
};

/**
 * The counts of these terms and of every ticket: one index lookup per term. Deltas not
 * yet folded in are not read: the folder (learning.folder.ts) takes them in within
 * FOLD_INTERVAL_MS, and reading them too would cost every read a scan of a table that
 * is all dead rows between vacuums.
 */
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
 * tickets in 59 s instead of 929 s on a loaded machine, and in 18 s on an idle one
 * (bench/results/2026-12-01-learning-triage-1m.md).
 * The counts are held in memory until written: one entry per distinct term (125,000
 * for those tickets; the process peaked at 0.5 GB).
 */
export async function rebuildTermCounts(db: Db, batches = REBUILD_BATCHES): Promise<void> {
  // Writers of counts wait until the new ones commit (readers do not): every ticket
  // saved meanwhile is either read here or counted by its own write afterwards, once.
  await db.execute(sql`lock table ${t}, ${d} in exclusive mode`);
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
  // Whatever the deltas said is in the recount.
  await db.execute(sql`delete from ${d}`);
  await db.execute(sql`delete from ${t}`);
  const rows = tallyDeltas(tally);
  for (let i = 0; i < rows.length; i += batches.write) {
    await db.execute(sql`
      insert into ${t} (term, field, label, count)
      select d.term, d.field, d.label, d.delta
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + batches.write))}::jsonb) as d(term text, field text, label text, delta int)`);
  }
}
