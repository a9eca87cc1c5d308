// Unit tables for the REST shim's numbered pages, read as DRF's PageNumberPagination reads
// them: `page_size` falls back or is clamped, a bad `page` is 404 "Invalid page.", and the
// `Link` header keeps every other query parameter.
import { describe, expect, it } from 'vitest';
import {
  INVALID_PAGE_DETAIL,
  LAST_PAGE,
  lastPageOf,
  linkHeader,
  parsePageNumber,
  parsePageSize,
  type PageLinks,
} from '../../src/rest/pagination.js';
import { RestError } from '../../src/rest/rest.errors.js';
import { REST_PAGE_SIZE } from '../../src/tickets/ticket-query.js';

const PAGE_SIZE_DEFAULT = REST_PAGE_SIZE.default;
const PAGE_SIZE_MAX = REST_PAGE_SIZE.max;

describe('parsePageSize', () => {
  it.each<[string, string | undefined, number]>([
    ['not given', undefined, PAGE_SIZE_DEFAULT],
    ['a size', '10', 10],
    ['one', '1', 1],
    ['the maximum', String(PAGE_SIZE_MAX), PAGE_SIZE_MAX],
    ['spaces and a plus sign, as Python’s int() reads them', ' +10 ', 10],
    ['leading zeros', '010', 10],
    ['past the maximum: clamped', String(PAGE_SIZE_MAX + 1), PAGE_SIZE_MAX],
    ['far past the maximum: clamped', '99999999999999999999', PAGE_SIZE_MAX],
    ['zero: the default', '0', PAGE_SIZE_DEFAULT],
    ['negative: the default', '-5', PAGE_SIZE_DEFAULT],
    ['empty: the default', '', PAGE_SIZE_DEFAULT],
    ['a decimal: the default', '2.5', PAGE_SIZE_DEFAULT],
    ['a word: the default', 'ten', PAGE_SIZE_DEFAULT],
    ['hexadecimal: the default', '0x10', PAGE_SIZE_DEFAULT],
  ])('%s', (_case, raw, size) => {
    expect(parsePageSize(raw)).toBe(size);
  });
});

describe('parsePageNumber', () => {
  it.each<[string, string | undefined, number, number | typeof LAST_PAGE]>([
    ['not given', undefined, 100, 1],
    ['the first page', '1', 100, 1],
    ['a later page', '3', 100, 3],
    ['spaces and a plus sign', ' +2 ', 100, 2],
    ['`last`', 'last', 100, LAST_PAGE],
    ['the last page an int4 offset can start', '2147483647', 1, 2_147_483_647],
    ['the last page an int4 offset can start at 100 a page', '21474837', 100, 21_474_837],
  ])('%s', (_case, raw, pageSize, page) => {
    expect(parsePageNumber(raw, pageSize)).toBe(page);
  });

  it.each<[string, string, number]>([
    ['zero', '0', 100],
    ['negative', '-1', 100],
    ['empty', '', 100],
    ['a decimal', '1.0', 100],
    ['a word', 'first', 100],
    ['`Last`: the keyword is exact', 'Last', 100],
    ['a page starting past the largest id', '2147483648', 1],
    ['the first page starting past the largest id at 100 a page', '21474838', 100],
  ])('refuses %s with 404 "Invalid page."', (_case, raw, pageSize) => {
    let thrown: unknown;
    try {
      parsePageNumber(raw, pageSize);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RestError);
    expect(thrown).toMatchObject({ statusCode: 404, detail: INVALID_PAGE_DETAIL });
  });
});

describe('lastPageOf', () => {
  it.each<[number, number, number]>([
    [0, 100, 1],
    [1, 100, 1],
    [100, 100, 1],
    [101, 100, 2],
    [250, 25, 10],
  ])('%i tickets by %i is %i pages', (total, pageSize, pages) => {
    expect(lastPageOf(total, pageSize)).toBe(pages);
  });
});

describe('linkHeader', () => {
  const base = 'http://localhost:8000/api/tickets/';
  it.each<[string, PageLinks, string]>([
    ['one page only', { base, query: '', page: 1, hasNext: false, lastPage: 1 }, `<${base}>; rel="first", <${base}>; rel="last"`],
    [
      'a middle page keeps the other parameters and drops page=1',
      { base, query: 'status=open&page=2&page_size=10', page: 2, hasNext: true, lastPage: 5 },
      `<${base}?status=open&page_size=10>; rel="first", <${base}?status=open&page_size=10>; rel="prev", ` +
        `<${base}?status=open&page=3&page_size=10>; rel="next", <${base}?status=open&page=5&page_size=10>; rel="last"`,
    ],
    [
      'an unknown last page (capped count) has no `last`',
      { base, query: 'search=a', page: 1, hasNext: true, lastPage: null },
      `<${base}?search=a>; rel="first", <${base}?search=a&page=2>; rel="next"`,
    ],
    [
      'a relative base when the host was not sane',
      { base: '/api/tickets/', query: 'page=last', page: 3, hasNext: false, lastPage: 3 },
      '</api/tickets/>; rel="first", </api/tickets/?page=2>; rel="prev", </api/tickets/?page=3>; rel="last"',
    ],
    [
      'parameters are re-encoded, so no raw `>` or space reaches the header',
      { base, query: 'search=a>b c', page: 1, hasNext: true, lastPage: 2 },
      `<${base}?search=a%3Eb+c>; rel="first", <${base}?search=a%3Eb+c&page=2>; rel="next", <${base}?search=a%3Eb+c&page=2>; rel="last"`,
    ],
  ])('%s', (_case, links, header) => {
    expect(linkHeader(links)).toBe(header);
  });
});
