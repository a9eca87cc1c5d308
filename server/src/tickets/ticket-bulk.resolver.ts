// GraphQL adapter of bulk changes: its input, its payload and `bulkUpdateTickets`.
// The rules live in ticket-bulk.service.ts.
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Access } from '../auth/access.decorator.js';
import type { GraphQLContext } from '../graphql/context.js';
import { toUserErrors, UserError } from '../graphql/user-error.type.js';
import { BULK_UPDATE_MAX_TICKETS, bulkUpdateTickets } from './ticket-bulk.service.js';
import { TicketCategory, TicketPriority, TicketStatus } from './ticket.enums.js';
import { TicketError } from './ticket.errors.js';
import { toTicket } from './ticket.mapper.js';
import { Ticket } from './ticket.type.js';

@InputType({ description: 'The version of one ticket a bulk change is based on.' })
export class TicketVersionInput {
  @Field(() => ID, { description: 'A ticket of `ids`.' })
  id!: string;

  @Field(() => Int, { description: "The ticket's `version` as the client last read it." })
  version!: number;
}

@InputType({ description: 'What a bulk change sets on every ticket: only the fields given change.' })
export class BulkUpdateTicketsInput {
  @Field(() => TicketCategory, { nullable: true, description: 'New category.' })
  category?: TicketCategory | null;

  @Field(() => TicketPriority, { nullable: true, description: 'New priority.' })
  priority?: TicketPriority | null;

  @Field(() => TicketStatus, { nullable: true, description: 'New status.' })
  status?: TicketStatus | null;

  @Field(() => ID, {
    nullable: true,
    description: 'New assignee (an active user who has signed up); null unassigns; omitted keeps each ticket’s assignee.',
  })
  assigneeId?: string | null;

  @Field(() => [TicketVersionInput], {
    nullable: true,
    description:
      'For any of the tickets, the version the change is based on: if one is at another version, nothing changes and `userErrors` has a CONFLICT for it. Tickets not listed change whatever their version.',
  })
  expectedVersions?: TicketVersionInput[] | null;
}

@ObjectType({ simpleResolvers: true, description: 'Result of `bulkUpdateTickets`.' })
export class BulkUpdateTicketsPayload {
  @Field(() => [Ticket], {
    nullable: true,
    description: 'The tickets in the order of `ids` (repeats included); null when `userErrors` is not empty.',
  })
  tickets!: Ticket[] | null;

  @Field(() => [UserError], {
    description: 'Why nothing changed: the input, or each failing ticket as `ids.<index>` (NOT_FOUND, CONFLICT); empty on success.',
  })
  userErrors!: UserError[];
}

@Resolver()
export class TicketBulkResolver {
  @Access('tickets:write')
  @Mutation(() => BulkUpdateTicketsPayload, {
    description: `Change status, priority, category or assignee of up to ${BULK_UPDATE_MAX_TICKETS} tickets in one transaction, recording each ticket's events as \`updateTicket\` does. All or nothing: an unknown ticket or a stale expected version changes nothing.`,
  })
  async bulkUpdateTickets(
    @Ctx() ctx: GraphQLContext,
    @Arg('ids', () => [ID], { description: `The tickets to change: at most ${BULK_UPDATE_MAX_TICKETS}; repeats count once.` })
    ids: string[],
    @Arg('input', () => BulkUpdateTicketsInput, { description: 'What to set.' }) input: BulkUpdateTicketsInput,
  ): Promise<BulkUpdateTicketsPayload> {
    try {
      return { tickets: (await bulkUpdateTickets(ctx.db, ctx.actor, ids, input)).map(toTicket), userErrors: [] };
    } catch (error) {
      if (error instanceof TicketError) return { tickets: null, userErrors: toUserErrors(error.issues) };
      throw error;
    }
  }
}
