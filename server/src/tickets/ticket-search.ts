// What a search of the tickets list looks for, outside SQL: its terms (every one must
// appear, case-insensitively and literally: `%` and `_` are no wildcards, as the
// repository's escaped ILIKE has it), where the first of them appears in a text, and
// the excerpt of a description around that place. Free of imports so that the web
// app's highlighting is tested against exactly these definitions
// (web/src/features/tickets/search-highlight.test.ts).

/** The terms of a search, every one of which must match. */
export function searchTerms(search: string): string[] {
  // DRF's SearchFilter drops NUL characters (PostgreSQL text cannot hold them) and
  // splits on whitespace (and commas).
  return search
    .replaceAll('\u0000', '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** Characters with a meaning in a `u` regular expression, escaped to match themselves. */
const REGEXP_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/**
 * A pattern that finds any of `terms` in a text, ignoring case (Unicode simple case
 * folding, as ILIKE compares letters); longer terms first, so that at one place
 * "printer" is found rather than "print". Null without terms.
 */
export function termsPattern(terms: readonly string[], flags = 'iu'): RegExp | null {
  if (terms.length === 0) return null;
  const alternatives = [...new Set(terms)].sort((a, b) => b.length - a.length).map((t) => t.replace(REGEXP_SYNTAX, '\\$&'));
  return new RegExp(alternatives.join('|'), flags);
}

/** `Ticket.excerpt(length:)`: its default and the range a client may ask for, in code points. */
export const EXCERPT_LENGTH = { default: 160, min: 20, max: 500 } as const;

/** How far into the excerpt the first match starts: some words before it give it context. */
const LEAD_SHARE = 0.25;
/** How far an end of the excerpt may move to fall between words instead of inside one. */
const WORD_SLACK = 20;
const ELLIPSIS = '…';

/**
 * At most `length` code points of `text` (whitespace runs as one space), around the
 * first place where a term appears, or from its start when none does; each end that
 * cuts the text is marked with an ellipsis (counted in `length`).
 */
export function excerptAround(text: string, terms: readonly string[], length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= length) return flat;
  const match = termsPattern(terms)?.exec(flat);
  // In code points, as `length` counts.
  const matchStart = match ? Array.from(flat.slice(0, match.index)).length : 0;
  const matchEnd = match ? matchStart + Array.from(match[0]).length : 0;

  // The match stays near the excerpt's start, where a one-line snippet still shows it;
  // a match near the text's end makes a shorter excerpt rather than one starting earlier.
  let start = match ? Math.max(0, matchStart - Math.floor(length * LEAD_SHARE)) : 0;
  // Room for the text between the ellipses: one before when cut there, one after.
  let end = start + length - (start > 0 ? 1 : 0) - 1;
  if (end >= chars.length - 1) end = chars.length;
  if (start > 0) {
    const space = chars.indexOf(' ', start - 1);
    if (space !== -1 && space - start < WORD_SLACK && (!match || space < matchStart)) start = space + 1;
  }
  if (end < chars.length && chars[end] !== ' ') {
    const space = chars.lastIndexOf(' ', end);
    if (space !== -1 && end - space < WORD_SLACK && space >= matchEnd) end = space;
  }
  const body = chars.slice(start, end).join('').trim();
  return `${start > 0 ? ELLIPSIS : ''}${body}${end < chars.length ? ELLIPSIS : ''}`;
}
