// Text as the server measures and judges it: lengths in Unicode code points (as
// PostgreSQL's varchar and DRF count them; `String.length` counts UTF-16 units, so an
// emoji would count twice and text the server accepts would be refused or cut in half),
// and blank or broken text by the server's definitions (server/src/tickets/ticket-text.ts;
// characters.test.ts checks that both agree on every code point).

/** Code points of the trimmed text: what the server measures against its limits. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text.trim()) count += 1;
  return count;
}

/** At most `max` code points of `text`, never cutting an emoji in half. */
export function clipCharacters(text: string, max: number): string {
  return Array.from(text).slice(0, max).join('');
}

/**
 * No character that is text by itself: only whitespace, controls, zero-width and other format
 * or default-ignorable characters, the blank-drawn U+2800 and U+1D159, and combining marks.
 */
export function isBlankText(text: string): boolean {
  return /^[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{M}\u2800\u{1d159}]*$/u.test(text);
}

/** Half of a UTF-16 surrogate pair, which the server refuses (it cannot be stored as UTF-8). */
export function hasLoneSurrogate(text: string): boolean {
  return /\p{Cs}/u.test(text);
}
