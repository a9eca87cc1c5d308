// The shape of an expected business failure in a mutation payload (Shopify's
// `userErrors`): data the client renders, not a top-level GraphQL error.
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { AuthIssueCode } from '../auth/auth.errors.js';
import type { TicketIssueCode } from '../tickets/ticket.errors.js';
import type { SavedViewIssueCode } from '../views/saved-view.errors.js';
import type { WebhookIssueCode } from '../webhooks/webhook.errors.js';

export enum UserErrorCode {
  REQUIRED = 'REQUIRED',
  NULL = 'NULL',
  BLANK = 'BLANK',
  TOO_LONG = 'TOO_LONG',
  INVALID_TYPE = 'INVALID_TYPE',
  INVALID_CHOICE = 'INVALID_CHOICE',
  INVALID = 'INVALID',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  NOT_FOUND = 'NOT_FOUND',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  CONFLICT = 'CONFLICT',
  INVALID_ASSIGNEE = 'INVALID_ASSIGNEE',
  TOO_SHORT = 'TOO_SHORT',
  TOO_COMMON = 'TOO_COMMON',
  TAKEN = 'TAKEN',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  LAST_ADMIN = 'LAST_ADMIN',
  INVALID_LINK = 'INVALID_LINK',
  NOT_ALLOWED = 'NOT_ALLOWED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  PRIVATE_ADDRESS = 'PRIVATE_ADDRESS',
  UNRESOLVABLE = 'UNRESOLVABLE',
  TOO_MANY = 'TOO_MANY',
}

// Keeps the GraphQL enum and the service's codes in lockstep at compile time.
const _sameCodes: Record<TicketIssueCode | AuthIssueCode | WebhookIssueCode | SavedViewIssueCode, UserErrorCode> = UserErrorCode;
void _sameCodes;

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why an input was refused.',
  valuesConfig: {
    REQUIRED: { description: 'The field is required and was not given.' },
    NULL: { description: 'The field may not be null.' },
    BLANK: {
      description:
        'The field may not be blank: empty, or with no character that is text by itself (only whitespace, zero-width, format and other default-ignorable characters, blank-drawn characters such as U+2800, and combining marks with no base).',
    },
    TOO_LONG: { description: 'The value is longer than the field allows.' },
    INVALID_TYPE: { description: 'The value has the wrong type.' },
    INVALID_CHOICE: { description: 'The value is not one of the allowed choices.' },
    INVALID: { description: 'The value is malformed (for text: NUL characters, unpaired surrogates, or bytes that are not UTF-8).' },
    OUT_OF_RANGE: { description: 'The value is outside the allowed range (a number, or a date/time beyond the years 1 to 9999).' },
    NOT_FOUND: {
      description: 'The referenced ticket, user, API token or saved view does not exist (another person’s saved view included).',
    },
    IDEMPOTENCY_KEY_REUSED: {
      description: 'The idempotency key was already used, within the last 24 hours, for a create with a different input.',
    },
    CONFLICT: {
      description:
        'The ticket changed since `expectedVersion` (another agent saved first): nothing was changed. Read its history, then apply the change again.',
    },
    INVALID_ASSIGNEE: {
      description: 'The assignee is no user who can work tickets: unknown, deactivated, or invited and not yet signed up.',
    },
    TOO_SHORT: { description: 'The password is shorter than allowed.' },
    TOO_COMMON: { description: 'The password is one of the most commonly used ones.' },
    TAKEN: {
      description: 'The value is in use: an email address that belongs to a user, or a name one of your saved views has (case aside).',
    },
    WRONG_PASSWORD: { description: 'The current password given is not the right one.' },
    LAST_ADMIN: { description: 'The change would leave no active admin.' },
    INVALID_LINK: { description: 'The setup or invitation link is unknown, already used or expired.' },
    NOT_ALLOWED: { description: "A scope beyond what the user's role allows." },
    INVALID_CREDENTIALS: { description: 'The email and password do not match an active account (the same answer for an unknown email).' },
    PRIVATE_ADDRESS: {
      description:
        'The URL’s host is, or resolves to, a loopback, private, link-local or other non-public address (unless WEBHOOK_ALLOW_PRIVATE).',
    },
    UNRESOLVABLE: { description: 'The URL’s host name does not resolve to any address.' },
    TOO_MANY: { description: 'The limit of such items is reached (webhook endpoints, one’s saved views).' },
  },
});

@ObjectType({ description: 'An input the server refused, and why.' })
export class UserError {
  @Field(() => String, { nullable: true, description: 'The input field at fault (e.g. `title`), or null when no single field is.' })
  field!: string | null;

  @Field(() => String, { description: 'A human-readable explanation, suitable to show beside the field.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'A stable, machine-readable reason.' })
  code!: UserErrorCode;
}

export function toUserErrors(
  issues: readonly {
    field: string | null;
    code: TicketIssueCode | AuthIssueCode | WebhookIssueCode | SavedViewIssueCode;
    message: string;
  }[],
): UserError[] {
  return issues.map((i) => ({ field: i.field, message: i.message, code: UserErrorCode[i.code] }));
}
