// The GraphQL `TicketEvent` (one entry of a ticket's history) and its connection.
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { PageInfo } from './ticket-connection.type.js';
import { TicketNote } from './ticket-note.type.js';
import { TicketEventField, TicketEventKind } from './ticket.enums.js';
import { TicketSuggestion } from './ticket.type.js';

@ObjectType({ simpleResolvers: true, description: 'One change of a ticket, as it was recorded with the change: append-only.' })
export class TicketEvent {
  @Field(() => ID, { description: 'Stable identifier; later events have larger ids.' })
  id!: number;

  @Field(() => TicketEventKind, { description: 'What happened.' })
  kind!: TicketEventKind;

  @Field(() => GraphQLISODateTime, { description: 'When (the time of the transaction that made the change).' })
  at!: Date;

  @Field(() => TicketEventField, { nullable: true, description: 'FIELD_CHANGED: the field that changed; null otherwise.' })
  field!: TicketEventField | null;

  @Field(() => String, {
    nullable: true,
    description: 'FIELD_CHANGED: the value before. For category, priority and status, the enum value name (e.g. `IN_PROGRESS`).',
  })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'FIELD_CHANGED: the value after, as `from`.' })
  to!: string | null;

  @Field(() => TicketSuggestion, {
    nullable: true,
    description:
      'CREATED: the AI suggestion shown, and whether the ticket was saved with it (`accepted`); null when none was shown, and for other kinds.',
  })
  suggestion!: TicketSuggestion | null;

  @Field(() => TicketNote, { nullable: true, description: 'NOTE_ADDED: the note; null for other kinds.' })
  note!: TicketNote | null;

  // The actor as stored; `actor` resolves it (ticket-history.resolver.ts).
  actorUserId!: number | null;
  actorTokenId!: number | null;
  // ASSIGNED/UNASSIGNED: as stored; `assignee`/`previousAssignee` resolve them (ticket-assignee.resolver.ts).
  assigneeUserId!: number | null;
  previousAssigneeUserId!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'A history event with its position.' })
export class TicketEventEdge {
  @Field(() => String, { description: 'Opaque position of this event in the history.' })
  cursor!: string;

  @Field(() => TicketEvent, { description: 'The event.' })
  node!: TicketEvent;
}

@ObjectType({ simpleResolvers: true, description: 'One page of a ticket’s history, oldest first.' })
export class TicketEventConnection {
  @Field(() => [TicketEventEdge], { description: 'The events of this page with their cursors.' })
  edges!: TicketEventEdge[];

  @Field(() => [TicketEvent], { description: 'The events of this page (shortcut for `edges { node }`).' })
  nodes!: TicketEvent[];

  @Field(() => PageInfo, { description: 'Pagination state.' })
  pageInfo!: PageInfo;
}
