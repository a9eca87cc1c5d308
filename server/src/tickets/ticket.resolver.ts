// GraphQL adapter of the tickets feature: unpack arguments, call one service
// function, shape the answer. No rules live here.
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { toUserErrors } from '../graphql/user-error.type.js';
import { TicketError } from './ticket.errors.js';
import { toTicket } from './ticket.mapper.js';
import { CreateTicketPayload, TicketConnection, UpdateTicketPayload } from './ticket-connection.type.js';
import { CreateTicketInput, TicketFilter, TicketOrder, UpdateTicketInput } from './ticket.inputs.js';
import {
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  countMatchingTickets,
  createTicket,
  encodeCursor,
  getTicket,
  listTickets,
  updateTicket,
} from './ticket.service.js';
import { EXACT_COUNT_ESTIMATE_LIMIT, TOTAL_COUNT_CAP, type TicketCount } from './ticket.repository.js';
import { Ticket } from './ticket.type.js';

async function asPayload(work: () => Promise<Parameters<typeof toTicket>[0]>) {
  try {
    return { ticket: toTicket(await work()), userErrors: [] };
  } catch (error) {
    if (error instanceof TicketError) return { ticket: null, userErrors: toUserErrors(error.issues) };
    throw error;
  }
}

@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => TicketConnection, {
    description:
      'Tickets, newest first by default, filtered and searched, one page at a time (keyset cursors: pages never repeat or skip a ticket).',
  })
  async tickets(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => TicketFilter, { nullable: true, description: 'Restrict to matching tickets.' })
    filter: TicketFilter | null,
    @Arg('search', () => String, {
      nullable: true,
      description:
        'Case-insensitive text search over title and description. Every whitespace-separated term must appear; `%` and `_` match literally. At most 200 characters.',
    })
    search: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Page size: default ${PAGE_SIZE_DEFAULT}, at most ${PAGE_SIZE_MAX} (larger is a BAD_USER_INPUT error).`,
    })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Return tickets after this cursor (`pageInfo.endCursor`).' })
    after: string | null,
    @Arg('orderBy', () => TicketOrder, { nullable: true, description: 'Sort order; default NEWEST_FIRST.' })
    orderBy: TicketOrder | null,
  ): Promise<TicketConnection> {
    const page = await listTickets(ctx.db, { filter, search, first, after, orderBy });
    const edges = page.rows.map((row) => ({ cursor: encodeCursor(row), node: toTicket(row) }));
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      query: page.query,
    };
  }

  @Query(() => Ticket, { nullable: true, description: 'One ticket by id; null when it does not exist.' })
  async ticket(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The ticket id.' }) id: string): Promise<Ticket | null> {
    const row = await getTicket(ctx.db, id);
    return row ? toTicket(row) : null;
  }

  @Mutation(() => CreateTicketPayload, {
    description: 'Create a ticket. Validation failures come back in `userErrors`, each naming its field.',
  })
  createTicket(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CreateTicketInput, { description: 'The new ticket.' }) input: CreateTicketInput,
  ): Promise<CreateTicketPayload> {
    // An explicit null reaches the shared rules as it is, and is refused there as
    // REST refuses it ("may not be null"); an omitted field takes its default.
    return asPayload(() =>
      createTicket(ctx.db, {
        title: input.title,
        description: input.description,
        category: input.category,
        priority: input.priority,
        status: input.status,
        suggestion: input.suggestion ?? null,
      }),
    );
  }

  @Mutation(() => UpdateTicketPayload, {
    description: 'Change any of title, description, category, priority and status. An unknown id is a NOT_FOUND user error.',
  })
  updateTicket(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The ticket to change.' }) id: string,
    @Arg('input', () => UpdateTicketInput, { description: 'The fields to change.' }) input: UpdateTicketInput,
  ): Promise<UpdateTicketPayload> {
    return asPayload(() => updateTicket(ctx.db, id, input));
  }
}

@Resolver(() => TicketConnection)
export class TicketConnectionResolver {
  // Both fields come from one bounded count, run once per connection and only when asked for.
  private count(connection: TicketConnection, ctx: GraphQLContext): Promise<TicketCount> {
    connection.counted ??= countMatchingTickets(ctx.db, connection.query);
    return connection.counted;
  }

  @FieldResolver(() => Int, {
    description: `Number of tickets matching the filter and search, across all pages. Exact with no filter or a filter of categories, priorities and statuses only (read from counters the database keeps, at the same cost for any number of tickets). With a search or a createdAt range it is exact when the database expects at most ${EXACT_COUNT_ESTIMATE_LIMIT.toLocaleString('en')} matches and counts them quickly (at most ${TOTAL_COUNT_CAP.toLocaleString('en')}); otherwise it is the database's estimate and \`totalCountIsExact\` is false. Never scans millions of rows.`,
  })
  async totalCount(@Root() connection: TicketConnection, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await this.count(connection, ctx)).count;
  }

  @FieldResolver(() => Boolean, {
    description: 'False when `totalCount` is an estimate rather than an exact count (a search or createdAt range matching many tickets).',
  })
  async totalCountIsExact(@Root() connection: TicketConnection, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return (await this.count(connection, ctx)).exact;
  }
}
