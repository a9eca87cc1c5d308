// Marking search terms in results: table-driven over the rules the server's search
// follows (every term, case-insensitive, `%` and `_` literal, regex syntax literal),
// and the same terms and matches as the server's own definitions.
import { describe, expect, it } from 'vitest';
import * as server from '../../../../server/src/tickets/ticket-search.js';
import { highlightParts, searchTerms, termsPattern, type TextPart } from './search-highlight.js';

/** Parts written compactly: matched runs in [brackets]. */
function bracketed(parts: readonly TextPart[]): string {
  return parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');
}

describe('highlightParts', () => {
  it.each([
    ['no search', 'Printer on fire', null, 'Printer on fire'],
    ['a blank search', 'Printer on fire', '  ', 'Printer on fire'],
    ['one term, any case', 'Invoice sent: INVOICE twice', 'invoice', '[Invoice] sent: [INVOICE] twice'],
    ['every term', 'Refund the double charge', 'charge refund', '[Refund] the double [charge]'],
    ['terms split by commas too', 'Refund the double charge', 'refund,double', '[Refund] the [double] charge'],
    ['inside words, as ILIKE matches', 'Reprinted invoices', 'print', 'Re[print]ed invoices'],
    ['the longer of two terms at one place', 'The printer jams', 'print printer', 'The [printer] jams'],
    ['% is a character, not a wildcard', '100% charged, 1000 times', '100%', '[100%] charged, 1000 times'],
    ['_ is a character, not a wildcard', 'a_b and axb', 'a_b', '[a_b] and axb'],
    ['regex syntax is text', 'Error (code 5) [x]', '(code [x]', 'Error [(code] 5) [[x]]'],
    ['markup is text', '<img src=x onerror=alert(1)>', 'img', '<[img] src=x onerror=alert(1)>'],
    ['a match at both ends', 'abc xyz abc', 'abc', '[abc] xyz [abc]'],
    ['no match', 'Printer on fire', 'invoice', 'Printer on fire'],
    ['non-ASCII letters, any case', 'Ärger mit der Überweisung', 'über', 'Ärger mit der [Über]weisung'],
    ['empty text', '', 'x', ''],
  ])('%s', (_case, text, search, expected) => {
    expect(bracketed(highlightParts(text, search))).toBe(expected);
  });

  it('keeps the text whole: the parts join to it', () => {
    const text = 'Printer 3 prints nothing, PRINTER 4 neither';
    expect(
      highlightParts(text, 'printer print')
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });
});

describe('the server’s search rules', () => {
  it.each(['refund', ' refund,  double\tcharge\n', 're\u0000fund', '100% a_b', '  , ', '(x) [y] a.b'])(
    'splits %j into the same terms',
    (search) => {
      expect(searchTerms(search)).toEqual(server.searchTerms(search));
    },
  );

  it.each([
    [['print', 'printer'], 'the printer jams'],
    [['100%'], '1000 and 100%'],
    [['(x)'], 'x (x)'],
    [['ÜBER'], 'überweisung'],
  ])('finds %j where the server does', (terms, text) => {
    expect(termsPattern(terms)?.exec(text)?.[0]).toBe(server.termsPattern(terms)?.exec(text)?.[0]);
    expect(termsPattern(terms)?.source).toBe(server.termsPattern(terms)?.source);
  });
});
