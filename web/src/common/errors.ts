// Turns what Apollo reports into something an agent can act on: the server being
// unreachable reads differently from a refused request or a bug.
import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

export type ProblemKind = 'unreachable' | 'rate-limited' | 'refused' | 'server';

export interface Problem {
  kind: ProblemKind;
  message: string;
}

export function describeProblem(error: unknown): Problem {
  if (CombinedGraphQLErrors.is(error)) {
    const codes = error.errors.map((e) => e.extensions?.code);
    if (codes.includes('RATE_LIMITED')) {
      return { kind: 'rate-limited', message: 'Too many requests for a moment; try again shortly.' };
    }
    if (codes.some((c) => c === 'BAD_USER_INPUT' || c === 'GRAPHQL_VALIDATION_FAILED')) {
      return { kind: 'refused', message: error.errors[0]?.message ?? 'The server refused the request.' };
    }
    return { kind: 'server', message: 'The server could not answer (internal error). Try again; if it persists, tell an administrator.' };
  }
  if (ServerError.is(error)) {
    // A proxy answering 502/503/504 means the API server itself is down.
    if (error.statusCode >= 502 && error.statusCode <= 504) return unreachable();
    return { kind: 'server', message: `The server answered with HTTP ${error.statusCode}.` };
  }
  if (ServerParseError.is(error)) {
    return { kind: 'server', message: 'The server sent an answer the app could not read.' };
  }
  return unreachable();
}

function unreachable(): Problem {
  return {
    kind: 'unreachable',
    message: 'Cannot reach the server. Check that it is running and your connection, then try again.',
  };
}
