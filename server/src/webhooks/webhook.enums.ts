// The webhooks' closed vocabularies, as stored (lowercase, dotted) and as GraphQL
// exposes them: which events an endpoint can receive, where a delivery stands, and
// why an attempt got no answer. The database checks and the outbox trigger read
// these lists too (db/schema.ts, drizzle/0013_webhook_outbox.sql).
import { registerEnumType } from 'type-graphql';

export enum WebhookEventType {
  TICKET_CREATED = 'ticket.created',
  /** Fields of the ticket changed (its assignment too): the payload lists them. */
  TICKET_CHANGED = 'ticket.changed',
  NOTE_ADDED = 'note.added',
}

export enum WebhookDeliveryStatus {
  /** Waiting for its (next) attempt, or being attempted. */
  PENDING = 'pending',
  DELIVERED = 'delivered',
  /** Retried for WEBHOOK_RETRY_WINDOW_HOURS without a 2xx answer: given up (until redelivered). */
  FAILED = 'failed',
}

/** Why an attempt has no status code. */
export enum WebhookAttemptError {
  TIMEOUT = 'timeout',
  CONNECTION_FAILED = 'connection_failed',
  /** The host resolved to an address the server may not call (WEBHOOK_ALLOW_PRIVATE). */
  ADDRESS_REFUSED = 'address_refused',
  /** The process stopped while the attempt was in flight. */
  ABORTED = 'aborted',
}

/** The longest endpoint URL accepted, in characters of its normalised (ASCII) form. */
export const WEBHOOK_URL_MAX = 2_000;

/** How long a delivery is retried without a 2xx answer before it is given up. */
export const WEBHOOK_RETRY_WINDOW_HOURS = 24;

export const WEBHOOK_EVENT_TYPES = Object.values(WebhookEventType);
export const WEBHOOK_DELIVERY_STATUSES = Object.values(WebhookDeliveryStatus);
export const WEBHOOK_ATTEMPT_ERRORS = Object.values(WebhookAttemptError);

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'What an endpoint can subscribe to.',
  valuesConfig: {
    TICKET_CREATED: { description: '`ticket.created`: a ticket was created.' },
    TICKET_CHANGED: { description: '`ticket.changed`: fields of a ticket changed (its assignment too); `changes` lists them.' },
    NOTE_ADDED: { description: '`note.added`: a note was added to a ticket.' },
  },
});

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its next attempt, or being attempted.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Retried for 24 hours without a 2xx answer; redeliver it to try again.' },
  },
});

registerEnumType(WebhookAttemptError, {
  name: 'WebhookAttemptError',
  description: 'Why an attempt got no HTTP answer.',
  valuesConfig: {
    TIMEOUT: { description: 'No complete answer within the timeout (10 s by default).' },
    CONNECTION_FAILED: { description: 'The host could not be resolved or reached, or the connection broke.' },
    ADDRESS_REFUSED: { description: 'The host resolved to a loopback, private or link-local address: not called.' },
    ABORTED: { description: 'The server process stopped during the attempt; it is retried.' },
  },
});
