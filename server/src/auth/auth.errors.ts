// The identity feature's one error type, its closed set of codes, and the single
// place each code is mapped to a GraphQL code and to an HTTP status (with Django
// REST Framework's texts where DRF has one).

export type AuthIssueCode =
  | 'REQUIRED'
  | 'NULL'
  | 'BLANK'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  | 'TOO_COMMON'
  | 'INVALID_TYPE'
  | 'INVALID_CHOICE'
  | 'INVALID'
  | 'OUT_OF_RANGE'
  | 'NOT_FOUND'
  | 'TAKEN'
  | 'WRONG_PASSWORD'
  | 'LAST_ADMIN'
  | 'INVALID_LINK'
  | 'NOT_ALLOWED'
  | 'INVALID_CREDENTIALS';

export interface AuthIssue {
  /** The input field at fault; null when it is not one field's fault. */
  field: string | null;
  code: AuthIssueCode;
  message: string;
}

export type AuthErrorCode =
  /** Input refused: a payload's userErrors, a REST 400 with field errors. */
  | 'VALIDATION_FAILED'
  /** Wrong email or password (the same answer for an unknown email). */
  | 'INVALID_CREDENTIALS'
  | 'NOT_FOUND'
  /** No credentials, or a session that ended. */
  | 'UNAUTHENTICATED'
  /** A token that is unknown, revoked, expired, or whose user was deactivated. */
  | 'INVALID_TOKEN'
  /** Identified, but the role or the token's scopes do not allow it. */
  | 'FORBIDDEN'
  | 'CSRF_FAILED'
  /** Too many failed sign-ins for the account or the address. */
  | 'THROTTLED';

const DRF_NOT_AUTHENTICATED = 'Authentication credentials were not provided.';
const DRF_INVALID_TOKEN = 'Invalid token.';
const DRF_PERMISSION_DENIED = 'You do not have permission to perform this action.';
const DRF_INVALID_CREDENTIALS = 'Unable to log in with provided credentials.';

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    readonly issues: readonly AuthIssue[] = [],
    /** For THROTTLED: whole seconds until another attempt may succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ') || AUTH_ERROR_MESSAGE[code]);
    this.name = 'AuthError';
  }

  static invalid(field: string | null, code: AuthIssueCode, message: string): AuthError {
    return new AuthError('VALIDATION_FAILED', [{ field, code, message }]);
  }

  static invalidCredentials(): AuthError {
    return new AuthError('INVALID_CREDENTIALS', [{ field: null, code: 'INVALID_CREDENTIALS', message: DRF_INVALID_CREDENTIALS }]);
  }

  static notFound(field = 'id'): AuthError {
    return new AuthError('NOT_FOUND', [{ field, code: 'NOT_FOUND', message: 'Not found.' }]);
  }

  static throttled(retryAfterSeconds: number): AuthError {
    return new AuthError('THROTTLED', [], retryAfterSeconds);
  }
}

const AUTH_ERROR_MESSAGE: Record<AuthErrorCode, string> = {
  VALIDATION_FAILED: 'Invalid input.',
  INVALID_CREDENTIALS: DRF_INVALID_CREDENTIALS,
  NOT_FOUND: 'Not found.',
  UNAUTHENTICATED: DRF_NOT_AUTHENTICATED,
  INVALID_TOKEN: DRF_INVALID_TOKEN,
  FORBIDDEN: DRF_PERMISSION_DENIED,
  CSRF_FAILED: 'CSRF Failed: CSRF token missing or incorrect.',
  THROTTLED: 'Too many failed sign-in attempts.',
};

/** DRF's throttled text, with the wait. */
export function throttledDetail(seconds: number): string {
  return `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}

// Exhaustive: a new code fails to compile until it is mapped here.
export const AUTH_ERROR_GRAPHQL_CODE: Record<AuthErrorCode, string> = {
  VALIDATION_FAILED: 'BAD_USER_INPUT',
  INVALID_CREDENTIALS: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_TOKEN: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CSRF_FAILED: 'CSRF_FAILED',
  THROTTLED: 'RATE_LIMITED',
};

export const AUTH_ERROR_HTTP_STATUS: Record<AuthErrorCode, 400 | 401 | 403 | 404 | 429> = {
  VALIDATION_FAILED: 400,
  INVALID_CREDENTIALS: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  INVALID_TOKEN: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  THROTTLED: 429,
};

/** Errors a mutation payload reports as `userErrors` rather than as a top-level error. */
export const AUTH_PAYLOAD_ERRORS: ReadonlySet<AuthErrorCode> = new Set(['VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'NOT_FOUND']);

/** The scheme a 401 names in `WWW-Authenticate`, as DRF's TokenAuthentication does. */
const WWW_AUTHENTICATE = 'Token';

/** The headers a refusal carries, whatever shape its body takes: the scheme of a 401, when to retry a 429. */
export function authErrorHeaders(error: AuthError): Record<string, string> {
  return {
    ...(AUTH_ERROR_HTTP_STATUS[error.code] === 401 && { 'www-authenticate': WWW_AUTHENTICATE }),
    ...(error.retryAfterSeconds !== undefined && { 'retry-after': String(error.retryAfterSeconds) }),
  };
}
