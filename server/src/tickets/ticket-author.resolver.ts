// Who created and who last changed a ticket, resolved in batches for a whole operation.
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadAuthor } from '../auth/actor.loader.js';
import { Actor, toActor } from '../auth/actor.type.js';
import type { ApiToken } from '../auth/api-token.type.js';
import type { User } from '../auth/user.type.js';
import type { GraphQLContext } from '../graphql/context.js';
import { Ticket } from './ticket.type.js';

@Resolver(() => Ticket)
export class TicketAuthorResolver {
  @FieldResolver(() => Actor, {
    nullable: true,
    description:
      'Who created it: a person, or the API token used. Null for anonymous writes (ANONYMOUS_ACCESS) and tickets from before sign-in.',
  })
  async createdBy(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Promise<User | ApiToken | null> {
    return toActor(await loadAuthor(ctx.loaders, { userId: ticket.createdByUserId, tokenId: ticket.createdByTokenId }));
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'Who changed it last (or created it, if unchanged since).' })
  async updatedBy(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Promise<User | ApiToken | null> {
    return toActor(await loadAuthor(ctx.loaders, { userId: ticket.updatedByUserId, tokenId: ticket.updatedByTokenId }));
  }
}
