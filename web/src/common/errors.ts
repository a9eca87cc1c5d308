// Turns what Apollo reports into something an agent can act on: the server being
// unreachable reads differently from a refused request, an ended session or a bug.
import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

export type ProblemKind = 'unreachable' | 'rate-limited' | 'refused' | 'forbidden' | 'signed-out' | 'server';

export interface Problem {
  kind: ProblemKind;
  message: string;
}

interface ReportedGraphQLError {
  message?: string;
  extensions?: Record<string, unknown>;
}

/**
 * The GraphQL errors a failed operation reported: those of a GraphQL answer, and those
 * in the body of an HTTP error status that Apollo reports as a ServerError (a request
 * refused before GraphQL ran, such as a CSRF failure, answers 403 with a GraphQL body).
 */
function graphQLErrorsOf(error: unknown): readonly ReportedGraphQLError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error)) {
    try {
      const body: unknown = JSON.parse(error.bodyText);
      if (body && typeof body === 'object' && 'errors' in body && Array.isArray(body.errors)) return body.errors as ReportedGraphQLError[];
    } catch {
      // Not JSON: a proxy's page, not the server's answer.
    }
  }
  return [];
}

/** Whether the operation failed with the top-level error code `code` (`extensions.code`). */
export function hasErrorCode(error: unknown, code: string): boolean {
  return graphQLErrorsOf(error).some((e) => e.extensions?.code === code);
}

/** Seconds to wait before trying again, when the server said (`extensions.retryAfter` or `Retry-After`). */
export function retryAfterSeconds(error: unknown): number | null {
  const limited = graphQLErrorsOf(error).find((e) => e.extensions?.code === 'RATE_LIMITED');
  const fromExtensions = Number(limited?.extensions?.retryAfter);
  if (Number.isFinite(fromExtensions) && fromExtensions > 0) return fromExtensions;
  const header = ServerError.is(error) ? Number(error.response.headers.get('retry-after')) : NaN;
  return Number.isFinite(header) && header > 0 ? header : null;
}

export function describeProblem(error: unknown): Problem {
  const codes = graphQLErrorsOf(error).map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) {
    return { kind: 'signed-out', message: 'You are no longer signed in. Sign in again to continue.' };
  }
  if (codes.includes('FORBIDDEN')) {
    return { kind: 'forbidden', message: 'You do not have permission to do this. An administrator can give you access.' };
  }
  if (codes.includes('CSRF_FAILED')) {
    return {
      kind: 'refused',
      message: 'The server refused the request as possibly forged (its CSRF check). Reload the page and try again.',
    };
  }
  if (codes.includes('RATE_LIMITED')) {
    return { kind: 'rate-limited', message: 'Too many requests for a moment; try again shortly.' };
  }
  if (CombinedGraphQLErrors.is(error)) {
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

/**
 * A screen's code (a lazily loaded chunk) could not be fetched: the server is down or
 * the connection gone, not a bug. Browsers word it differently; all are TypeErrors.
 */
export function isCodeLoadFailure(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|importing a module script failed|failed to fetch|networkerror/i.test(error.message)
  );
}

function unreachable(): Problem {
  return {
    kind: 'unreachable',
    message: 'Cannot reach the server. Check that it is running and your connection, then try again.',
  };
}
