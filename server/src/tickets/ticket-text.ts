// What counts as text in a ticket field: when it is blank, when it is not well-formed
// Unicode, and how long it is. Free of imports so that the web app's live checks can be
// tested against exactly these definitions (web/src/common/characters.test.ts).

/**
 * Characters that show nothing: whitespace, controls, format characters (zero-width
 * space and joiners, word joiner, bidi marks, the BOM, tag characters…) and the other
 * default-ignorable code points (Hangul fillers, variation selectors). A text made only
 * of these is blank, however many of them it holds.
 */
const INVISIBLE_ONLY = /^[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*$/u;

export function isBlankText(text: string): boolean {
  return INVISIBLE_ONLY.test(text);
}

/**
 * A lone UTF-16 surrogate: half of a pair, which no UTF-8 text can hold (PostgreSQL and
 * every client would see U+FFFD instead). With the `u` flag, a correct pair is one code
 * point and does not match.
 */
const LONE_SURROGATE = /\p{Cs}/u;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** Code points, as PostgreSQL's varchar and DRF count them (an emoji is one). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
