// GraphQL adapter of the notes: `Ticket.notes` (batched across the tickets of an
// operation), `addTicketNote`, and who wrote each note. No rules live here.
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Access } from '../auth/access.decorator.js';
import { loadAuthor } from '../auth/actor.loader.js';
import { Actor, toActor } from '../auth/actor.type.js';
import type { ApiToken } from '../auth/api-token.type.js';
import type { User } from '../auth/user.type.js';
import type { GraphQLContext } from '../graphql/context.js';
import { toUserErrors } from '../graphql/user-error.type.js';
import { TicketError } from './ticket.errors.js';
import { addTicketNote, encodeNoteCursor, listTicketNotes } from './ticket-note.service.js';
import { AddTicketNoteInput, AddTicketNotePayload, TicketNote, TicketNoteConnection, toTicketNote } from './ticket-note.type.js';
import { GRAPHQL_PAGE_SIZE } from './ticket-query.js';
import { toConnection } from './ticket-connection.type.js';
import { Ticket } from './ticket.type.js';

@Resolver(() => Ticket)
export class TicketNotesResolver {
  @FieldResolver(() => TicketNoteConnection, {
    description: 'The internal notes of agents on the ticket, oldest first. Append-only: never edited or deleted.',
  })
  async notes(
    @Root() ticket: Ticket,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Page size: default ${GRAPHQL_PAGE_SIZE.default}, at most ${GRAPHQL_PAGE_SIZE.max} (larger is a BAD_USER_INPUT error).`,
    })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Return notes after this cursor (`pageInfo.endCursor`).' })
    after: string | null,
  ): Promise<TicketNoteConnection> {
    const page = await listTicketNotes((ticketId, p) => ctx.loaders.notePages.load({ ticketId, ...p }), ticket.id, { first, after });
    return toConnection(page, encodeNoteCursor, toTicketNote);
  }

  @Access('tickets:write')
  @Mutation(() => AddTicketNotePayload, {
    description:
      'Add an internal note to a ticket, recorded in its `history` (NOTE_ADDED). The ticket itself does not change (same `version`). An unknown ticket is a NOT_FOUND user error on `ticketId`.',
  })
  async addTicketNote(
    @Ctx() ctx: GraphQLContext,
    @Arg('ticketId', () => ID, { description: 'The ticket to add the note to.' }) ticketId: string,
    @Arg('input', () => AddTicketNoteInput, { description: 'The note.' }) input: AddTicketNoteInput,
  ): Promise<AddTicketNotePayload> {
    try {
      return { note: toTicketNote(await addTicketNote(ctx.db, ctx.actor, ticketId, { body: input.body })), userErrors: [] };
    } catch (error) {
      if (error instanceof TicketError) return { note: null, userErrors: toUserErrors(error.issues) };
      throw error;
    }
  }
}

@Resolver(() => TicketNote)
export class TicketNoteAuthorResolver {
  @FieldResolver(() => Actor, {
    nullable: true,
    description: 'Who wrote it: a person, or the API token used. Null for anonymous writes (ANONYMOUS_ACCESS).',
  })
  async author(@Root() note: TicketNote, @Ctx() ctx: GraphQLContext): Promise<User | ApiToken | null> {
    return toActor(await loadAuthor(ctx.loaders, { userId: note.authorUserId, tokenId: note.authorTokenId }));
  }
}
