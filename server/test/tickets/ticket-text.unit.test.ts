// Unit tables for what counts as text in a ticket field (ticket-text.ts): blank, broken
// (lone surrogates) and length in code points. The web app checks its own copies against
// these in web/src/common/characters.test.ts; this keeps the server's feedback in the server.
import { describe, expect, it } from 'vitest';
import { codePointLength, hasLoneSurrogate, isBlankText } from '../../src/tickets/ticket-text.js';

describe('isBlankText', () => {
  it.each<[string, string, boolean]>([
    ['empty', '', true],
    ['whitespace', ' \t\r\n\u00a0\u3000', true],
    ['control characters', '\u0001\u007f', true],
    ['zero-width space, joiners, word joiner', '\u200b\u200c\u200d\u2060', true],
    ['byte order mark and bidi marks', '\ufeff\u200e\u202e', true],
    ['Hangul filler and a variation selector', '\u3164\ufe0f', true],
    ['a tag character', '\u{e0041}', true],
    ['a letter', 'a', false],
    ['a letter among invisible characters', '\u200ba\u200b', false],
    ['an emoji', '😀', false],
    ['a punctuation mark', '.', false],
  ])('%s', (_case, text, blank) => {
    expect(isBlankText(text)).toBe(blank);
  });
});

describe('hasLoneSurrogate', () => {
  it.each<[string, string, boolean]>([
    ['plain text', 'abc', false],
    ['a well-formed pair', '😀', false],
    ['a lone high surrogate at the end', 'abc\ud83d', true],
    ['a lone low surrogate at the start', '\ude00abc', true],
    ['a pair written backwards', '\ude00\ud83d', true],
  ])('%s', (_case, text, lone) => {
    expect(hasLoneSurrogate(text)).toBe(lone);
  });
});

describe('codePointLength', () => {
  it.each<[string, string, number]>([
    ['empty', '', 0],
    ['ASCII', 'abc', 3],
    ['an accented letter, precomposed', 'é', 1],
    ['an accented letter, combining', 'e\u0301', 2],
    ['emoji outside the BMP', '😀😀', 2],
    ['CJK extension B', '𠀀', 1],
  ])('%s', (_case, text, length) => {
    expect(codePointLength(text)).toBe(length);
  });
});
