// The webhooks feature's one error type and its closed set of codes. Every one is an
// expected refusal, reported as a payload's userErrors (no REST routes exist).

export type WebhookIssueCode = 'REQUIRED' | 'TOO_LONG' | 'INVALID' | 'NOT_FOUND' | 'PRIVATE_ADDRESS' | 'UNRESOLVABLE' | 'TOO_MANY';

export interface WebhookIssue {
  field: string | null;
  code: WebhookIssueCode;
  message: string;
}

export type WebhookErrorCode = 'VALIDATION_FAILED' | 'NOT_FOUND';

export class WebhookError extends Error {
  constructor(
    readonly code: WebhookErrorCode,
    readonly issues: readonly WebhookIssue[],
  ) {
    super(issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; '));
    this.name = 'WebhookError';
  }

  static notFound(field: string, what: string): WebhookError {
    return new WebhookError('NOT_FOUND', [{ field, code: 'NOT_FOUND', message: `No such ${what}.` }]);
  }
}

/** How GraphQL reports each code when the error is not answered as `userErrors` (a query's bad cursor). */
export const WEBHOOK_ERROR_GRAPHQL_CODE: Record<WebhookErrorCode, 'BAD_USER_INPUT' | 'NOT_FOUND'> = {
  VALIDATION_FAILED: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
};
