// GraphQL adapter of live updates: `ticketActivity`, served over WebSocket
// (live/live.transport.ts). Subscribing checks the ticket and opens the caller's
// feed; each activity is then sent as it comes.
import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Access } from '../auth/access.decorator.js';
import type { GraphQLContext } from '../graphql/context.js';
import { TicketError } from '../tickets/ticket.errors.js';
import { getTicket } from '../tickets/ticket.service.js';
import { TicketActivity } from './ticket-activity.type.js';

/** Opens the feed of the caller's connection; only a WebSocket connection has one. */
async function subscribe({
  args,
  context,
}: SubscribeResolverData<unknown, { ticketId?: string | null }, GraphQLContext>): Promise<AsyncIterable<TicketActivity>> {
  const rawTicketId = args.ticketId;
  let ticketId: number | null = null;
  if (rawTicketId != null) {
    const ticket = await getTicket(context.db, rawTicketId);
    if (!ticket) throw new TicketError('NOT_FOUND', [{ field: 'ticketId', code: 'NOT_FOUND', message: 'Not found.' }]);
    ticketId = ticket.id;
  }
  return context.live.subscribe({ ticketId });
}

@Resolver(() => TicketActivity)
export class TicketActivityResolver {
  @Access('tickets:read')
  @Subscription(() => TicketActivity, {
    description:
      "Committed activity on tickets, in commit order per ticket; only `ticketId`'s when given. Over WebSocket at /graphql (the graphql-transport-ws protocol); an unknown `ticketId` is NOT_FOUND.",
    subscribe,
  })
  ticketActivity(
    @Root() activity: TicketActivity,
    // Read by `subscribe` above; declared here so that the schema has it.
    @Arg('ticketId', () => ID, { nullable: true, description: 'Only this ticket’s activity.' }) _ticketId: string | null,
  ): TicketActivity {
    return activity;
  }
}
