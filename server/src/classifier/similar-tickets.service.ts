// Similar tickets, for two readers: an agent writing a ticket (possible duplicates,
// open ones first) and the Gemini prompt (the team's closest confirmed tickets as
// examples). Candidates come from three bounded probes of the word indexes: tickets
// sharing one of the text's identifiers (order or invoice numbers); tickets sharing
// two of its three rarest words, when those are rare enough that reading who uses them
// costs little; and active tickets sharing two of its three rarest words whatever they
// are. They are ranked by trigram similarity above one threshold, so unrelated text
// finds nothing rather than noise. The work per request does not grow with the number
// of tickets: a closed duplicate whose every word is common and which has no
// identifier is not found (measured at 1,000,000 tickets in
// bench/results/2026-12-01-learning-triage-1m.md).
import type { Db } from '../db/client.js';
import { withStatementTimeout } from '../db/statements.js';
import { ACTIVE_STATUSES } from '../tickets/ticket.enums.js';
import { TicketError, type TicketIssue } from '../tickets/ticket.errors.js';
import { validateDescription } from '../tickets/ticket.validation.js';
import type { TeamExample } from './classifier.js';
import { EVERY_TICKET, learningTerms } from './learning.model.js';
import { PROMPT_EXAMPLES_MAX } from './prompt.js';
import {
  PROBE_MATCHES_MAX,
  selectProbeWords,
  selectSimilarTickets,
  tsqueryLexeme,
  type Probe,
  type SimilarTicketRow,
} from './similar-tickets.repository.js';

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
const RARE_WORD_LENGTH_MIN = 4;
/**
 * Tickets a word may be used by and still probe every ticket: a probe reads the
 * posting lists of its words and the tickets they match, and a commoner word would
 * make that grow with the table. As many as a probe reads, so that it finds the
 * newest of all its matches.
 */
const RARE_WORD_TICKETS_MAX = PROBE_MATCHES_MAX;
/**
 * A word used by more of the tickets than this singles out nothing, not even among the
 * active ones ("need" is in 37 % of the seeded tickets): it is not a probe word. At
 * 1,000,000 seeded tickets, leaving such words out of the active tickets' probe halved
 * the rows it read and doubled how often a reworded ticket's original came back in the
 * top 3 (13 → 27 %: fewer loosely similar open tickets ahead of it).
 */
const COMMON_WORD_SHARE = 0.05;

/**
 * The safety net: a probe that still runs this long (a pathological text, an index
 * bloated beyond its statistics) is cancelled and the answer is empty. Ordinary
 * requests take a few milliseconds.
 */
const SIMILAR_TIMEOUT_MS = 500;

/** A learned term and its plural, as the word index keeps each word as written. */
const word = (term: string) => `(${term} | ${term}s)`;

/** Two of these words (all of them when fewer than three). */
function twoOf(terms: readonly string[]): string {
  if (terms.length < 3) return terms.map(word).join(' & ');
  const [a, b, c] = terms.map(word);
  return `(${a} & ${b}) | (${a} & ${c}) | (${b} & ${c})`;
}

/** The probes for `text`, from what the learned counts say about its words. */
function probesFor(terms: readonly string[], found: { tickets: Map<string, number>; identifiers: string[] }): Probe[] {
  const { tickets, identifiers } = found;
  // A database whose tickets were never counted (learning:rebuild) knows no word's
  // rarity: longer words are taken as rarer, and only identifiers and the active
  // tickets are probed.
  const everyTicket = tickets.get(EVERY_TICKET) ?? 0;
  const learned = everyTicket > 0;
  const used = (term: string) => tickets.get(term) ?? 0;
  const common = Math.max(RARE_WORD_TICKETS_MAX, COMMON_WORD_SHARE * everyTicket);
  const rare = terms
    .filter((term) => !learned || (used(term) > 0 && used(term) <= common))
    .sort((a, b) => used(a) - used(b) || b.length - a.length)
    .slice(0, RARE_WORDS);
  const specific = learned ? rare.filter((term) => used(term) <= RARE_WORD_TICKETS_MAX) : [];
  // Identifiers learning counts (an error code such as e3600) are rare words like any
  // other; the rest (numbers) are assumed rare.
  const unlearned = identifiers.filter((identifier) => !tickets.has(identifier));
  const probes: Probe[] = [];
  if (unlearned.length > 0) probes.push({ query: unlearned.map(tsqueryLexeme).join(' | '), activeOnly: false });
  if (specific.length > 0) probes.push({ query: twoOf(specific), activeOnly: false });
  // Also when the words are rare: the newest tickets using them may all be closed,
  // and an open duplicate older than them would be missed.
  if (rare.length > 0) probes.push({ query: twoOf(rare), activeOnly: true });
  return probes;
}

async function mostSimilar(db: Db, text: string, limit: number): Promise<SimilarTicketRow[]> {
  const terms = learningTerms(text).filter((term) => term.length >= RARE_WORD_LENGTH_MIN);
  const rows = await withStatementTimeout(
    db,
    SIMILAR_TIMEOUT_MS,
    async (tx) => {
      const probes = probesFor(terms, await selectProbeWords(tx, text, terms));
      return selectSimilarTickets(tx, { text, probes, threshold: SIMILARITY_THRESHOLD, limit });
    },
    // Probes ask for a few rows of many: the planner would otherwise take a sequential
    // scan that computes every ticket's words until enough match (a common word: 127 ms
    // instead of 12 ms, EXPLAIN ANALYZE at 1,000,000 tickets).
    { enable_seqscan: 'off' },
  );
  return rows ?? [];
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
