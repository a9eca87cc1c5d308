// The session's CSRF header on every request, read when the request is made: through
// Apollo's HTTP link, and through the playground's fetch, which keeps the headers the
// integrator typed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'graphql';
import { createApolloClient } from './client.js';
import { fetchWithSession, readCookie } from './csrf.js';

function setCookie(value: string | null) {
  document.cookie = value === null ? 'csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/' : `csrftoken=${value}; path=/`;
}

afterEach(() => setCookie(null));

describe('readCookie', () => {
  it.each<[string, string, string | null]>([
    ['alone', 'csrftoken=abc', 'abc'],
    ['among others', 'theme=dark; csrftoken=abc; lang=en', 'abc'],
    ['a longer name that ends the same', 'xcsrftoken=no; csrftoken=yes', 'yes'],
    ['percent-encoded', 'csrftoken=a%2Bb', 'a+b'],
    ['absent', 'theme=dark', null],
    ['no cookies', '', null],
  ])('%s', (_case, cookies, expected) => {
    expect(readCookie('csrftoken', cookies)).toBe(expected);
  });
});

const AuthStatusQuery = parse('query CsrfProbe { authStatus { setupRequired } }');

function answering() {
  return vi.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) =>
      new Response(JSON.stringify({ data: { authStatus: { __typename: 'AuthStatus', setupRequired: false } } }), {
        headers: { 'content-type': 'application/json' },
      }),
  );
}

describe('the Apollo HTTP link', () => {
  it('sends the cookie’s current value as X-CSRFToken on every request, with the session cookie', async () => {
    const fetch = answering();
    const client = createApolloClient({ uri: 'http://localhost/graphql', fetch });

    setCookie('first');
    await client.query({ query: AuthStatusQuery, fetchPolicy: 'network-only' });
    setCookie('second');
    await client.query({ query: AuthStatusQuery, fetchPolicy: 'network-only' });

    const sent = fetch.mock.calls.map(([, init]) => ({
      csrf: new Headers(init?.headers).get('X-CSRFToken'),
      credentials: init?.credentials,
      method: init?.method,
    }));
    expect(sent).toEqual([
      { csrf: 'first', credentials: 'same-origin', method: 'POST' },
      { csrf: 'second', credentials: 'same-origin', method: 'POST' },
    ]);
  });

  it('sends no header before any session set the cookie', async () => {
    const fetch = answering();
    const client = createApolloClient({ uri: 'http://localhost/graphql', fetch });
    await client.query({ query: AuthStatusQuery });
    expect(new Headers(fetch.mock.calls[0]![1]?.headers).has('X-CSRFToken')).toBe(false);
  });
});

describe('fetchWithSession (the playground)', () => {
  it('adds the CSRF header and keeps the headers typed in the editor', async () => {
    const fetch = answering();
    vi.stubGlobal('fetch', fetch);
    try {
      setCookie('abc');
      await fetchWithSession('/graphql', {
        method: 'POST',
        headers: { Authorization: 'Token st_secret', 'content-type': 'application/json' },
      });
      const [, init] = fetch.mock.calls[0]!;
      const headers = new Headers(init?.headers);
      expect([headers.get('authorization'), headers.get('x-csrftoken'), init?.credentials]).toEqual([
        'Token st_secret',
        'abc',
        'same-origin',
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
