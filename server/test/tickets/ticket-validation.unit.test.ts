// Unit tables for the ticket input rules (ticket.validation.ts) that GraphQL and REST share:
// free text, choices, ids, dates, the list query, and DRF's Python-style quoting of values.
// No database: a rule's feedback should not wait for one.
import { describe, expect, it } from 'vitest';
import { TICKET_DESCRIPTION_MAX, TICKET_TITLE_MAX, TicketCategory, TicketPriority, TicketStatus } from '../../src/tickets/ticket.enums.js';
import { TicketError, type TicketIssue } from '../../src/tickets/ticket.errors.js';
import { SEARCH_MAX_LENGTH, validateTicketQuery } from '../../src/tickets/ticket-query.js';
import {
  EARLIEST_DATE,
  isStorableDate,
  LATEST_DATE,
  parseTicketId,
  pythonStr,
  validateChoice,
  validateCreateTicket,
  validateText,
  validateUpdateTicket,
} from '../../src/tickets/ticket.validation.js';

type FieldCode = Pick<TicketIssue, 'field' | 'code'>;

/** The fields and codes a validation refused with, or [] when it passed. */
function refusal(run: () => unknown): FieldCode[] {
  try {
    run();
    return [];
  } catch (error) {
    if (!(error instanceof TicketError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    return error.issues.map(({ field, code }) => ({ field, code }));
  }
}

const VALID = { title: 'Refund', description: 'I was charged twice.' };

describe('validateText', () => {
  it.each<[string, unknown, { required: boolean; max: number }, string | undefined, FieldCode['code'] | null]>([
    ['plain text', 'hello', { required: true, max: 10 }, 'hello', null],
    ['surrounding whitespace is trimmed', '  hello \n', { required: true, max: 10 }, 'hello', null],
    ['a number becomes text, as DRF’s CharField reads it', 42, { required: true, max: 10 }, '42', null],
    ['exactly max code points', 'x'.repeat(10), { required: true, max: 10 }, 'x'.repeat(10), null],
    ['an emoji counts as one', '😀'.repeat(10), { required: true, max: 10 }, '😀'.repeat(10), null],
    ['whitespace beyond max is trimmed first', ` ${'x'.repeat(10)} `, { required: true, max: 10 }, 'x'.repeat(10), null],
    ['one past max', 'x'.repeat(11), { required: true, max: 10 }, undefined, 'TOO_LONG'],
    ['missing and required', undefined, { required: true, max: 10 }, undefined, 'REQUIRED'],
    ['missing and optional', undefined, { required: false, max: 10 }, undefined, null],
    ['null, even when optional', null, { required: false, max: 10 }, undefined, 'NULL'],
    ['empty', '', { required: true, max: 10 }, undefined, 'BLANK'],
    ['only spaces', '   ', { required: false, max: 10 }, undefined, 'BLANK'],
    ['only zero-width characters', '\u200b\u2060\ufeff', { required: true, max: 10 }, undefined, 'BLANK'],
    ['a NUL character', 'a\u0000b', { required: true, max: 10 }, undefined, 'INVALID'],
    ['a lone high surrogate', 'a\ud83d', { required: true, max: 10 }, undefined, 'INVALID'],
    ['a lone low surrogate', '\ude00b', { required: true, max: 10 }, undefined, 'INVALID'],
    ['a boolean', true, { required: true, max: 10 }, undefined, 'INVALID_TYPE'],
    ['an array', ['a'], { required: true, max: 10 }, undefined, 'INVALID_TYPE'],
    ['an object', { text: 'a' }, { required: true, max: 10 }, undefined, 'INVALID_TYPE'],
  ])('%s', (_case, value, opts, expected, code) => {
    const issues: TicketIssue[] = [];
    expect(validateText(issues, 'title', value, opts)).toBe(expected);
    expect(issues.map((i) => ({ field: i.field, code: i.code }))).toEqual(code === null ? [] : [{ field: 'title', code }]);
  });
});

describe('validateChoice', () => {
  const allowed = Object.values(TicketPriority);
  it.each<[string, unknown, string | undefined, FieldCode['code'] | null]>([
    ['an allowed value', 'high', 'high', null],
    ['not given', undefined, undefined, null],
    ['null', null, undefined, 'NULL'],
    ['the GraphQL name instead of the value', 'HIGH', undefined, 'INVALID_CHOICE'],
    ['padded', ' high', undefined, 'INVALID_CHOICE'],
    ['empty', '', undefined, 'INVALID_CHOICE'],
    ['a number', 1, undefined, 'INVALID_CHOICE'],
    ['a list holding an allowed value', ['high'], undefined, 'INVALID_CHOICE'],
  ])('%s', (_case, value, expected, code) => {
    const issues: TicketIssue[] = [];
    expect(validateChoice(issues, 'priority', value, allowed)).toBe(expected);
    expect(issues.map((i) => ({ field: i.field, code: i.code }))).toEqual(code === null ? [] : [{ field: 'priority', code }]);
  });

  it.each<[string, unknown, string]>([
    ['a string as is', 'urgent', '"urgent" is not a valid choice.'],
    ['a list as Python prints it', ['billing'], `"['billing']" is not a valid choice.`],
    ['a boolean', true, '"True" is not a valid choice.'],
  ])('quotes the refused value as DRF does: %s', (_case, value, message) => {
    const issues: TicketIssue[] = [];
    validateChoice(issues, 'priority', value, allowed);
    expect(issues[0]?.message).toBe(message);
  });
});

describe('pythonStr', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'None'],
    ['undefined', undefined, 'None'],
    ['true', true, 'True'],
    ['false', false, 'False'],
    ['a string, unquoted at the top level', "it's", "it's"],
    ['an integer', 3, '3'],
    ['a float', 1.5, '1.5'],
    ['an empty list', [], '[]'],
    ['a list of strings, single-quoted', ['a', 'b'], "['a', 'b']"],
    ['a string holding a single quote, double-quoted', ["it's"], `["it's"]`],
    ['a string holding both quotes, single-quoted and escaped', [`it's "x"`], `['it\\'s "x"']`],
    ['a backslash, doubled', ['a\\b'], "['a\\\\b']"],
    ['nested values', [1, [true, null]], '[1, [True, None]]'],
    ['a dict', { a: 1, b: 'x' }, "{'a': 1, 'b': 'x'}"],
  ])('%s', (_case, value, printed) => {
    expect(pythonStr(value)).toBe(printed);
  });
});

describe('isStorableDate', () => {
  it.each<[string, Date, boolean]>([
    ['the earliest instant', EARLIEST_DATE, true],
    ['the latest instant', LATEST_DATE, true],
    ['now', new Date(), true],
    ['a millisecond before year 1', new Date(EARLIEST_DATE.getTime() - 1), false],
    ['a millisecond after year 9999', new Date(LATEST_DATE.getTime() + 1), false],
    ['an invalid date', new Date('not a date'), false],
  ])('%s', (_case, date, storable) => {
    expect(isStorableDate(date)).toBe(storable);
  });
});

describe('parseTicketId', () => {
  it.each<[string, unknown, number | null]>([
    ['digits', '42', 42],
    ['a number', 42, 42],
    ['surrounding spaces', ' 7 ', 7],
    ['leading zeros', '007', 7],
    ['the largest int4', '2147483647', 2_147_483_647],
    ['beyond int4', '2147483648', null],
    ['eleven digits', '10000000000', null],
    ['zero', '0', null],
    ['negative', '-1', null],
    ['a sign', '+1', null],
    ['a decimal', '1.5', null],
    ['a fractional number', 1.5, null],
    ['an exponent', '1e3', null],
    ['hexadecimal', '0x1f', null],
    ['empty', '', null],
    ['null', null, null],
    ['an object', { id: 1 }, null],
  ])('%s', (_case, raw, id) => {
    expect(parseTicketId(raw)).toBe(id);
  });
});

describe('validateCreateTicket', () => {
  it('trims and keeps what was given, leaving defaults to the database', () => {
    expect(validateCreateTicket({ title: ' Refund ', description: 'Twice. ', priority: 'high' })).toEqual({
      title: 'Refund',
      description: 'Twice.',
      category: undefined,
      priority: TicketPriority.HIGH,
      status: undefined,
      suggestion: null,
      assigneeUserId: null,
    });
  });

  it.each<[string, Record<string, unknown>, FieldCode[]]>([
    [
      'nothing given',
      {},
      [
        { field: 'title', code: 'REQUIRED' },
        { field: 'description', code: 'REQUIRED' },
      ],
    ],
    [
      'every field wrong at once',
      { title: '', description: null, category: 'x', priority: 'y', status: 'z' },
      [
        { field: 'title', code: 'BLANK' },
        { field: 'description', code: 'NULL' },
        { field: 'category', code: 'INVALID_CHOICE' },
        { field: 'priority', code: 'INVALID_CHOICE' },
        { field: 'status', code: 'INVALID_CHOICE' },
      ],
    ],
    ['title one past its limit', { ...VALID, title: 'x'.repeat(TICKET_TITLE_MAX + 1) }, [{ field: 'title', code: 'TOO_LONG' }]],
    ['title at its limit', { ...VALID, title: 'x'.repeat(TICKET_TITLE_MAX) }, []],
    [
      'description one past its limit',
      { ...VALID, description: 'x'.repeat(TICKET_DESCRIPTION_MAX + 1) },
      [{ field: 'description', code: 'TOO_LONG' }],
    ],
    ['description at its limit', { ...VALID, description: 'x'.repeat(TICKET_DESCRIPTION_MAX) }, []],
    ['null category (not given is undefined)', { ...VALID, category: null }, [{ field: 'category', code: 'NULL' }]],
  ])('%s', (_case, input, issues) => {
    expect(refusal(() => validateCreateTicket(input))).toEqual(issues);
  });

  const suggestion = { category: 'billing', priority: 'high', source: 'gemini' };
  it.each<[string, Record<string, unknown> | null | undefined, FieldCode[]]>([
    ['no suggestion', undefined, []],
    ['a null suggestion', null, []],
    ['a suggestion of nulls is no suggestion', { category: null, priority: null, source: null }, []],
    ['a complete suggestion', suggestion, []],
    ['without a source', { ...suggestion, source: undefined }, [{ field: 'classificationSource', code: 'REQUIRED' }]],
    [
      'only a category',
      { category: 'billing' },
      [
        { field: 'suggestedPriority', code: 'REQUIRED' },
        { field: 'classificationSource', code: 'REQUIRED' },
      ],
    ],
    [
      'an unknown source is reported once, as a bad choice',
      { ...suggestion, source: 'oracle' },
      [{ field: 'classificationSource', code: 'INVALID_CHOICE' }],
    ],
    ['a null among given values is NULL, not REQUIRED', { ...suggestion, priority: null }, [{ field: 'suggestedPriority', code: 'NULL' }]],
  ])('a suggestion is all three or nothing: %s', (_case, given, issues) => {
    expect(refusal(() => validateCreateTicket({ ...VALID, suggestion: given }))).toEqual(issues);
  });

  it('keeps a complete suggestion', () => {
    expect(validateCreateTicket({ ...VALID, suggestion }).suggestion).toEqual({
      category: TicketCategory.BILLING,
      priority: TicketPriority.HIGH,
      source: 'gemini',
    });
  });
});

describe('validateUpdateTicket', () => {
  it.each<[string, Record<string, unknown>, object]>([
    ['an empty patch', {}, {}],
    ['only what was given', { status: 'resolved' }, { status: TicketStatus.RESOLVED }],
    ['trimmed text', { title: ' New title ' }, { title: 'New title' }],
    ['undefined fields are left out', { title: undefined, priority: 'low' }, { priority: TicketPriority.LOW }],
  ])('%s', (_case, input, patch) => {
    expect(validateUpdateTicket(input)).toEqual(patch);
  });

  it.each<[string, Record<string, unknown>, FieldCode[]]>([
    ['a null title', { title: null }, [{ field: 'title', code: 'NULL' }]],
    ['a blank description', { description: ' ' }, [{ field: 'description', code: 'BLANK' }]],
    [
      'a bad status and a long title together',
      { status: 'done', title: 'x'.repeat(TICKET_TITLE_MAX + 1) },
      [
        { field: 'title', code: 'TOO_LONG' },
        { field: 'status', code: 'INVALID_CHOICE' },
      ],
    ],
  ])('%s', (_case, input, issues) => {
    expect(refusal(() => validateUpdateTicket(input))).toEqual(issues);
  });
});

describe('validateTicketQuery', () => {
  it.each<[string, Parameters<typeof validateTicketQuery>[0], object]>([
    ['no filter', undefined, {}],
    ['a null filter', null, {}],
    ['empty lists are no filter', { categories: [], priorities: null, statuses: [] }, {}],
    ['duplicates are dropped, order kept', { categories: ['technical', 'billing', 'technical'] }, { categories: ['technical', 'billing'] }],
    [
      'every list',
      { categories: ['account'], priorities: ['low'], statuses: ['open'] },
      { categories: ['account'], priorities: ['low'], statuses: ['open'] },
    ],
    [
      'dates at the storable bounds',
      { createdAfter: EARLIEST_DATE, createdBefore: LATEST_DATE },
      { createdAfter: EARLIEST_DATE, createdBefore: LATEST_DATE },
    ],
  ])('filter: %s', (_case, filter, valid) => {
    expect(validateTicketQuery(filter, null).filter).toEqual(valid);
  });

  it.each<[string, Parameters<typeof validateTicketQuery>[0], FieldCode[]]>([
    ['an unknown category among good ones', { categories: ['billing', 'sales'] }, [{ field: 'categories', code: 'INVALID_CHOICE' }]],
    ['a null inside a list', { statuses: [null] }, [{ field: 'statuses', code: 'NULL' }]],
    ['an invalid date', { createdAfter: new Date('nope') }, [{ field: 'createdAfter', code: 'INVALID' }]],
    ['a date that is not a Date', { createdBefore: '2024-01-01' as unknown as Date }, [{ field: 'createdBefore', code: 'INVALID' }]],
    ['a date before year 1', { createdAfter: new Date(EARLIEST_DATE.getTime() - 1) }, [{ field: 'createdAfter', code: 'OUT_OF_RANGE' }]],
    ['a date after year 9999', { createdBefore: new Date(LATEST_DATE.getTime() + 1) }, [{ field: 'createdBefore', code: 'OUT_OF_RANGE' }]],
    [
      'every list wrong at once',
      { categories: ['x'], priorities: ['y'], statuses: ['z'] },
      [
        { field: 'categories', code: 'INVALID_CHOICE' },
        { field: 'priorities', code: 'INVALID_CHOICE' },
        { field: 'statuses', code: 'INVALID_CHOICE' },
      ],
    ],
  ])('filter refused: %s', (_case, filter, issues) => {
    expect(refusal(() => validateTicketQuery(filter, null))).toEqual(issues);
  });

  it.each<[string, unknown, string[]]>([
    ['no search', null, []],
    ['undefined', undefined, []],
    ['empty', '', []],
    ['only whitespace and commas', ' ,\t, ', []],
    ['one term', 'refund', ['refund']],
    ['terms split on whitespace and commas', ' double  charge,refund\tnow ', ['double', 'charge', 'refund', 'now']],
    ['NUL characters are dropped, as DRF drops them', 're\u0000fund', ['refund']],
    ['at its limit', 'x'.repeat(SEARCH_MAX_LENGTH), ['x'.repeat(SEARCH_MAX_LENGTH)]],
    ['emoji count as one each', '😀'.repeat(SEARCH_MAX_LENGTH), ['😀'.repeat(SEARCH_MAX_LENGTH)]],
  ])('search: %s', (_case, search, terms) => {
    expect(validateTicketQuery(null, search).terms).toEqual(terms);
  });

  it.each<[string, unknown, FieldCode['code']]>([
    ['one past its limit', 'x'.repeat(SEARCH_MAX_LENGTH + 1), 'TOO_LONG'],
    ['a lone surrogate', 'a\udc00', 'INVALID'],
    ['a number', 5, 'INVALID_TYPE'],
    ['a list', ['a'], 'INVALID_TYPE'],
  ])('search refused: %s', (_case, search, code) => {
    expect(refusal(() => validateTicketQuery(null, search))).toEqual([{ field: 'search', code }]);
  });

  it('reports a bad filter and a bad search together', () => {
    expect(refusal(() => validateTicketQuery({ priorities: ['urgent'] }, 7))).toEqual([
      { field: 'priorities', code: 'INVALID_CHOICE' },
      { field: 'search', code: 'INVALID_TYPE' },
    ]);
  });
});
