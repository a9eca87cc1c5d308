// SQL for finding the tickets most like a text: the few rarest words of the text pick
// candidates through the trigram index (as a search for them would), and trigram
// similarity of the descriptions ranks them. Reading a bounded number of candidates
// keeps the cost flat however many tickets there are; the price is that a text whose
// rarest words are common is compared with some of their tickets, not all.
import { desc, eq, getTableColumns, gte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { tickets, type TicketRow } from '../db/schema.js';

/** Tickets compared with the text, at most. */
const CANDIDATES_MAX = 200;

/** The expression of the trigram index (schema.ts `tickets_search_trgm_idx`): the search predicate must be exactly it. */
const searchText = sql`(${tickets.title} || ' ' || ${tickets.description})`;

export interface SimilarTicketRow {
  ticket: TicketRow;
  /** Trigram similarity of the descriptions, 0–1. */
  similarity: number;
}

/**
 * The tickets whose description is at least `threshold` similar to `text`, most similar
 * first, among those containing one of `rareTerms` (plain [a-z0-9] words, so no LIKE
 * escaping is needed; each at least 3 characters, so the trigram index serves it).
 */
export async function selectSimilarTickets(
  db: Db,
  params: { text: string; rareTerms: readonly string[]; threshold: number; limit: number },
): Promise<SimilarTicketRow[]> {
  if (params.rareTerms.length === 0) return [];
  const candidates = db
    .select({ id: tickets.id })
    .from(tickets)
    .where(or(...params.rareTerms.map((term) => sql`${searchText} ilike ${`%${term}%`}`)))
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
