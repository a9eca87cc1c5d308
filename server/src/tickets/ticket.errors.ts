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
  | 'NOT_FOUND';

export interface TicketIssue {
  /** The input field at fault (`title`, `after`, …); null when it is not one field's fault. */
  field: string | null;
  code: TicketIssueCode;
  /** Human-readable, in Django REST Framework's wording where DRF has one. */
  message: string;
}

export type TicketErrorCode = 'VALIDATION_FAILED' | 'NOT_FOUND';

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
}

// Exhaustive: adding a code fails to compile until it is mapped here.
export const TICKET_ERROR_GRAPHQL_CODE: Record<TicketErrorCode, 'BAD_USER_INPUT' | 'NOT_FOUND'> = {
  VALIDATION_FAILED: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
};

export const TICKET_ERROR_HTTP_STATUS: Record<TicketErrorCode, 400 | 404> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
};
