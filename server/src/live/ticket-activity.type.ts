// The GraphQL `TicketActivity`: what a live subscriber is told of one commit on one
// ticket (its kind, the ticket after it, the fields it changed, its history events).
import { Field, ObjectType } from 'type-graphql';
import { TicketEventField } from '../tickets/ticket.enums.js';
import { TicketEvent } from '../tickets/ticket-event.type.js';
import { TicketNote } from '../tickets/ticket-note.type.js';
import { Ticket } from '../tickets/ticket.type.js';
import { TICKET_ACTIVITY_EVENTS_MAX, TicketActivityKind } from './ticket-activity.enums.js';

@ObjectType({ simpleResolvers: true, description: 'One commit’s activity on one ticket, as a live subscriber sees it.' })
export class TicketActivity {
  @Field(() => TicketActivityKind, { description: 'What the commit did.' })
  kind!: TicketActivityKind;

  @Field(() => Ticket, {
    description:
      'The ticket as it is after this commit, read when the activity is sent: when changes follow each other closely it may already include a later one (compare `version`).',
  })
  ticket!: Ticket;

  @Field(() => [TicketEventField], {
    description: 'CHANGED: the fields that changed, in the order of TicketEventField (ASSIGNEE for an assignment); empty for other kinds.',
  })
  changedFields!: TicketEventField[];

  @Field(() => [TicketEvent], {
    description: `This commit's history events on the ticket, oldest first (at most ${TICKET_ACTIVITY_EVENTS_MAX}).`,
  })
  events!: TicketEvent[];

  @Field(() => TicketNote, { nullable: true, description: 'NOTE_ADDED: the note; null for other kinds.' })
  note!: TicketNote | null;
}
