// SQL for finding the tickets most like a text. Candidates come from the word index
// (`tickets_description_words_idx`): tickets whose description shares at least two of
// the text's rarest words, a few posting lists merged whatever the number of tickets.
// Only CANDIDATES_MAX of them are ranked, by trigram similarity of the descriptions,
// as that costs a fraction of a millisecond per ticket.
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
 * "At least two of these words" as a tsquery: every pair, or/ed (one word alone when
 * only one is given). Words are plain [a-z0-9] terms, so they need no quoting; each
 * is a prefix, so that a plural folded to its singular ("payout") still finds "payouts".
 */
function twoOf(rareWords: readonly string[]): string {
  if (rareWords.length === 1) return `${rareWords[0]}:*`;
  const pairs: string[] = [];
  for (let i = 0; i < rareWords.length; i++) {
    for (let j = i + 1; j < rareWords.length; j++) pairs.push(`(${rareWords[i]}:* & ${rareWords[j]}:*)`);
  }
  return pairs.join(' | ');
}

/**
 * The tickets whose description is at least `threshold` similar to `text`, most
 * similar first, among those sharing two of `rareWords` (lowercase [a-z0-9] terms).
 */
export async function selectSimilarTickets(
  db: Db,
  params: { text: string; rareWords: readonly string[]; threshold: number; limit: number },
): Promise<SimilarTicketRow[]> {
  if (params.rareWords.length === 0) return [];
  const candidates = db
    .select({ id: tickets.id })
    .from(tickets)
    .where(sql`${words} @@ to_tsquery('simple', ${twoOf(params.rareWords)})`)
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
