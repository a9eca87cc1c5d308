// The learning model's pure parts: which words a text teaches, and how a field is
// decided from keyword cues and learned counts.
import { describe, expect, it } from 'vitest';
import {
  decideField,
  LEARNED_TERMS_MAX,
  learningTerms,
  PRIORITY_TEMPERING,
  type FieldCounts,
} from '../../src/classifier/learning.model.js';
import { keywordVotes } from '../../src/classifier/local.classifier.js';
import { CATEGORY_PRECEDENCE, PRIORITY_PRECEDENCE } from '../../src/classifier/local-classifier.cues.js';
import { TicketCategory, TicketPriority } from '../../src/tickets/ticket.enums.js';

const { BILLING, ACCOUNT, GENERAL } = TicketCategory;

describe('learningTerms', () => {
  it.each<[string, string, string[]]>([
    ['lowercases and splits on anything but letters and digits', 'Ledgerleaf-Portal, SYNC!', ['ledgerleaf', 'portal', 'sync']],
    ['drops stopwords and digit-only words, keeps codes', 'The error 404 on e2471 for you', ['error', 'e2471']],
    [
      'folds plurals of four letters or more, not -ss, -us, -is',
      'payouts payout glass bus analysis runs',
      ['payout', 'glass', 'bus', 'analysis', 'runs'],
    ],
    ['counts a word once, in order of first use', 'close close Close', ['close']],
    ['skips one-letter and over-long words', `a b ${'x'.repeat(33)} ok`, ['ok']],
    ['leaves non-ASCII letters out', 'café déjà vu', ['caf', 'vu']],
  ])('%s', (_case, text, terms) => {
    expect(learningTerms(text)).toEqual(terms);
  });

  it(`keeps at most ${LEARNED_TERMS_MAX} terms`, () => {
    expect(learningTerms(Array.from({ length: 200 }, (_, i) => `w${i}x`).join(' '))).toHaveLength(LEARNED_TERMS_MAX);
  });
});

const counts = (docs: [TicketCategory, number][], terms: [string, [TicketCategory, number][]][]): FieldCounts<TicketCategory> => ({
  docs: new Map(docs),
  terms: new Map(terms.map(([term, perLabel]) => [term, new Map(perLabel)])),
});
const decide = (text: string, c: FieldCounts<TicketCategory>) => decideField(CATEGORY_PRECEDENCE, GENERAL, keywordVotes(text).category, c);

describe('decideField', () => {
  it('answers the fallback at an even probability with no evidence at all', () => {
    expect(decide('hello', counts([], []))).toMatchObject({ label: GENERAL, probability: 0.25, evidence: false, cues: [], terms: [] });
  });

  it('follows the keyword cues alone as the keyword classifier does', () => {
    const d = decide('I want a refund', counts([], []));
    expect(d).toMatchObject({ label: BILLING, cues: ['refund'], evidence: true });
    expect(d.probability).toBeGreaterThan(0.9);
  });

  it('names the cue words as the description wrote them', () => {
    expect(decide('Two invoices are missing', counts([], []))).toMatchObject({ label: BILLING, cues: ['invoices'] });
  });

  it('lets a term the team used on many tickets of one label decide', () => {
    const d = decide(
      'quillmark is stuck',
      counts(
        [
          [ACCOUNT, 20],
          [BILLING, 20],
        ],
        [['quillmark', [[ACCOUNT, 20]]]],
      ),
    );
    expect(d).toMatchObject({ label: ACCOUNT, terms: [{ term: 'quillmark', tickets: 20 }] });
  });

  it.each([1, 2, 3])('keeps a strong cue against %i odd ticket(s)', (odd) => {
    const d = decide('refund', counts([[ACCOUNT, odd]], [['refund', [[ACCOUNT, odd]]]]));
    expect(d.label).toBe(BILLING);
  });
});

describe('decideField, tempered (priority)', () => {
  const { LOW, MEDIUM, HIGH } = TicketPriority;
  // Thirty words each used a little more often on low tickets than on others: the
  // noise of a team whose priorities the words barely predict.
  const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
  const weak: FieldCounts<TicketPriority> = {
    docs: new Map([
      [LOW, 100],
      [MEDIUM, 100],
      [HIGH, 100],
    ]),
    terms: new Map(
      words.map((w) => [
        w,
        new Map([
          [LOW, 8],
          [MEDIUM, 5],
          [HIGH, 5],
        ]),
      ]),
    ),
  };
  const text = `urgent: ${words.join(' ')}`;
  const decidePriority = (tempering: number) =>
    decideField(PRIORITY_PRECEDENCE, MEDIUM, keywordVotes(text).priority, weak, tempering).label;

  it('keeps a priority cue against many weakly informative words', () => {
    expect(decidePriority(PRIORITY_TEMPERING)).toBe(HIGH);
  });

  it('would let them outvote the cue summed as naive Bayes sums them', () => {
    expect(decidePriority(0)).toBe(LOW);
  });
});
