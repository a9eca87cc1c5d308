// The rule for an idempotency key (REST `Idempotency-Key` header, GraphQL
// `CreateTicketInput.idempotencyKey`), written once for both APIs.
import type { TicketIssue } from './ticket.errors.js';
import { MESSAGES } from './ticket.validation.js';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** Printable ASCII (space to tilde): what an HTTP header carries without encoding. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Spaces and tabs at either end: HTTP's optional whitespace around a header value
 * (RFC 9110 §5.5), which the REST header never delivers, so they are not part of a key
 * in GraphQL either and `"  k  "` is the key `k` in both APIs.
 */
const SURROUNDING_WHITESPACE = /^[ \t]+|[ \t]+$/g;

/** The key, or undefined when none was given or it was refused (an issue is then pushed). */
export function validateIdempotencyKey(issues: TicketIssue[], field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    issues.push({ field, code: 'INVALID_TYPE', message: MESSAGES.notString });
    return undefined;
  }
  const key = value.replace(SURROUNDING_WHITESPACE, '');
  if (key === '') {
    issues.push({ field, code: 'BLANK', message: MESSAGES.blank });
    return undefined;
  }
  if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    issues.push({ field, code: 'TOO_LONG', message: MESSAGES.tooLong(IDEMPOTENCY_KEY_MAX_LENGTH) });
    return undefined;
  }
  if (!PRINTABLE_ASCII.test(key)) {
    issues.push({ field, code: 'INVALID', message: 'Only printable ASCII characters are allowed.' });
    return undefined;
  }
  return key;
}
