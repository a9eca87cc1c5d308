// The learned half of offline triage, pure (no database): the words of a description as
// learning counts them, and a decision per field that weighs the keyword cues against
// what the team's confirmed tickets say about those words. The counts come from
// learning.repository.ts; this file turns them into a label, a probability and the
// words that drove it.
//
// The model is naive Bayes over which terms a ticket uses, with each term's label
// distribution smoothed towards the team's overall distribution by SMOOTHING pseudo-
// tickets, and the keyword cues added as a log-odds bonus (KEYWORD_WEIGHT per cue
// weight). So a term seen on one ticket moves the answer little, one seen on 25 tickets
// of a single label moves it a lot, and a cue such as "refund" (weight 3) needs
// several consistent tickets to be outvoted. Both constants were chosen by measuring
// the team fixture and the generic labelled set (see bench/results/2026-12-01-learning-triage.md).
import type { TicketCategory, TicketPriority } from '../tickets/ticket.enums.js';
import type { KeywordVotes } from './local.classifier.js';

/** The fields learning counts labels for. */
export const LEARNED_FIELDS = ['category', 'priority'] as const;
export type LearnedField = (typeof LEARNED_FIELDS)[number];

/** The counter row of every ticket (no real term is empty): a label's number of confirmed tickets. */
export const EVERY_TICKET = '';

/** Distinct terms learned per ticket, at most: bounds a write's rows for a 20,000-character description. */
export const LEARNED_TERMS_MAX = 60;
const TERM_LENGTH_MIN = 2;
const TERM_LENGTH_MAX = 32;

/** Log-odds per unit of keyword cue weight. */
const KEYWORD_WEIGHT = 1.5;
/** Pseudo-tickets pulling each term's label distribution towards the team's overall one. */
const SMOOTHING = 4;
/**
 * Priority's learned evidence is divided by (terms the team has used)^0.75. The words
 * of one description are not independent votes, and they say little about priority:
 * summed as naive Bayes sums them, thirty weakly informative words outvoted the
 * priority cues where the team's priorities were noisy (the seed's replay: 27.5 %
 * learned against 34.4 % for the keywords alone). Tempered, the replay gives 34.6 %,
 * the team fixture's held-out priority 80 → 90 % and the generic set's 70 → 72 %;
 * category, tempered too, lost the fixture 15 points, so it is not (measured
 * 2026-12-01 on the seed's replay and the fixtures).
 */
export const PRIORITY_TEMPERING = 0.75;

/**
 * Words too common to say anything about a ticket. Dropping them keeps the hottest
 * counter rows (every ticket says "the") out of every write.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his i if in into is it its ' +
    'me my no not of on or our she so some than that the their them then there these they this to too us was we were ' +
    'what when where which who why will with would you your yours im ive dont cant its also just any all get got been ' +
    'am about after again before being both each few more most other own same should only very via per please hi hello ' +
    'thanks thank regards'
  ).split(' '),
);

/**
 * A plural and its singular are one term ("payouts", "payout"): a final `s` goes after
 * four or more letters, unless the word ends in ss, us or is.
 */
const PLURAL = /^(.{3,}[^siu])s$/;

/**
 * The terms learning counts for a text: lowercase ASCII letter-and-digit runs of 2–32
 * characters, not stopwords, not only digits (order numbers teach nothing), plurals
 * folded; each once, in order of first use, at most LEARNED_TERMS_MAX.
 */
export function learningTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length < TERM_LENGTH_MIN || word.length > TERM_LENGTH_MAX || STOPWORDS.has(word) || /^[0-9]+$/.test(word)) continue;
    terms.add(word.endsWith('s') ? word.replace(PLURAL, '$1') : word);
    if (terms.size >= LEARNED_TERMS_MAX) break;
  }
  return [...terms];
}

/** What learning reads of a ticket: the words the team used and what it filed them as. */
export interface LearnableTicket {
  description: string;
  category: TicketCategory;
  priority: TicketPriority;
}

/** A change of one learned count: tickets of `label` (in `field`) that use `term`. */
export interface TermDelta {
  term: string;
  field: LearnedField;
  label: string;
  /** Tickets to add (positive) or take back (negative). */
  delta: number;
}

/**
 * Learned counts being gathered, per term, field and label. Nested rather than keyed by
 * one joined string: a rebuild adds tens of millions of uses, and building a key for
 * each cost more than the tokenizer (a CPU profile of a rebuild of 1,000,000 tickets, 2026-12-01).
 */
export type TermTally = Map<string, Record<LearnedField, Map<string, number>>>;

/**
 * Adds to `tally` what one ticket teaches (`sign` 1) or takes it back (-1): each of
 * its terms and EVERY_TICKET, under its category and under its priority. The one
 * definition of a ticket's counts, for the writes and for the rebuild alike.
 */
export function teach(tally: TermTally, ticket: LearnableTicket, sign: 1 | -1): void {
  for (const term of [EVERY_TICKET, ...learningTerms(ticket.description)]) {
    let fields = tally.get(term);
    if (!fields) tally.set(term, (fields = { category: new Map(), priority: new Map() }));
    fields.category.set(ticket.category, (fields.category.get(ticket.category) ?? 0) + sign);
    fields.priority.set(ticket.priority, (fields.priority.get(ticket.priority) ?? 0) + sign);
  }
}

/** The tally's changes as rows, those that net to nothing left out. */
export function tallyDeltas(tally: TermTally): TermDelta[] {
  const deltas: TermDelta[] = [];
  for (const [term, fields] of tally) {
    for (const field of LEARNED_FIELDS) {
      for (const [label, delta] of fields[field]) if (delta !== 0) deltas.push({ term, field, label, delta });
    }
  }
  return deltas;
}

/** What the confirmed tickets say about one field. */
export interface FieldCounts<L extends string> {
  /** Confirmed tickets per label. */
  docs: ReadonlyMap<L, number>;
  /** Per term of the description, confirmed tickets per label that used it (terms never seen are absent). */
  terms: ReadonlyMap<string, ReadonlyMap<L, number>>;
}

export interface FieldDecision<L extends string> {
  label: L;
  /** The decided label's share of the evidence (0–1): a softmax over the labels' scores. */
  probability: number;
  /** Keyword cues that voted for the label, strongest first. */
  cues: string[];
  /** Learned terms that voted for the label most, each with how many confirmed tickets of the label used it. */
  terms: { term: string; tickets: number }[];
  /** Whether any evidence at all was found; false means the label is the fallback. */
  evidence: boolean;
}

const REASON_TERMS = 3;

/**
 * Decides one field. `precedence` breaks exact ties (as the keyword classifier does);
 * with no evidence at all the answer is `fallback` at an even probability.
 */
export function decideField<L extends string>(
  precedence: readonly L[],
  fallback: L,
  keyword: KeywordVotes<L>,
  counts: FieldCounts<L>,
  /** The learned evidence is divided by (terms the team has used)^tempering: 0 sums it as naive Bayes does. */
  tempering = 0,
): FieldDecision<L> {
  const labels = precedence;
  const total = labels.reduce((sum, label) => sum + (counts.docs.get(label) ?? 0), 0);
  // Add-one smoothing: a label the team never used still has a chance.
  const prior = new Map(labels.map((label) => [label, ((counts.docs.get(label) ?? 0) + 1) / (total + labels.length)]));
  const used = [...counts.terms].flatMap(([term, perLabel]) => {
    let seen = 0;
    for (const n of perLabel.values()) seen += n;
    return seen > 0 ? [{ term, perLabel, seen }] : [];
  });
  const divisor = used.length > 0 ? used.length ** tempering : 1;
  const scores = new Map<L, number>();
  const contributions = new Map<L, { term: string; weight: number; tickets: number }[]>();
  for (const label of labels) {
    let score = KEYWORD_WEIGHT * (keyword.scores.get(label) ?? 0) + (total > 0 ? Math.log(prior.get(label)!) : 0);
    const mine: { term: string; weight: number; tickets: number }[] = [];
    for (const { term, perLabel, seen } of used) {
      const p = prior.get(label)!;
      const tickets = Math.max(0, perLabel.get(label) ?? 0);
      const weight = Math.log((tickets + SMOOTHING * p) / (seen + SMOOTHING) / p) / divisor;
      score += weight;
      if (weight > 0) mine.push({ term, weight, tickets });
    }
    scores.set(label, score);
    contributions.set(label, mine);
  }
  const values = [...scores.values()];
  const max = Math.max(...values);
  const evidence = values.some((v) => v !== values[0]);
  const label = evidence ? labels.find((l) => scores.get(l) === max)! : fallback;
  const denominator = values.reduce((sum, v) => sum + Math.exp(v - max), 0);
  return {
    label,
    probability: Math.exp(scores.get(label)! - max) / denominator,
    cues: evidence ? (keyword.cues.get(label) ?? []) : [],
    terms: evidence
      ? contributions
          .get(label)!
          .sort((a, b) => b.weight - a.weight)
          .slice(0, REASON_TERMS)
          .map(({ term, tickets }) => ({ term, tickets }))
      : [],
    evidence,
  };
}
