// Unit tables for turning model text into a classification: extraction, per-field validation,
// and per-field fallback.
import { describe, expect, it } from 'vitest';
import { extractJsonObject, isUnusable, mergeWithFallback, parseClassificationText, REASON_MAX } from '../../src/classifier/parse.js';
import { TicketCategory, TicketPriority } from '../../src/tickets/ticket.enums.js';

type Expected = { category: TicketCategory | null; priority: TicketPriority | null; reason: string | null };

const valueOf = <T>(field: { ok: true; value: T } | { ok: false }) => (field.ok ? field.value : null);

describe('parseClassificationText', () => {
  it.each<[string, string | null | undefined, Expected]>([
    [
      'plain JSON',
      '{"category":"billing","priority":"high","reason":"Double charge."}',
      { category: TicketCategory.BILLING, priority: TicketPriority.HIGH, reason: 'Double charge.' },
    ],
    [
      'JSON without reason',
      '{"category":"technical","priority":"critical"}',
      { category: TicketCategory.TECHNICAL, priority: TicketPriority.CRITICAL, reason: null },
    ],
    [
      '```json fence',
      '```json\n{"category":"account","priority":"low"}\n```',
      { category: TicketCategory.ACCOUNT, priority: TicketPriority.LOW, reason: null },
    ],
    [
      'bare ``` fence',
      '```\n{"category":"general","priority":"medium"}\n```',
      { category: TicketCategory.GENERAL, priority: TicketPriority.MEDIUM, reason: null },
    ],
    [
      'prose around JSON',
      'Sure! Here is the classification:\n{"category":"billing","priority":"medium"}\nLet me know if you need more.',
      { category: TicketCategory.BILLING, priority: TicketPriority.MEDIUM, reason: null },
    ],
    [
      'stray brace in prose before the JSON',
      'Note: I used { as a bullet. {"category":"account","priority":"high"}',
      { category: TicketCategory.ACCOUNT, priority: TicketPriority.HIGH, reason: null },
    ],
    [
      'two objects: the first one wins',
      '{"category":"billing","priority":"low"} {"category":"technical","priority":"high"}',
      { category: TicketCategory.BILLING, priority: TicketPriority.LOW, reason: null },
    ],
    [
      'upper case values',
      '{"category":"BILLING","priority":"High"}',
      { category: TicketCategory.BILLING, priority: TicketPriority.HIGH, reason: null },
    ],
    [
      'padded values',
      '{"category":"  technical ","priority":"low\\n"}',
      { category: TicketCategory.TECHNICAL, priority: TicketPriority.LOW, reason: null },
    ],
    [
      'nested braces inside strings',
      '{"category":"technical","priority":"medium","reason":"User typed {\\"a\\": {}} into a form } and {"}',
      { category: TicketCategory.TECHNICAL, priority: TicketPriority.MEDIUM, reason: 'User typed {"a": {}} into a form } and {' },
    ],
    ['invented category', '{"category":"sales","priority":"high"}', { category: null, priority: TicketPriority.HIGH, reason: null }],
    ['invented priority', '{"category":"billing","priority":"urgent"}', { category: TicketCategory.BILLING, priority: null, reason: null }],
    ['missing priority', '{"category":"account"}', { category: TicketCategory.ACCOUNT, priority: null, reason: null }],
    [
      'missing category',
      '{"priority":"low","reason":"A question."}',
      { category: null, priority: TicketPriority.LOW, reason: 'A question.' },
    ],
    ['null fields', '{"category":null,"priority":null}', { category: null, priority: null, reason: null }],
    ['non-string fields', '{"category":1,"priority":["high"],"reason":42}', { category: null, priority: null, reason: null }],
    [
      'array instead of object',
      '[{"category":"billing","priority":"high"}]',
      { category: TicketCategory.BILLING, priority: TicketPriority.HIGH, reason: null },
    ],
    ['garbage', 'I cannot classify this ticket.', { category: null, priority: null, reason: null }],
    ['truncated JSON', '{"category":"billing","priority":"hi', { category: null, priority: null, reason: null }],
    ['empty string', '', { category: null, priority: null, reason: null }],
    ['whitespace', '  \n ', { category: null, priority: null, reason: null }],
    ['undefined', undefined, { category: null, priority: null, reason: null }],
    ['null', null, { category: null, priority: null, reason: null }],
    [
      'a reason with nothing visible',
      '{"category":"billing","priority":"low","reason":"\\u200b\\u2060"}',
      { category: TicketCategory.BILLING, priority: TicketPriority.LOW, reason: null },
    ],
    ['pathological braces', '{'.repeat(5000), { category: null, priority: null, reason: null }],
  ])('%s', (_name, text, expected) => {
    const parsed = parseClassificationText(text);
    expect({ category: valueOf(parsed.category), priority: valueOf(parsed.priority), reason: parsed.reason }).toEqual(expected);
  });

  it.each([
    ['invented category', '{"category":"sales","priority":"low"}', /category "sales" is not one of/],
    ['missing field', '{"priority":"low"}', /category missing/],
    ['no JSON', 'nope', /no JSON object/],
  ])('explains why a field is invalid: %s', (_name, text, problem) => {
    const parsed = parseClassificationText(text);
    expect(parsed.category.ok).toBe(false);
    if (!parsed.category.ok) expect(parsed.category.problem).toMatch(problem);
  });

  it('caps and collapses the reason', () => {
    const parsed = parseClassificationText(JSON.stringify({ category: 'billing', priority: 'low', reason: `a  \n b ${'x'.repeat(1000)}` }));
    expect(parsed.reason?.startsWith('a b x')).toBe(true);
    expect(parsed.reason?.length).toBe(REASON_MAX);
  });
});

describe('extractJsonObject', () => {
  it.each<[string, string, Record<string, unknown> | null]>([
    ['whole text', ' {"a":1} ', { a: 1 }],
    ['escaped quote inside string', 'x {"a":"say \\"}\\" ok"} y', { a: 'say "}" ok' }],
    ['first balanced but invalid, second valid', '{not json} then {"b":2}', { b: 2 }],
    ['unclosed', '{"a":1', null],
    ['no braces', 'hello', null],
  ])('%s', (_name, text, expected) => {
    expect(extractJsonObject(text)).toEqual(expected);
  });
});

describe('mergeWithFallback', () => {
  const fallback = {
    category: TicketCategory.ACCOUNT,
    priority: TicketPriority.HIGH,
    reason: 'Keyword match: account cues "password"; high priority cues "locked out".',
  };
  const because = { category: 'keyword match on account cues "password"', priority: 'keyword match on high priority cues "locked out"' };
  const billingReason = 'Billing: the customer was charged twice, which is urgent.';

  it.each<[string, string, TicketCategory, TicketPriority, string[], string | null]>([
    [
      'both valid, with a reason',
      '{"category":"billing","priority":"low","reason":"r"}',
      TicketCategory.BILLING,
      TicketPriority.LOW,
      [],
      'r',
    ],
    ['both valid, no reason', '{"category":"billing","priority":"low"}', TicketCategory.BILLING, TicketPriority.LOW, [], null],
    [
      'category invalid: the local category is explained, not Gemini’s',
      `{"category":"refunds","priority":"low","reason":"${billingReason}"}`,
      TicketCategory.ACCOUNT,
      TicketPriority.LOW,
      ['category'],
      'Priority from Gemini; category from the offline classifier, as Gemini’s was not usable (keyword match on account cues "password").',
    ],
    [
      'priority missing: the local priority is explained, not Gemini’s',
      `{"category":"billing","reason":"${billingReason}"}`,
      TicketCategory.BILLING,
      TicketPriority.HIGH,
      ['priority'],
      'Category from Gemini; priority from the offline classifier, as Gemini’s was not usable (keyword match on high priority cues "locked out").',
    ],
    [
      'priority invented, no reason given',
      '{"category":"technical","priority":"p0"}',
      TicketCategory.TECHNICAL,
      TicketPriority.HIGH,
      ['priority'],
      'Category from Gemini; priority from the offline classifier, as Gemini’s was not usable (keyword match on high priority cues "locked out").',
    ],
    [
      'both invalid: the local answer and its reason',
      'garbage',
      TicketCategory.ACCOUNT,
      TicketPriority.HIGH,
      ['category', 'priority'],
      fallback.reason,
    ],
  ])('%s', (_name, text, category, priority, fellBack, reason) => {
    expect(mergeWithFallback(parseClassificationText(text), fallback, because)).toEqual({ category, priority, fellBack, reason });
  });

  // Gemini's reason argues for its whole answer; once a field of that answer is replaced,
  // quoting it would justify a value the agent is not shown.
  it.each([
    `{"category":"refunds","priority":"critical","reason":"${billingReason}"}`,
    `{"category":"billing","priority":"asap","reason":"${billingReason}"}`,
    `{"category":"billing","reason":"${billingReason}"}`,
  ])('never keeps Gemini’s reason once a field fell back: %s', (text) => {
    const merged = mergeWithFallback(parseClassificationText(text), fallback, because);
    expect(merged.fellBack).toHaveLength(1);
    expect(merged.reason).not.toContain('Billing');
  });

  it.each([
    ['{"category":"billing","priority":"low"}', false],
    ['{"category":"billing","priority":"nope"}', false],
    ['{"category":"nope","priority":"nope"}', true],
    ['', true],
  ])('isUnusable(%j) is %s', (text, unusable) => {
    expect(isUnusable(parseClassificationText(text))).toBe(unusable);
  });
});
