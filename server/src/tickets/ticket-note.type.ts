// The GraphQL `TicketNote` (an agent's internal note on a ticket), its connection,
// the input and payload of `addTicketNote`, and the mapping from a stored note.
import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../graphql/user-error.type.js';
import { PageInfo } from './ticket-connection.type.js';
import { TICKET_NOTE_MAX } from './ticket.enums.js';
import type { TicketNoteRow } from './ticket-note.repository.js';

@ObjectType({
  simpleResolvers: true,
  description: 'An internal note of an agent on a ticket: append-only (a correction is a new note). Not shown to customers.',
})
export class TicketNote {
  @Field(() => ID, { description: 'Stable identifier; later notes have larger ids.' })
  id!: number;

  @Field(() => String, { description: `The text, trimmed: 1–${TICKET_NOTE_MAX.toLocaleString('en')} characters.` })
  body!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was added.' })
  createdAt!: Date;

  // The author as stored; `author` resolves it (ticket-note.resolver.ts).
  authorUserId!: number | null;
  authorTokenId!: number | null;
}

export function toTicketNote(row: TicketNoteRow): TicketNote {
  return { id: row.id, body: row.body, createdAt: row.createdAt, authorUserId: row.authorUserId, authorTokenId: row.authorTokenId };
}

@ObjectType({ simpleResolvers: true, description: 'A note with its position.' })
export class TicketNoteEdge {
  @Field(() => String, { description: 'Opaque position of this note among the ticket’s notes.' })
  cursor!: string;

  @Field(() => TicketNote, { description: 'The note.' })
  node!: TicketNote;
}

@ObjectType({ simpleResolvers: true, description: 'One page of a ticket’s notes, oldest first.' })
export class TicketNoteConnection {
  @Field(() => [TicketNoteEdge], { description: 'The notes of this page with their cursors.' })
  edges!: TicketNoteEdge[];

  @Field(() => [TicketNote], { description: 'The notes of this page (shortcut for `edges { node }`).' })
  nodes!: TicketNote[];

  @Field(() => PageInfo, { description: 'Pagination state.' })
  pageInfo!: PageInfo;
}

@InputType({ description: 'A new internal note.' })
export class AddTicketNoteInput {
  @Field(() => String, {
    description: `Plain text, trimmed; not blank, at most ${TICKET_NOTE_MAX.toLocaleString('en')} characters (code points).`,
  })
  body!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Result of `addTicketNote`.' })
export class AddTicketNotePayload {
  @Field(() => TicketNote, { nullable: true, description: 'The note added; null when `userErrors` is not empty.' })
  note!: TicketNote | null;

  @Field(() => [UserError], { description: 'Why the note was refused (NOT_FOUND on `ticketId`, or the `body`); empty on success.' })
  userErrors!: UserError[];
}
