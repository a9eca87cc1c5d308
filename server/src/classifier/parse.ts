// Turns the text a model returned into a classification, strictly and without throwing: the JSON
// may be fenced or wrapped in prose, and each field is validated on its own so that one bad
// field falls back alone instead of discarding the whole answer.
import { TICKET_CATEGORIES, TICKET_PRIORITIES, type TicketCategory, type TicketPriority } from '../tickets/ticket.enums.js';
import { isBlankText } from '../tickets/ticket-text.js';
import type { Suggestion } from './classifier.js';

/** A field the model answered usably, or why it did not. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface ParsedAnswer {
  category: FieldResult<TicketCategory>;
  priority: FieldResult<TicketPriority>;
  /** The model's justification, trimmed and capped; null when absent or not text. */
  reason: string | null;
}

/** The fields a classifier decides (and a model's answer may get wrong one at a time). */
export type SuggestedField = 'category' | 'priority';

export interface MergedAnswer {
  /** Model values where valid, fallback values elsewhere. */
  category: TicketCategory;
  priority: TicketPriority;
  reason: string | null;
  /** Fields whose value came from the fallback because the model's was missing or invalid. */
  fellBack: SuggestedField[];
}

export const REASON_MAX = 300;
/** Model output is small; anything much longer is not a classification and is not scanned. */
const TEXT_MAX = 20_000;
const MAX_OBJECT_STARTS = 20;

/**
 * Returns the first JSON object in the text: the whole text if it is one, otherwise the first
 * balanced `{…}` that parses. Braces inside JSON strings are skipped, so a reason such as
 * "user typed {oops}" does not end the object early.
 */
export function extractJsonObject(text: string): Record<string, unknown> | null {
  const whole = tryParseObject(text.trim());
  if (whole) return whole;
  let from = text.indexOf('{');
  // Bounded so that a pathological "{{{{…" costs linear, not quadratic, time.
  for (let attempts = 0; from !== -1 && attempts < MAX_OBJECT_STARTS; attempts++) {
    const end = findBalancedEnd(text, from);
    const candidate = end === -1 ? null : tryParseObject(text.slice(from, end + 1));
    if (candidate) return candidate;
    from = text.indexOf('{', from + 1);
  }
  return null;
}

function tryParseObject(text: string): Record<string, unknown> | null {
  if (!text.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function findBalancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

function enumField<T extends string>(raw: unknown, allowed: readonly T[], name: string): FieldResult<T> {
  if (raw === undefined || raw === null) return { ok: false, problem: `${name} missing` };
  if (typeof raw !== 'string') return { ok: false, problem: `${name} is not a string` };
  const value = raw.trim().toLowerCase();
  const match = allowed.find((a) => a === value);
  return match ? { ok: true, value: match } : { ok: false, problem: `${name} "${raw.slice(0, 40)}" is not one of ${allowed.join('|')}` };
}

function cleanReason(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.replace(/\s+/g, ' ').trim();
  if (isBlankText(text)) return null;
  return text.length > REASON_MAX ? `${text.slice(0, REASON_MAX - 1)}…` : text;
}

/** Parses a model's text answer; never throws. */
export function parseClassificationText(text: string | null | undefined): ParsedAnswer {
  if (typeof text !== 'string' || !text.trim()) {
    return { category: { ok: false, problem: 'empty answer' }, priority: { ok: false, problem: 'empty answer' }, reason: null };
  }
  const json = text.length <= TEXT_MAX ? extractJsonObject(text) : null;
  if (!json) {
    return { category: { ok: false, problem: 'no JSON object' }, priority: { ok: false, problem: 'no JSON object' }, reason: null };
  }
  return {
    category: enumField(json.category, TICKET_CATEGORIES, 'category'),
    priority: enumField(json.priority, TICKET_PRIORITIES, 'priority'),
    reason: cleanReason(json.reason),
  };
}

/** True when neither field is usable, i.e. the answer contributes nothing. */
export function isUnusable(answer: ParsedAnswer): boolean {
  return !answer.category.ok && !answer.priority.ok;
}

/** Why the fallback chose each field on its own (`keyword match on … cues "…"`). */
export type FieldReasons = Record<SuggestedField, string>;

const FIELD_LABEL: Record<SuggestedField, string> = { category: 'category', priority: 'priority' };

/**
 * Fills each invalid field from the fallback independently, with a reason that matches the
 * answer shown. Gemini's reason argues for its whole answer, so it is kept only when both
 * fields are Gemini's (a missing one is not replaced by the fallback's, which would explain
 * other values). With one field replaced, the reason says which field came from where and
 * why the fallback chose its value; with both, the answer and its reason are the fallback's.
 */
export function mergeWithFallback(
  answer: ParsedAnswer,
  fallback: Pick<Suggestion, 'category' | 'priority' | 'reason'>,
  fallbackBecause: FieldReasons,
): MergedAnswer {
  const fellBack: SuggestedField[] = [];
  if (!answer.category.ok) fellBack.push('category');
  if (!answer.priority.ok) fellBack.push('priority');
  let reason: string | null;
  if (fellBack.length === 0) reason = answer.reason;
  else if (fellBack.length === 2) reason = fallback.reason;
  else {
    const local = fellBack[0]!;
    const gemini: SuggestedField = local === 'category' ? 'priority' : 'category';
    const geminiLabel = FIELD_LABEL[gemini];
    reason =
      `${geminiLabel[0]!.toUpperCase()}${geminiLabel.slice(1)} from Gemini; ${FIELD_LABEL[local]} from the offline classifier, ` +
      `as Gemini’s was not usable (${fallbackBecause[local]}).`;
  }
  return {
    category: answer.category.ok ? answer.category.value : fallback.category,
    priority: answer.priority.ok ? answer.priority.value : fallback.priority,
    reason,
    fellBack,
  };
}
