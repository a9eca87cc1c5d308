// The rule for an idempotency key (REST `Idempotency-Key` header, GraphQL
// `CreateTicketInput.idempotencyKey`), written once for both APIs.
import type { TicketIssue } from './ticket.errors.js';
import { MESSAGES } from './ticket.validation.js';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** Printable ASCII (space to tilde): what an HTTP header carries without encoding. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The key, or undefined when none was given or it was refused (an issue is then pushed). */
export function validateIdempotencyKey(issues: TicketIssue[], field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    issues.push({ field, code: 'INVALID_TYPE', message: MESSAGES.notString });
    return undefined;
  }
  if (value.trim() === '') {
    issues.push({ field, code: 'BLANK', message: MESSAGES.blank });
    return undefined;
  }
  if (value.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    issues.push({ field, code: 'TOO_LONG', message: MESSAGES.tooLong(IDEMPOTENCY_KEY_MAX_LENGTH) });
    return undefined;
  }
  if (!PRINTABLE_ASCII.test(value)) {
    issues.push({ field, code: 'INVALID', message: 'Only printable ASCII characters are allowed.' });
    return undefined;
  }
  return value;
}
