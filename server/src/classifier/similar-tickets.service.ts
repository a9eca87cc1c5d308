// Similar tickets, for two readers: an agent writing a ticket (possible duplicates,
// open ones first) and the Gemini prompt (the team's closest confirmed tickets as
// examples). Candidates share two of the text's three rarest words; they are ranked
// by trigram similarity above one threshold, so unrelated text finds nothing rather
// than noise. A duplicate that shares none of the rare words is not found: the price
// of a cost that stays flat with the number of tickets.
import type { Db } from '../db/client.js';
import { ACTIVE_STATUSES } from '../tickets/ticket.enums.js';
import { TicketError, type TicketIssue } from '../tickets/ticket.errors.js';
import { validateDescription } from '../tickets/ticket.validation.js';
import type { TeamExample } from './classifier.js';
import { selectTermCounts } from './learning.repository.js';
import { EVERY_TICKET, learningTerms } from './learning.model.js';
import { PROMPT_EXAMPLES_MAX } from './prompt.js';
import { selectSimilarTickets, type SimilarTicketRow } from './similar-tickets.repository.js';

export type { SimilarTicketRow };

/** Similar tickets answered at most, and by default. */
export const SIMILAR_TICKETS_MAX = 5;

/**
 * Trigram similarity of two descriptions from which they count as similar. Measured on
 * the team fixture and the labelled tickets: reworded duplicates scored 0.49–0.73,
 * unrelated texts at most 0.20 against any ticket.
 */
const SIMILARITY_THRESHOLD = 0.3;

/** Words of the text that pick candidates: the rarest few, not too short to be specific. */
const RARE_WORDS = 3;
/**
 * The pairs of rare words tried in turn, until one finds a similar ticket: a reworded
 * duplicate may have lost one of them. Measured at 200,000 seeded tickets: two words
 * intersected in about 2.5 ms; "two of four" as one query 18–80 ms.
 */
const PAIRS: readonly (readonly [number, number])[] = [
  [0, 1],
  [0, 2],
  [1, 2],
];
const RARE_WORD_LENGTH_MIN = 4;

/**
 * The text's rarest words by the learned counts (tickets using each). A word no ticket
 * uses cannot find one and is skipped, unless nothing was learned at all (a database
 * never recounted): then longer words are taken as rarer.
 */
async function rareWords(db: Db, text: string): Promise<string[]> {
  const terms = learningTerms(text).filter((term) => term.length >= RARE_WORD_LENGTH_MIN);
  const used = new Map<string, number>();
  let learned = 0;
  for (const row of await selectTermCounts(db, terms)) {
    if (row.field !== 'category') continue;
    if (row.term === EVERY_TICKET) learned += row.count;
    else used.set(row.term, (used.get(row.term) ?? 0) + row.count);
  }
  return terms
    .filter((term) => learned === 0 || used.has(term))
    .sort((a, b) => (used.get(a) ?? 0) - (used.get(b) ?? 0) || b.length - a.length)
    .slice(0, RARE_WORDS);
}

async function mostSimilar(db: Db, text: string, limit: number): Promise<SimilarTicketRow[]> {
  const rare = await rareWords(db, text);
  if (rare.length === 1) return selectSimilarTickets(db, { text, words: rare, threshold: SIMILARITY_THRESHOLD, limit });
  for (const [a, b] of PAIRS) {
    if (b >= rare.length) break;
    const found = await selectSimilarTickets(db, { text, words: [rare[a]!, rare[b]!], threshold: SIMILARITY_THRESHOLD, limit });
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * Up to `first` (1–5, default 5) tickets like `text`: the most similar ones, open and
 * in-progress tickets first, then by similarity.
 */
export async function findSimilarTickets(
  db: Db,
  rawText: unknown,
  rawFirst?: unknown,
  /** What the API calls the count (GraphQL `first`, REST `limit`), for its field errors. */
  firstField = 'first',
): Promise<SimilarTicketRow[]> {
  const issues: TicketIssue[] = [];
  const text = validateDescription(issues, 'text', rawText);
  const first = rawFirst ?? SIMILAR_TICKETS_MAX;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > SIMILAR_TICKETS_MAX) {
    issues.push({ field: firstField, code: 'OUT_OF_RANGE', message: `Ensure this value is between 1 and ${SIMILAR_TICKETS_MAX}.` });
  }
  if (text === undefined || issues.length > 0) throw new TicketError('VALIDATION_FAILED', issues);
  const rows = await mostSimilar(db, text, first as number);
  const active = (row: SimilarTicketRow) => (ACTIVE_STATUSES.includes(row.ticket.status) ? 0 : 1);
  // Stable: within each group the order stays by similarity.
  return rows.sort((a, b) => active(a) - active(b));
}

/** The team's confirmed tickets most like a description, as examples for a model. */
export async function teamExamples(db: Db, description: string): Promise<TeamExample[]> {
  const rows = await mostSimilar(db, description, PROMPT_EXAMPLES_MAX);
  return rows.map(({ ticket }) => ({
    id: ticket.id,
    description: ticket.description,
    category: ticket.category,
    priority: ticket.priority,
  }));
}
