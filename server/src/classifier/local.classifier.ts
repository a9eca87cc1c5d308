// The offline classifier: weighted keyword and phrase cues, no network and no model. It answers
// when Gemini is not configured or fails, and supplies the per-field fallback when Gemini's
// answer is only partly usable. Deterministic: the same text always gives the same answer.
// This file is the matching; the cues and their weights are in local-classifier.cues.ts.
import { ClassificationSource, TicketCategory, TicketPriority } from '../tickets/ticket.enums.js';
import type { Classifier, Suggestion } from './classifier.js';
import { CATEGORY_CUES, CATEGORY_PRECEDENCE, type CueSpec, PRIORITY_CUES, PRIORITY_PRECEDENCE } from './local-classifier.cues.js';
import type { FieldReasons } from './parse.js';

interface Cue<L extends string> {
  label: L;
  weight: number;
  /** What a reason calls a match: the words as written (`word`), or what a pattern stands for. */
  name: 'word' | { label: string };
  regex: RegExp;
}

const { GENERAL } = TicketCategory;
const { MEDIUM } = TicketPriority;

const REASON_CUES_SHOWN = 3;

function compilePhrase(phrase: string): RegExp {
  const source = phrase
    .split(/\s+/)
    .map((word) =>
      word
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        // A trailing `*` means "any word ending".
        .replace(/\*$/, '[a-z0-9]*'),
    )
    .join('[\\s-]+');
  // Boundaries are letters and digits rather than \b, so cues containing apostrophes or
  // hyphens ("can't", "two-factor") still anchor correctly.
  return new RegExp(`(?<![a-z0-9])${source}(?![a-z0-9])`, 'g');
}

function compile<L extends string>(specs: readonly CueSpec<L>[]): Cue<L>[] {
  return specs.map(([label, weight, pattern]) =>
    typeof pattern === 'string'
      ? { label, weight, name: 'word' as const, regex: compilePhrase(pattern) }
      : { label, weight, name: { label: pattern.label }, regex: new RegExp(pattern.regex.source, 'g') },
  );
}

const COMPILED_CATEGORY_CUES = compile(CATEGORY_CUES);
const COMPILED_PRIORITY_CUES = compile(PRIORITY_CUES);

interface Hit<L extends string> {
  cue: Cue<L>;
  start: number;
  end: number;
  /** How a reason names it: the word as the text has it ("invoices", not the cue's stem "invoic"). */
  name: string;
}

/** Lowercases and straightens typographic apostrophes so "can’t" matches the cue "can't". */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ');
}

/**
 * Finds the cues present in the text. Longer matches win over the shorter ones they overlap
 * ("not urgent" hides "urgent", "security question" hides "security"), and each cue counts
 * once however often it appears, so repeating a word cannot inflate a score.
 */
function findHits<L extends string>(text: string, cues: readonly Cue<L>[]): Hit<L>[] {
  const all: Hit<L>[] = [];
  for (const cue of cues) {
    cue.regex.lastIndex = 0;
    for (const match of text.matchAll(cue.regex)) {
      const name = cue.name === 'word' ? match[0].replace(/\s+/g, ' ') : cue.name.label;
      all.push({ cue, start: match.index, end: match.index + match[0].length, name });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit<L>[] = [];
  const seen = new Set<Cue<L>>();
  for (const hit of all) {
    if (seen.has(hit.cue)) continue;
    if (kept.some((k) => hit.start < k.end && k.start < hit.end)) continue;
    kept.push(hit);
    seen.add(hit.cue);
  }
  return kept.sort((a, b) => a.start - b.start);
}

interface Winner<L extends string> {
  label: L;
  cues: string[];
}

function pickWinner<L extends string>(hits: readonly Hit<L>[], precedence: readonly L[]): Winner<L> | null {
  if (hits.length === 0) return null;
  const scores = new Map<L, number>();
  for (const hit of hits) scores.set(hit.cue.label, (scores.get(hit.cue.label) ?? 0) + hit.cue.weight);
  let best: L | null = null;
  for (const label of precedence) {
    const score = scores.get(label) ?? 0;
    if (score > 0 && (best === null || score > (scores.get(best) ?? 0))) best = label;
  }
  if (best === null) return null;
  const winner = best;
  return { label: winner, cues: hits.filter((h) => h.cue.label === winner && h.cue.weight > 0).map((h) => h.name) };
}

function quoteCues(cues: readonly string[]): string {
  return cues
    .slice(0, REASON_CUES_SHOWN)
    .map((c) => `"${c}"`)
    .join(', ');
}

/** The answer when the text carries no recognisable signal at all. */
export const DEFAULT_SUGGESTION: Readonly<Suggestion> = Object.freeze({
  category: GENERAL,
  priority: MEDIUM,
  source: ClassificationSource.DEFAULT,
  reason: null,
});

function findWinners(description: string) {
  const text = normalize(description);
  return {
    category: pickWinner(findHits(text, COMPILED_CATEGORY_CUES), CATEGORY_PRECEDENCE),
    priority: pickWinner(findHits(text, COMPILED_PRIORITY_CUES), PRIORITY_PRECEDENCE),
  };
}

/** A field's keyword evidence: each label's summed cue weight and the cues that gave it. */
export interface KeywordVotes<L extends string> {
  scores: Map<L, number>;
  cues: Map<L, string[]>;
}

function votesOf<L extends string>(hits: readonly Hit<L>[]): KeywordVotes<L> {
  const scores = new Map<L, number>();
  const cues = new Map<L, string[]>();
  for (const { cue, name } of hits) {
    scores.set(cue.label, (scores.get(cue.label) ?? 0) + cue.weight);
    if (cue.weight > 0) cues.set(cue.label, [...(cues.get(cue.label) ?? []), name]);
  }
  return { scores, cues };
}

/** The keyword evidence behind `classifyLocally`, for a classifier that weighs it against other evidence. */
export function keywordVotes(description: string): { category: KeywordVotes<TicketCategory>; priority: KeywordVotes<TicketPriority> } {
  const text = normalize(description);
  return { category: votesOf(findHits(text, COMPILED_CATEGORY_CUES)), priority: votesOf(findHits(text, COMPILED_PRIORITY_CUES)) };
}

/** Why each field has its value, on its own: for an answer completed field by field. */
export function localFieldReasons(description: string): FieldReasons {
  const { category, priority } = findWinners(description);
  return {
    category: category ? `keyword match on ${category.label} cues ${quoteCues(category.cues)}` : `no category cues, so ${GENERAL}`,
    priority: priority ? `keyword match on ${priority.label} priority cues ${quoteCues(priority.cues)}` : `no priority cues, so ${MEDIUM}`,
  };
}

/** Synchronous core, exported for the fallback classifier's per-field fallback and for tests. */
export function classifyLocally(description: string): Suggestion {
  const { category, priority } = findWinners(description);
  if (!category && !priority) return { ...DEFAULT_SUGGESTION };

  const parts: string[] = [];
  if (category) parts.push(`${category.label} cues ${quoteCues(category.cues)}`);
  if (priority) parts.push(`${priority.label} priority cues ${quoteCues(priority.cues)}`);
  return {
    category: category?.label ?? GENERAL,
    priority: priority?.label ?? MEDIUM,
    source: ClassificationSource.LOCAL,
    reason: `Keyword match: ${parts.join('; ')}.`,
  };
}

export function createLocalClassifier(): Classifier {
  return {
    classify: (description) => Promise.resolve(classifyLocally(description)),
  };
}
