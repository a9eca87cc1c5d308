// Lengths in code points, as the server counts them; clipping never splits a surrogate pair.
import { describe, expect, it } from 'vitest';
import { characterCount, clipCharacters } from './characters.js';

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
