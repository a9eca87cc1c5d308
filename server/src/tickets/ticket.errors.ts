// The tickets feature's one error type, its closed set of codes, and the single
// place each code is mapped to a GraphQL code and to an HTTP status.

/** Why one field (or the request) was refused; carried in GraphQL `userErrors` and REST 400 bodies. */
export type TicketIssueCode =
  | 'REQUIRED'
  | 'NULL'
  | 'BLANK'
  | 'TOO_LONG'
  | 'INVALID_TYPE'
  | 'INVALID_CHOICE'
  | 'INVALID'
  | 'OUT_OF_RANGE'
  | 'NOT_FOUND'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'CONFLICT'
  | 'INVALID_ASSIGNEE';

export interface TicketIssue {
  /** The input field at fault (`title`, `after`, …); null when it is not one field's fault. */
  field: string | null;
  code: TicketIssueCode;
  /** Human-readable, in Django REST Framework's wording where DRF has one. */
  message: string;
}

export type TicketErrorCode = 'VALIDATION_FAILED' | 'NOT_FOUND' | 'IDEMPOTENCY_KEY_REUSED' | 'CONFLICT';

export class TicketError extends Error {
  constructor(
    readonly code: TicketErrorCode,
    readonly issues: readonly TicketIssue[],
  ) {
    super(issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ') || code);
    this.name = 'TicketError';
  }

  static notFound(): TicketError {
    return new TicketError('NOT_FOUND', [{ field: 'id', code: 'NOT_FOUND', message: 'Not found.' }]);
  }

  /** The update was based on a version the ticket is no longer at: nothing was changed. */
  static conflict(field: string): TicketError {
    return new TicketError('CONFLICT', [
      {
        field,
        code: 'CONFLICT',
        message: 'The ticket was changed since the version this update is based on. Reload it, and apply your change again.',
      },
    ]);
  }

  /** The key of an earlier create came with another input: refused rather than guessed at. */
  static idempotencyKeyReused(field: string): TicketError {
    return new TicketError('IDEMPOTENCY_KEY_REUSED', [
      {
        field,
        code: 'IDEMPOTENCY_KEY_REUSED',
        message: 'This idempotency key was already used for a different request. Use a new key for a new ticket.',
      },
    ]);
  }
}

// Exhaustive: adding a code fails to compile until it is mapped here.
export const TICKET_ERROR_GRAPHQL_CODE: Record<TicketErrorCode, 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT'> = {
  VALIDATION_FAILED: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  IDEMPOTENCY_KEY_REUSED: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
};

// 422 for a reused key, as the IETF Idempotency-Key draft says (the request is
// well-formed; it contradicts the one the key first came with). 412 for a stale
// version: REST states it in `If-Match`, whose failure RFC 9110 answers so.
export const TICKET_ERROR_HTTP_STATUS: Record<TicketErrorCode, 400 | 404 | 412 | 422> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  IDEMPOTENCY_KEY_REUSED: 422,
  CONFLICT: 412,
};
