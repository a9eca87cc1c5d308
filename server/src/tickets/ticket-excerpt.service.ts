// A bounded excerpt of a ticket's description around what a search looked for, so a
// list of search results can show why each ticket matched without carrying whole
// descriptions (up to 20,000 characters each, on pages of up to 100 tickets).
import { TicketError, type TicketIssue } from './ticket.errors.js';
import { SEARCH_MAX_LENGTH } from './ticket-query.js';
import { EXCERPT_LENGTH, excerptAround, searchTerms } from './ticket-search.js';
import { codePointLength, hasLoneSurrogate } from './ticket-text.js';
import { MESSAGES } from './ticket.validation.js';

export interface ExcerptRequest {
  /** A search text, split into terms as the list's `search` is; null or blank: the description's start. */
  around: string | null;
  /** Code points, ellipses included. */
  length: number;
}

/** The excerpt of `description` asked for; a VALIDATION_FAILED TicketError naming `around` or `length` when out of bounds. */
export function ticketExcerpt(description: string, { around, length }: ExcerptRequest): string {
  const issues: TicketIssue[] = [];
  if (!Number.isInteger(length) || length < EXCERPT_LENGTH.min || length > EXCERPT_LENGTH.max) {
    issues.push({
      field: 'length',
      code: 'OUT_OF_RANGE',
      message: `Ensure this value is between ${EXCERPT_LENGTH.min} and ${EXCERPT_LENGTH.max}.`,
    });
  }
  if (around !== null && hasLoneSurrogate(around)) {
    issues.push({ field: 'around', code: 'INVALID', message: MESSAGES.loneSurrogate });
  } else if (around !== null && codePointLength(around) > SEARCH_MAX_LENGTH) {
    issues.push({ field: 'around', code: 'TOO_LONG', message: MESSAGES.tooLong(SEARCH_MAX_LENGTH) });
  }
  if (issues.length > 0) throw new TicketError('VALIDATION_FAILED', issues);
  return excerptAround(description, around === null ? [] : searchTerms(around), length);
}
