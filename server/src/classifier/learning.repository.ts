// SQL of the learned term counts (`classifier_term_counts`): one upsert applies a
// ticket's changes, one primary-key lookup reads a description's terms, and a rebuild
// recounts every ticket (for a database whose tickets predate learning).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { classifierTermCounts } from '../db/schema.js';
import { executeRows } from '../db/statements.js';
import { EVERY_TICKET, LEARNED_TERMS_MAX, PLURAL_PATTERN, STOPWORDS, type LearnedField } from './learning.model.js';

export interface TermDelta {
  term: string;
  field: LearnedField;
  label: string;
  /** Tickets to add (positive) or take back (negative). */
  delta: number;
}

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

/**
 * Recounts every ticket from scratch, in SQL, with the tokenizer of
 * `learningTerms` (learning.model.ts) written again here: for a database whose
 * tickets were saved before learning existed (`npm run learning:rebuild`), and for
 * benchmarks seeded by COPY. Replaces the table's rows in the caller's transaction.
 */
export async function rebuildTermCounts(db: Db): Promise<void> {
  const stopwords = JSON.stringify([...STOPWORDS]);
  await db.execute(sql`delete from ${t}`);
  await db.execute(sql`
    with words as (
      select id, category, priority, word, ordinality
      from tickets, regexp_split_to_table(lower(description), '[^a-z0-9]+') with ordinality as w(word, ordinality)
      where length(word) between 2 and 32
        and word !~ '^[0-9]+$'
        and word <> all(array(select jsonb_array_elements_text(${stopwords}::jsonb)))
    ),
    terms as (
      select id, category, priority, term, min(ordinality) as first_use
      from (select id, category, priority, ordinality, regexp_replace(word, ${PLURAL_PATTERN}, '\\1') as term from words) as folded
      group by id, category, priority, term
    ),
    kept as (
      select id, category, priority, term
      from (select *, row_number() over (partition by id order by first_use) as n from terms) as ranked
      where n <= ${LEARNED_TERMS_MAX}
      union all
      select id, category, priority, ${EVERY_TICKET} from tickets
    )
    insert into ${t} (term, field, label, count)
    select term, 'category', category, count(*) from kept group by term, category
    union all
    select term, 'priority', priority, count(*) from kept group by term, priority`);
}
