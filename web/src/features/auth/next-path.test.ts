// Where signing in leads: back to a path of this site, never to another one, whatever
// the `next` parameter was made to say.
import { describe, expect, it } from 'vitest';
import { isServerPage, safeNextPath, signInPath } from './next-path.js';

const ORIGIN = 'https://tickets.example.com';

describe('safeNextPath', () => {
  it.each<[string, string | null, string]>([
    ['a screen of the app', '/tickets/3', '/tickets/3'],
    ['with its query string and fragment', '/tickets?q=refund&status=OPEN#top', '/tickets?q=refund&status=OPEN#top'],
    ['the playground', '/graphiql', '/graphiql'],
    ['dot segments are resolved', '/admin/../tickets', '/tickets'],
    ['nothing', null, '/tickets'],
    ['empty', '', '/tickets'],
    ['a scheme-relative URL', '//evil.example', '/tickets'],
    ['a scheme-relative URL with a path', '//evil.example/tickets', '/tickets'],
    ['a backslash read as a slash', '/\\evil.example', '/tickets'],
    ['a tab the URL parser drops', '/\t/evil.example', '/tickets'],
    ['a newline the URL parser drops', '/\n/evil.example', '/tickets'],
    ['an absolute URL elsewhere', 'https://evil.example/tickets', '/tickets'],
    ['an absolute URL here', `${ORIGIN}/tickets/3`, '/tickets'],
    ['a javascript: URL', 'javascript:alert(1)', '/tickets'],
    ['a relative path', 'tickets/3', '/tickets'],
    ['the sign-in screen itself', '/signin?next=/tickets', '/tickets'],
    ['the setup screen', '/setup?token=abc', '/tickets'],
  ])('%s', (_case, next, expected) => {
    expect(safeNextPath(next, ORIGIN)).toBe(expected);
  });
});

describe('isServerPage', () => {
  it.each([
    ['/graphiql', true],
    ['/graphql?query=x', true],
    ['/api/docs/', true],
    ['/api', true],
    ['/tickets', false],
    ['/apiary', false],
    ['/admin/users', false],
  ])('%s', (path, expected) => {
    expect(isServerPage(path)).toBe(expected);
  });
});

it('signInPath carries the whole way back, encoded', () => {
  expect(signInPath({ pathname: '/tickets', search: '?q=a&b=c', hash: '#x' })).toBe('/signin?next=%2Ftickets%3Fq%3Da%26b%3Dc%23x');
});
