// The live updates' closed vocabulary: what a commit did to a ticket, how many
// events one activity can carry, and the channel commits are announced on.
import { registerEnumType } from 'type-graphql';
import { TICKET_EVENT_FIELDS } from '../tickets/ticket.enums.js';

export enum TicketActivityKind {
  CREATED = 'created',
  CHANGED = 'changed',
  NOTE_ADDED = 'note_added',
}

/**
 * Most events one activity carries: a commit changes each field at most once, so a
 * change has at most one event per field (the assignee's included); a creation has
 * two (created, assigned), a note one. The response-size limit reads it.
 */
export const TICKET_ACTIVITY_EVENTS_MAX = TICKET_EVENT_FIELDS.length;

/** The channel the outbox trigger notifies once per ticket per writing statement (drizzle/0013_webhook_outbox.sql). */
export const TICKET_EVENTS_CHANNEL = 'ticket_events';

registerEnumType(TicketActivityKind, {
  name: 'TicketActivityKind',
  description: 'What a commit did to a ticket.',
  valuesConfig: {
    CREATED: { description: 'The ticket was created (with its assignment, when it was created assigned).' },
    CHANGED: { description: 'Fields of the ticket changed, its assignee included: `changedFields` names them.' },
    NOTE_ADDED: { description: 'An internal note was added: `note` is the note.' },
  },
});
