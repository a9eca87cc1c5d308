// Lengths in code points, as the server counts them; clipping never splits a surrogate pair;
// blank and broken text judged exactly as the server judges it.
import { describe, expect, it } from 'vitest';
import * as server from '../../../server/src/tickets/ticket-text.js';
import { characterCount, clipCharacters, hasLoneSurrogate, isBlankText } from './characters.js';

describe('characterCount', () => {
  it.each([
    ['plain text', 'abc', 3],
    ['emoji outside the BMP', '😀😀', 2],
    ['surrounding whitespace is not counted', '  é😀 ', 2],
    ['CJK extension B', '𠀀𠀁', 2],
    ['blank', '   ', 0],
  ])('%s', (_case, text, count) => {
    expect(characterCount(text)).toBe(count);
  });
});

describe('clipCharacters', () => {
  it.each([
    ['shorter text is kept', 'abc', 5, 'abc'],
    ['emoji count as one each', '😀😀😀', 2, '😀😀'],
    ['mixed text', 'a😀b😀', 3, 'a😀b'],
  ])('%s', (_case, text, max, clipped) => {
    expect(clipCharacters(text, max)).toBe(clipped);
  });
});

describe('isBlankText and hasLoneSurrogate', () => {
  it.each([
    ['empty', '', true, false],
    ['spaces, tabs and newlines', ' \t\n\r ', true, false],
    ['a zero-width space', '\u200b', true, false],
    ['zero-width joiners and a word joiner', '\u200c\u200d\u2060', true, false],
    ['a byte order mark', '\ufeff', true, false],
    ['bidi marks and a soft hyphen', '\u200e\u202e\u00ad', true, false],
    ['a Hangul filler', '\u3164', true, false],
    ['a variation selector', '\ufe0f', true, false],
    ['a tag character', '\u{e0041}', true, false],
    ['a Braille pattern blank', '\u2800', true, false],
    ['a musical null notehead', '\u{1d159}', true, false],
    ['combining marks with no base', '\u0301\u0301', true, false],
    ['a combining mark on a space', ' \u20dd ', true, false],
    ['a letter with a combining mark', 'e\u0301', false, false],
    ['a syllable with spacing and non-spacing marks', 'नमस्ते', false, false],
    ['one visible letter among invisible ones', '\u200bA\u200b', false, false],
    ['an emoji ZWJ sequence', '👩\u200d💻', false, false],
    ['a lone high surrogate', '\ud800', false, true],
    ['a lone low surrogate in text', 'a\udc00b', false, true],
    ['a well-formed pair', '😀', false, false],
  ])('%s', (_case, text, blank, broken) => {
    expect([isBlankText(text), hasLoneSurrogate(text)]).toEqual([blank, broken]);
    expect([server.isBlankText(text), server.hasLoneSurrogate(text)]).toEqual([blank, broken]);
  });

  // The web mirrors the server's definitions for live feedback; they must never disagree,
  // so every code point (lone surrogates included) is judged by both. Each definition is a
  // set of characters, so agreeing on every one of them is agreeing on every text.
  it('agrees with the server on every code point', () => {
    const disagreements: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const text = String.fromCodePoint(cp);
      if (isBlankText(text) !== server.isBlankText(text) || hasLoneSurrogate(text) !== server.hasLoneSurrogate(text)) {
        disagreements.push(cp.toString(16));
      }
    }
    expect(disagreements).toEqual([]);
    expect(characterCount(' a😀\u200b ')).toBe(server.codePointLength(' a😀\u200b '.trim()));
  });
});
