// The one place that decides whether a failure means "the service cannot answer right
// now" (the database is down, unreachable or too slow, or the request ran out of
// time) rather than a bug. Both APIs answer those with 503, never a 500 or a hang.

/** What a client is told, in both APIs: DRF's `ServiceUnavailable` text. */
export const SERVICE_UNAVAILABLE_MESSAGE = 'Service temporarily unavailable, try again later.';

/** Thrown when the database did not answer within a deadline of our own (the readiness probe's). */
export class DatabaseTimeoutError extends Error {
  readonly code = 'DATABASE_TIMEOUT';
  constructor(ms: number) {
    super(`the database did not answer within ${ms} ms`);
    this.name = 'DatabaseTimeoutError';
  }
}

// postgres.js' own connection codes, and Node's socket errors that it passes through.
const CONNECTION_CODES = new Set([
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'DATABASE_TIMEOUT',
]);

// SQLSTATEs of a server that is shutting down, overloaded or gave up waiting. Not
// 40001/40P01 (serialization failure, deadlock): those are a retry, not an outage.
const UNAVAILABLE_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout, or a query cancelled while it waited for a connection
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '53300', // too_many_connections
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
]);

// Fastify's answer to a request that outlived REQUEST_TIMEOUT_MS (its handlerTimeout).
const REQUEST_TIMEOUT_CODE = 'FST_ERR_HANDLER_TIMEOUT';

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function isUnavailableCode(code: string): boolean {
  // Class 08: connection exceptions.
  return CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

/**
 * Whether `error` (or an error it wraps: drizzle wraps the driver's in `cause`) means
 * that the database or the request's deadline, not the request or our code, failed.
 */
export function isServiceUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = codeOf(e);
    if (code !== undefined && (code === REQUEST_TIMEOUT_CODE || isUnavailableCode(code))) return true;
  }
  return false;
}
