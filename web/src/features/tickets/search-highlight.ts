// Which parts of a text a search matched, to mark them in search results: the terms
// and their matching exactly as the server's search has them (server/src/tickets/
// ticket-search.ts; search-highlight.test.ts checks both agree): every whitespace- or
// comma-separated term, case-insensitive, `%` and `_` literal.

/** The terms of a search, every one of which must match. */
export function searchTerms(search: string): string[] {
  return search
    .replaceAll('\u0000', '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

const REGEXP_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** A pattern finding any of `terms` (longer first at one place), ignoring case; null without terms. */
export function termsPattern(terms: readonly string[], flags = 'iu'): RegExp | null {
  if (terms.length === 0) return null;
  const alternatives = [...new Set(terms)].sort((a, b) => b.length - a.length).map((t) => t.replace(REGEXP_SYNTAX, '\\$&'));
  return new RegExp(alternatives.join('|'), flags);
}

export interface TextPart {
  text: string;
  /** A term of the search. */
  match: boolean;
}

// The pattern of the search last marked. A list marks every row's title and excerpt
// with the same search, so it is built once per search, not twice per row. Sharing
// one global pattern is safe: `matchAll` iterates over a copy of it.
let lastPattern: { search: string; pattern: RegExp | null } | null = null;

function markingPattern(search: string): RegExp | null {
  if (lastPattern?.search !== search) lastPattern = { search, pattern: termsPattern(searchTerms(search), 'giu') };
  return lastPattern.pattern;
}

/** `text` cut into the runs a search matched and those between; one unmatched part without a search. */
export function highlightParts(text: string, search: string | null): TextPart[] {
  const pattern = markingPattern(search ?? '');
  if (!pattern || text === '') return text === '' ? [] : [{ text, match: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
