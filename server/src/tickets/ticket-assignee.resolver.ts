// Who works a ticket (`Ticket.assignee`) and whom an assignment event names
// (`TicketEvent.assignee`, `previousAssignee`), loaded in batches for a whole operation.
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toUser, User } from '../auth/user.type.js';
import type { GraphQLContext } from '../graphql/context.js';
import { TicketEvent } from './ticket-event.type.js';
import { Ticket } from './ticket.type.js';

/** The user by id through the operation's loader; null for none (or a row gone, which the foreign key prevents). */
export async function loadUser(ctx: GraphQLContext, userId: number | null): Promise<User | null> {
  if (userId === null) return null;
  const row = await ctx.loaders.users.load(userId);
  return row ? toUser(row) : null;
}

@Resolver(() => Ticket)
export class TicketAssigneeResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who works the ticket; null when nobody is assigned.' })
  assignee(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Promise<User | null> {
    return loadUser(ctx, ticket.assigneeUserId);
  }
}

@Resolver(() => TicketEvent)
export class TicketEventAssigneeResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'ASSIGNED: the new assignee; UNASSIGNED: the assignee removed; null for other kinds.',
  })
  assignee(@Root() event: TicketEvent, @Ctx() ctx: GraphQLContext): Promise<User | null> {
    return loadUser(ctx, event.assigneeUserId);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'ASSIGNED on a reassignment: the assignee before; null otherwise.',
  })
  previousAssignee(@Root() event: TicketEvent, @Ctx() ctx: GraphQLContext): Promise<User | null> {
    return loadUser(ctx, event.previousAssigneeUserId);
  }
}
