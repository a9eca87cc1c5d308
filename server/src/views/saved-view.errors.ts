// The saved views feature's one error type, its closed set of codes, and the single
// place each code is mapped to a GraphQL code and to an HTTP status.
import type { TicketIssueCode } from '../tickets/ticket.errors.js';

/** The list's own codes (a view's filter is checked by the list's rules), a name in use, and the limit reached. */
export type SavedViewIssueCode = TicketIssueCode | 'TAKEN' | 'TOO_MANY';

export interface SavedViewIssue {
  /** The input field at fault (`name`, `filter.categories`, `orderBy`); null when it is not one field's fault. */
  field: string | null;
  code: SavedViewIssueCode;
  message: string;
}

export type SavedViewErrorCode = 'VALIDATION_FAILED' | 'NOT_FOUND';

export class SavedViewError extends Error {
  constructor(
    readonly code: SavedViewErrorCode,
    readonly issues: readonly SavedViewIssue[],
  ) {
    super(issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ') || code);
    this.name = 'SavedViewError';
  }

  /** No view of the caller's has this id: another person's is not found either, so none is known to exist. */
  static notFound(): SavedViewError {
    return new SavedViewError('NOT_FOUND', [{ field: 'id', code: 'NOT_FOUND', message: 'Not found.' }]);
  }
}

// Exhaustive: adding a code fails to compile until it is mapped here.
export const SAVED_VIEW_ERROR_GRAPHQL_CODE: Record<SavedViewErrorCode, 'BAD_USER_INPUT' | 'NOT_FOUND'> = {
  VALIDATION_FAILED: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
};

export const SAVED_VIEW_ERROR_HTTP_STATUS: Record<SavedViewErrorCode, 400 | 404> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
};
