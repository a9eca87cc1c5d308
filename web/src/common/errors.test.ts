// What a refused request reads as, whether the server answered a GraphQL result with
// an error status (Apollo: CombinedGraphQLErrors) or an error status with a GraphQL
// body before GraphQL ran (Apollo: ServerError), such as a CSRF failure.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { describeProblem, hasErrorCode, retryAfterSeconds } from './errors.js';

function graphQLResult(code: string, extensions: Record<string, unknown> = {}) {
  return new CombinedGraphQLErrors({ errors: [{ message: code, extensions: { code, ...extensions } }] });
}

function serverError(status: number, body: unknown, headers: Record<string, string> = {}) {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  return new ServerError('Response not successful', { response: new Response(bodyText, { status, headers }), bodyText });
}

describe('describeProblem', () => {
  it.each<[string, unknown, string]>([
    ['session ended', graphQLResult('UNAUTHENTICATED'), 'signed-out'],
    ['role or scope missing', graphQLResult('FORBIDDEN'), 'forbidden'],
    [
      'CSRF failure in a 403 body',
      serverError(403, { errors: [{ message: 'CSRF Failed', extensions: { code: 'CSRF_FAILED' } }] }),
      'refused',
    ],
    ['throttled', graphQLResult('RATE_LIMITED', { retryAfter: 60 }), 'rate-limited'],
    ['a proxy page', serverError(502, '<html>Bad gateway</html>'), 'unreachable'],
    ['an internal error', graphQLResult('INTERNAL_SERVER_ERROR'), 'server'],
  ])('%s', (_case, error, kind) => {
    expect(describeProblem(error).kind).toBe(kind);
  });
});

it('finds a code in either shape', () => {
  expect(hasErrorCode(graphQLResult('UNAUTHENTICATED'), 'UNAUTHENTICATED')).toBe(true);
  expect(hasErrorCode(serverError(403, { errors: [{ message: 'x', extensions: { code: 'CSRF_FAILED' } }] }), 'CSRF_FAILED')).toBe(true);
  expect(hasErrorCode(serverError(403, 'not json'), 'CSRF_FAILED')).toBe(false);
});

describe('retryAfterSeconds', () => {
  it.each<[string, unknown, number | null]>([
    ['from extensions', graphQLResult('RATE_LIMITED', { retryAfter: 300 }), 300],
    [
      'from the Retry-After header',
      serverError(429, { errors: [{ message: 'x', extensions: { code: 'RATE_LIMITED' } }] }, { 'retry-after': '120' }),
      120,
    ],
    ['not said', graphQLResult('RATE_LIMITED'), null],
    ['not throttled', graphQLResult('FORBIDDEN', { retryAfter: 5 }), null],
  ])('%s', (_case, error, seconds) => {
    expect(retryAfterSeconds(error)).toBe(seconds);
  });
});
