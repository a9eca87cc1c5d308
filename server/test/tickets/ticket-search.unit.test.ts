// The search's terms and the excerpt of a description around the first of them:
// bounded in code points with its ellipses, centred a little after the match's start,
// ending between words where it can, and literal about `%`, `_` and regex syntax.
import { describe, expect, it } from 'vitest';
import { EXCERPT_LENGTH, excerptAround, searchTerms, termsPattern } from '../../src/tickets/ticket-search.js';
import { codePointLength, hasLoneSurrogate } from '../../src/tickets/ticket-text.js';

const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `word${from + i}`).join(' ');

describe('searchTerms', () => {
  it.each([
    ['one term', 'refund', ['refund']],
    ['whitespace and commas split', ' refund,  double\tcharge\n', ['refund', 'double', 'charge']],
    ['NUL characters are dropped', 're\u0000fund', ['refund']],
    ['wildcards are kept as text', '100% a_b', ['100%', 'a_b']],
    ['blank', '  , ', []],
  ])('%s', (_case, search, terms) => {
    expect(searchTerms(search)).toEqual(terms);
  });
});

describe('termsPattern', () => {
  it.each([
    ['ignores case', ['REFUND'], 'a refund please', 'refund'],
    ['prefers the longer term at one place', ['print', 'printer'], 'the printer jams', 'printer'],
    ['matches % and _ literally', ['a_b'], 'axb a_b', 'a_b'],
    ['matches regex syntax literally', ['(x)'], 'x (x)', '(x)'],
    ['finds the earliest of several terms', ['zeta', 'alpha'], 'alpha then zeta', 'alpha'],
  ])('%s', (_case, terms, text, found) => {
    expect(termsPattern(terms)?.exec(text)?.[0]).toBe(found);
  });

  it('is null without terms', () => {
    expect(termsPattern([])).toBeNull();
  });
});

describe('excerptAround', () => {
  const long = `${words(100)} the invoice was doubled ${words(100, 100)}`;

  it.each([
    ['a short text whole, whitespace runs as one space', 'Printer\n\n  on   fire', ['fire'], 160, 'Printer on fire'],
    ['no terms: the start, cut between words', words(40), [], 40, 'word0 word1 word2 word3 word4 word5…'],
    ['a match near the start: from the start', `refund ${words(40)}`, ['refund'], 30, 'refund word0 word1 word2…'],
  ])('%s', (_case, text, terms, length, excerpt) => {
    expect(excerptAround(text, terms, length)).toBe(excerpt);
  });

  it.each([20, 60, EXCERPT_LENGTH.default, EXCERPT_LENGTH.max])('keeps a match inside %i code points, ellipses included', (length) => {
    const excerpt = excerptAround(long, ['INVOICE'], length);
    expect(codePointLength(excerpt)).toBeLessThanOrEqual(length);
    expect(excerpt).toMatch(/invoice/);
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
  });

  it('puts some words before the match, and starts and ends between words', () => {
    const excerpt = excerptAround(long, ['invoice'], 80);
    const before = excerpt.slice(1, excerpt.indexOf('the invoice'));
    expect(before.length).toBeGreaterThan(5);
    expect(excerpt).toMatch(/^…word\d+ .* word\d+…$/);
  });

  it('keeps a match near the end near the start too, ending with the text, no ellipsis after', () => {
    const text = `${words(100)} the invoice arrived`;
    const excerpt = excerptAround(text, ['invoice'], 60);
    expect(excerpt).toMatch(/^…(word\d+ )+the invoice arrived$/);
    expect(excerpt.indexOf('invoice')).toBeLessThanOrEqual(60 / 4 + 1);
  });

  it('starts at the beginning when the match is only in the title', () => {
    expect(excerptAround(words(100), ['refund'], 30).startsWith('word0 ')).toBe(true);
  });

  it('counts code points: emoji are never cut in half', () => {
    const excerpt = excerptAround(`${'😀 '.repeat(100)}refund ${'😀 '.repeat(100)}`, ['refund'], 21);
    expect(excerpt).toMatch(/refund/);
    expect(hasLoneSurrogate(excerpt)).toBe(false);
    expect(codePointLength(excerpt)).toBeLessThanOrEqual(21);
  });

  it('treats % and _ as text, not wildcards', () => {
    const text = `${words(60)} 100% sure ${words(60, 60)} 100x sure`;
    expect(excerptAround(text, ['100%'], 40)).toMatch(/100% sure/);
    expect(excerptAround(`${words(60)} axb ${words(60, 60)} a_b`, ['a_b'], 30)).toMatch(/a_b/);
  });
});
