// Triage that learns from the team: every ticket write teaches the term counts (in the
// write's own transaction), and the offline suggestion weighs them against the
// keyword cues, with a confidence and a reason naming the words that drove it.
// The learned state is only the database's: no cache, so every process sharing a
// PostgreSQL sees a confirmed ticket in its very next suggestion (one primary-key
// lookup per classify, about a millisecond: see bench/results/2026-12-01-learning-triage.md).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ClassificationSource, TicketCategory, TicketPriority } from '../tickets/ticket.enums.js';
import type { Suggestion } from './classifier.js';
import { CATEGORY_PRECEDENCE, PRIORITY_PRECEDENCE } from './local-classifier.cues.js';
import { keywordVotes } from './local.classifier.js';
import { classifierTermCounts } from '../db/schema.js';
import { applyTermDeltas, rebuildTermCounts, selectTermCounts, termDeltasInsert, type TermCountRow } from './learning.repository.js';
import {
  decideField,
  EVERY_TICKET,
  learningTerms,
  PRIORITY_TEMPERING,
  tallyDeltas,
  teach,
  type FieldCounts,
  type FieldDecision,
  type LearnableTicket,
  type LearnedField,
  type TermDelta,
  type TermTally,
} from './learning.model.js';
import { REASON_MAX } from './parse.js';

/**
 * Recounts what every ticket teaches, from scratch, in one transaction: for tickets
 * that no write taught (saved before learning existed, or loaded by the seed's COPY).
 * Then vacuums the counts: every old row is dead, and without it each classify reads
 * through them until autovacuum comes (1,000,000 tickets: 909 index entries for 310
 * live rows, 1.7 ms instead of 0.6 ms a read).
 */
export async function relearnFromEveryTicket(db: Db): Promise<void> {
  await db.transaction((tx) => rebuildTermCounts(tx as unknown as Db));
  await db.execute(sql`vacuum analyze ${classifierTermCounts}`);
}

/**
 * Teaches the classifier what a ticket write confirmed: `before` is the ticket as it
 * was (null for a create), `after` as it is now. Only the difference is written: a
 * status change teaches nothing, a category correction moves the ticket's terms from
 * the old category to the new one. Call it inside the write's transaction, for every
 * ticket a write changes (single updates and bulk updates alike).
 */
export async function learnFromTicketChange(db: Db, before: LearnableTicket | null, after: LearnableTicket): Promise<void> {
  await applyTermDeltas(db, learnedDeltas(before, after));
}

/**
 * The same lesson as learnFromTicketChange, as a statement for the write to carry in
 * its own (a CTE); null when there is nothing to learn.
 */
export function learningStatement(before: LearnableTicket | null, after: LearnableTicket): SQL | null {
  return termDeltasInsert(learnedDeltas(before, after));
}

function learnedDeltas(before: LearnableTicket | null, after: LearnableTicket): TermDelta[] {
  const tally: TermTally = new Map();
  if (before) teach(tally, before, -1);
  teach(tally, after, 1);
  return tallyDeltas(tally);
}

function fieldCounts<L extends string>(rows: readonly TermCountRow[], field: LearnedField): FieldCounts<L> {
  const docs = new Map<L, number>();
  const terms = new Map<string, Map<L, number>>();
  for (const row of rows) {
    if (row.field !== field) continue;
    const label = row.label as L;
    if (row.term === EVERY_TICKET) docs.set(label, row.count);
    else {
      const perLabel = terms.get(row.term) ?? new Map<L, number>();
      perLabel.set(label, row.count);
      terms.set(row.term, perLabel);
    }
  }
  return { docs, terms };
}

const quote = (words: readonly string[]) => words.map((w) => `"${w}"`).join(', ');
const percent = (p: number) => `${Math.round(p * 100)}%`;

function explain<L extends string>(decision: FieldDecision<L>, name: string): string {
  const because: string[] = [];
  if (decision.terms.length > 0) {
    because.push(
      `the team's tickets using ${decision.terms.map(({ term, tickets }) => `"${term}" (${tickets} ${tickets === 1 ? 'ticket' : 'tickets'})`).join(', ')}`,
    );
  }
  if (decision.cues.length > 0) because.push(`cues ${quote(decision.cues.slice(0, 3))}`);
  const why = because.length > 0 ? because.join(' and ') : decision.evidence ? 'most of the team’s tickets' : 'no cues';
  return `${name} ${percent(decision.probability)}: ${why}`;
}

/** Cut to REASON_MAX code points, marked, as every reason is bounded in the schema. */
export function boundedReason(text: string): string {
  const points = Array.from(text);
  return points.length <= REASON_MAX ? text : `${points.slice(0, REASON_MAX - 1).join('')}…`;
}

/** An offline suggestion: the keyword cues and the team's confirmed tickets, with how sure it is. */
export interface OfflineSuggestion extends Suggestion {
  confidence: number;
  /** Per field, the label's probability (the confidence is their product: both must be kept). */
  categoryProbability: number;
  priorityProbability: number;
}

/**
 * The offline answer for a description: keyword cues weighed against what the team's
 * confirmed tickets say about its words (one read of the term counts).
 */
export async function suggestOffline(db: Db, description: string): Promise<OfflineSuggestion> {
  const rows = await selectTermCounts(db, learningTerms(description));
  return decideOffline(description, rows);
}

/** The decision itself, from the counts read: also what the replay evaluation runs. */
export function decideOffline(description: string, rows: readonly TermCountRow[]): OfflineSuggestion {
  const keyword = keywordVotes(description);
  const category = decideField(
    CATEGORY_PRECEDENCE,
    TicketCategory.GENERAL,
    keyword.category,
    fieldCounts<TicketCategory>(rows, 'category'),
  );
  const priority = decideField(
    PRIORITY_PRECEDENCE,
    TicketPriority.MEDIUM,
    keyword.priority,
    fieldCounts<TicketPriority>(rows, 'priority'),
    PRIORITY_TEMPERING,
  );
  const evidence = category.evidence || priority.evidence;
  const reason = evidence
    ? boundedReason(`${explain(category, category.label)}; ${explain(priority, `${priority.label} priority`)}.`)
    : 'No cues and nothing learned for these words yet, so general / medium.';
  return {
    category: category.label,
    priority: priority.label,
    source: evidence ? ClassificationSource.LOCAL : ClassificationSource.DEFAULT,
    reason: `${reason[0]!.toUpperCase()}${reason.slice(1)}`,
    confidence: category.probability * priority.probability,
    categoryProbability: category.probability,
    priorityProbability: priority.probability,
  };
}
