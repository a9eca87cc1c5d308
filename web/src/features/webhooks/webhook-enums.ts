// The webhook vocabularies the admin screens show, in display order, with their
// labels and the names receivers see on the wire; compiling fails when the schema
// gains a value that is not listed here.
import type { WebhookAttemptError, WebhookDeliveryStatus, WebhookEventType } from '../../gql/graphql.js';

export const WEBHOOK_EVENT_TYPES = ['TICKET_CREATED', 'TICKET_CHANGED', 'NOTE_ADDED'] as const satisfies readonly WebhookEventType[];

type AssertNever<T extends never> = T;
type _AllEventTypesListed = AssertNever<Exclude<WebhookEventType, (typeof WEBHOOK_EVENT_TYPES)[number]>>;

export const EVENT_TYPE_LABEL: Record<WebhookEventType, string> = {
  TICKET_CREATED: 'Ticket created',
  TICKET_CHANGED: 'Ticket changed',
  NOTE_ADDED: 'Note added',
};

/** The payload's `type` and the `X-Webhook-Event` header, as the receiver's code matches them. */
export const EVENT_TYPE_WIRE_NAME: Record<WebhookEventType, string> = {
  TICKET_CREATED: 'ticket.created',
  TICKET_CHANGED: 'ticket.changed',
  NOTE_ADDED: 'note.added',
};

export const EVENT_TYPE_DESCRIPTION: Record<WebhookEventType, string> = {
  TICKET_CREATED: 'A ticket was created (ticket.created).',
  TICKET_CHANGED: 'Fields of a ticket changed, its assignment too (ticket.changed).',
  NOTE_ADDED: 'An internal note was added to a ticket (note.added).',
};

export const DELIVERY_STATUS_LABEL: Record<WebhookDeliveryStatus, string> = {
  PENDING: 'Pending',
  DELIVERED: 'Delivered',
  FAILED: 'Failed',
};

/** The badge colour of each status (app.css). */
export const DELIVERY_STATUS_BADGE: Record<WebhookDeliveryStatus, 'active' | 'pending' | 'inactive'> = {
  PENDING: 'pending',
  DELIVERED: 'active',
  FAILED: 'inactive',
};

export const ATTEMPT_ERROR_LABEL: Record<WebhookAttemptError, string> = {
  TIMEOUT: 'No answer in time',
  CONNECTION_FAILED: 'Could not connect',
  ADDRESS_REFUSED: 'Address refused (private network)',
  ABORTED: 'Interrupted by a server restart',
};
