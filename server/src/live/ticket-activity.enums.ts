// The live updates' closed vocabulary: what a commit did to a ticket, and how many
// events one activity can carry.
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

registerEnumType(TicketActivityKind, {
  name: 'TicketActivityKind',
  description: 'What a commit did to a ticket.',
  valuesConfig: {
    CREATED: { description: 'The ticket was created (with its assignment, when it was created assigned).' },
    CHANGED: { description: 'Fields of the ticket changed, its assignee included: `changedFields` names them.' },
    NOTE_ADDED: { description: 'An internal note was added: `note` is the note.' },
  },
});
