// A ticket's history (`Ticket.history`) and who made each change (`TicketEvent.actor`),
// the actors loaded in batches for a whole operation.
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { loadAuthor } from '../auth/actor.loader.js';
import { Actor, toActor } from '../auth/actor.type.js';
import type { ApiToken } from '../auth/api-token.type.js';
import type { User } from '../auth/user.type.js';
import type { GraphQLContext } from '../graphql/context.js';
import { toTicketEvent } from './ticket-event.mapper.js';
import { encodeEventCursor, listTicketHistory } from './ticket-event.service.js';
import { TicketEvent, TicketEventConnection } from './ticket-event.type.js';
import { GRAPHQL_PAGE_SIZE } from './ticket-query.js';
import { toConnection } from './ticket-connection.type.js';
import { Ticket } from './ticket.type.js';

@Resolver(() => Ticket)
export class TicketHistoryResolver {
  @FieldResolver(() => TicketEventConnection, {
    description:
      'Everything that happened to the ticket, oldest first: its creation, then one event per changed field or note added, each with who and when. Recorded in the same transaction as the change; never edited or deleted.',
  })
  async history(
    @Root() ticket: Ticket,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Page size: default ${GRAPHQL_PAGE_SIZE.default}, at most ${GRAPHQL_PAGE_SIZE.max} (larger is a BAD_USER_INPUT error).`,
    })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Return events after this cursor (`pageInfo.endCursor`).' })
    after: string | null,
  ): Promise<TicketEventConnection> {
    // Batched: the tickets of a list read their pages in one statement.
    const page = await listTicketHistory((ticketId, p) => ctx.loaders.historyPages.load({ ticketId, ...p }), ticket.id, { first, after });
    return toConnection(page, encodeEventCursor, toTicketEvent);
  }
}

@Resolver(() => TicketEvent)
export class TicketEventActorResolver {
  @FieldResolver(() => Actor, {
    nullable: true,
    description: 'Who made the change: a person, or the API token used. Null for anonymous writes (ANONYMOUS_ACCESS) and the system.',
  })
  async actor(@Root() event: TicketEvent, @Ctx() ctx: GraphQLContext): Promise<User | ApiToken | null> {
    return toActor(await loadAuthor(ctx.loaders, { userId: event.actorUserId, tokenId: event.actorTokenId }));
  }
}
