// What counts as text in a ticket field: when it is blank, when it is not well-formed
// Unicode, and how long it is. Free of imports so that the web app's live checks can be
// tested against exactly these definitions (web/src/common/characters.test.ts).

/**
 * Blank text holds no character that is text by itself: it is made only of characters
 * that show nothing, namely whitespace, controls, format characters (zero-width space and
 * joiners, word joiner, bidi marks, the BOM, tag characters…), the other default-ignorable
 * code points (Hangul fillers, variation selectors) and the letters and symbols that are
 * drawn empty (U+2800 Braille pattern blank, U+1D159 musical null notehead), and of
 * combining marks, which only modify a base character and are no text without one (a
 * title of accents alone, or of an enclosing circle on a space). Anything else counts as
 * visible, including code points this Unicode version does not know: a newer emoji is not
 * blank just because the server predates it.
 */
const BLANK_ONLY = /^[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{M}\u2800\u{1d159}]*$/u;

export function isBlankText(text: string): boolean {
  return BLANK_ONLY.test(text);
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
