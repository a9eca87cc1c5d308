// SQL for finding the tickets most like a text. Candidates come from the word index
// (`tickets_description_words_idx`): tickets whose description uses given words, two
// posting lists intersected whatever the number of tickets. Only CANDIDATES_MAX of
// them are ranked, by trigram similarity of the descriptions, as that costs a fraction
// of a millisecond per ticket.
import { desc, eq, getTableColumns, gte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { tickets, type TicketRow } from '../db/schema.js';

/** Tickets ranked by similarity, at most. */
const CANDIDATES_MAX = 40;

/** The expression of the word index (schema.ts): the predicate must use exactly it. */
const words = sql`to_tsvector('simple', ${tickets.description})`;

export interface SimilarTicketRow {
  ticket: TicketRow;
  /** Trigram similarity of the descriptions, 0–1. */
  similarity: number;
}

/**
 * "All of these words" as a tsquery. Words are plain [a-z0-9] terms (no quoting
 * needed), each with its plural, as learning folds "payouts" to "payout". Exact words
 * rather than prefixes: a prefix match costs several times more on the index.
 */
function allOf(words: readonly string[]): string {
  return words.map((w) => `(${w} | ${w}s)`).join(' & ');
}

/**
 * The tickets whose description is at least `threshold` similar to `text`, most
 * similar first, among the first CANDIDATES_MAX that use all of `words` (lowercase
 * [a-z0-9] terms). No order among the candidates: sorting them would read every match.
 */
export async function selectSimilarTickets(
  db: Db,
  params: { text: string; words: readonly string[]; threshold: number; limit: number },
): Promise<SimilarTicketRow[]> {
  if (params.words.length === 0) return [];
  const candidates = db
    .select({ id: tickets.id })
    .from(tickets)
    .where(sql`${words} @@ to_tsquery('simple', ${allOf(params.words)})`)
    .limit(CANDIDATES_MAX)
    .as('candidates');
  const similarity = sql<number>`similarity(${tickets.description}, ${params.text})`;
  const rows = await db
    .select({ ...getTableColumns(tickets), similarity })
    .from(candidates)
    .innerJoin(tickets, eq(tickets.id, candidates.id))
    .where(gte(similarity, params.threshold))
    .orderBy(desc(similarity), desc(tickets.id))
    .limit(params.limit);
  return rows.map(({ similarity: score, ...ticket }) => ({ ticket, similarity: Number(score) }));
}
