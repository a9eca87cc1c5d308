// The live length checks count Unicode code points, as the server (PostgreSQL's varchar,
// DRF) does: an emoji is one character, not the two UTF-16 units JavaScript sees.
import { describe, expect, it } from 'vitest';
import { TICKET_DESCRIPTION_MAX as DESCRIPTION_MAX, TICKET_TITLE_MAX as TITLE_MAX } from '../../gql/limits.js';
import { descriptionProblem, titleProblem } from './ticket-validation.js';

describe('length checks', () => {
  it.each([
    ['a title of exactly the limit in emoji', () => titleProblem('😀'.repeat(TITLE_MAX)), null],
    ['a title one emoji over', () => titleProblem('😀'.repeat(TITLE_MAX + 1)), /too long: 201 of at most 200/],
    ['a description of exactly the limit in emoji', () => descriptionProblem('😀'.repeat(DESCRIPTION_MAX)), null],
    ['a title of zero-width characters only', () => titleProblem('\u200b\u2060\ufeff'), /Enter a title/],
    ['a description of whitespace and joiners only', () => descriptionProblem(' \u200d\n\u200c '), /Describe the request/],
    ['a title with half an emoji', () => titleProblem('Broken \ud83d'), /broken character/],
    ['a description with a lone low surrogate', () => descriptionProblem('a\udc00b'), /broken character/],
    ['a title with one visible letter among invisible ones', () => titleProblem('\u200bA'), null],
    ['a description one emoji over', () => descriptionProblem('😀'.repeat(DESCRIPTION_MAX + 1)), /too long: 20,001 of at most 20,000/],
  ])('%s', (_case, check, expected) => {
    const problem = check();
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
