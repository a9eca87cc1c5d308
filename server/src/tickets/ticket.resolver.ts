// GraphQL adapter of the tickets feature: unpack arguments, call one service
// function, shape the answer. No rules live here.
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../auth/access.decorator.js';
import type { GraphQLContext } from '../graphql/context.js';
import { toUserErrors } from '../graphql/user-error.type.js';
import { TicketError } from './ticket.errors.js';
import { toTicket } from './ticket.mapper.js';
import { CreateTicketPayload, TicketConnection, toConnection, UpdateTicketPayload } from './ticket-connection.type.js';
import { CreateTicketInput, TicketFilter, UpdateTicketInput } from './ticket.inputs.js';
import {
  COUNT_TIMEOUT_MS,
  DEFAULT_TICKET_ORDER,
  encodeCursor,
  EXACT_COUNT_ESTIMATE_LIMIT,
  GRAPHQL_PAGE_SIZE,
  INDEXED_TERM_MIN_LENGTH,
  SEARCH_MAX_LENGTH,
  SHORT_SEARCH_TIMEOUT_MS,
  TicketOrder,
  TOTAL_COUNT_CAP,
} from './ticket-query.js';
import { countMatchingTickets, createTicket, getTicket, listTickets, updateTicket } from './ticket.service.js';
import type { TicketCount } from './ticket-count.repository.js';
import { Ticket } from './ticket.type.js';

async function asPayload(work: () => Promise<Parameters<typeof toTicket>[0]>) {
  try {
    return { ticket: toTicket(await work()), userErrors: [] };
  } catch (error) {
    if (error instanceof TicketError) return { ticket: null, userErrors: toUserErrors(error.issues) };
    throw error;
  }
}

const COUNT_FIELDS = new Set(['totalCount', 'totalCountIsExact']);

/** Whether the `tickets` selection asks for its count (directly or through fragments). */
function selectsCount(info: GraphQLResolveInfo): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) => {
      if (s.kind === 'Field') return COUNT_FIELDS.has(s.name.value);
      if (s.kind === 'InlineFragment') return visit(s.selectionSet);
      return visit(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

@Resolver(() => Ticket)
export class TicketResolver {
  @Access('tickets:read')
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
        `Case-insensitive text search over title and description. Every whitespace-separated term must appear; \`%\` and \`_\` match literally. At most ${SEARCH_MAX_LENGTH} characters. ` +
        `A search whose terms are all shorter than ${INDEXED_TERM_MIN_LENGTH} characters cannot use the search index and reads tickets newest first until the page is full: on PostgreSQL it gets ${SHORT_SEARCH_TIMEOUT_MS} ms, after which it is refused (BAD_USER_INPUT on \`search\`); the embedded PGlite database has no time limit, so a rare short term reads every ticket there.`,
    })
    search: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Page size: default ${GRAPHQL_PAGE_SIZE.default}, at most ${GRAPHQL_PAGE_SIZE.max} (larger is a BAD_USER_INPUT error).`,
    })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Return tickets after this cursor (`pageInfo.endCursor`).' })
    after: string | null,
    @Arg('orderBy', () => TicketOrder, { nullable: true, description: `Sort order; default ${DEFAULT_TICKET_ORDER}.` })
    orderBy: TicketOrder | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TicketConnection> {
    // Whether `totalCount`/`totalCountIsExact` were asked for: the page and the count
    // are then fetched together (one statement for a rare search) instead of one
    // after the other.
    const withCount = selectsCount(info);
    const page = await listTickets(ctx.db, { caller: ctx.actor, filter, search, first, after, orderBy, withCount });
    return {
      ...toConnection(page, (row) => encodeCursor(page.order, row), toTicket),
      query: page.query,
      ...(page.count ? { counted: Promise.resolve(page.count) } : {}),
    };
  }

  @Access('tickets:read')
  @Query(() => Ticket, { nullable: true, description: 'One ticket by id; null when it does not exist.' })
  async ticket(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The ticket id.' }) id: string): Promise<Ticket | null> {
    const row = await getTicket(ctx.db, id);
    return row ? toTicket(row) : null;
  }

  @Access('tickets:write')
  @Mutation(() => CreateTicketPayload, {
    description: 'Create a ticket. Validation failures come back in `userErrors`, each naming its field.',
  })
  async createTicket(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CreateTicketInput, { description: 'The new ticket.' }) input: CreateTicketInput,
  ): Promise<CreateTicketPayload> {
    let suggestionIgnored = false;
    // An explicit null reaches the shared rules as it is, and is refused there as
    // REST refuses it ("may not be null"); an omitted field takes its default.
    const payload = await asPayload(async () => {
      const created = await createTicket(
        ctx.db,
        ctx.actor,
        {
          title: input.title,
          description: input.description,
          category: input.category,
          priority: input.priority,
          status: input.status,
          assigneeId: input.assigneeId,
          suggestion: { id: input.suggestionId },
        },
        { idempotencyKey: input.idempotencyKey },
      );
      suggestionIgnored = created.suggestionIgnored;
      return created.ticket;
    });
    return { ...payload, suggestionIgnored };
  }

  @Access('tickets:write')
  @Mutation(() => UpdateTicketPayload, {
    description:
      'Change any of title, description, category, priority and status; each changed field is recorded in `history`. An unknown id is a NOT_FOUND user error; a stale `expectedVersion` a CONFLICT one (nothing changed).',
  })
  updateTicket(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The ticket to change.' }) id: string,
    @Arg('input', () => UpdateTicketInput, { description: 'The fields to change.' }) input: UpdateTicketInput,
  ): Promise<UpdateTicketPayload> {
    const { expectedVersion, ...fields } = input;
    return asPayload(() => updateTicket(ctx.db, ctx.actor, id, fields, { expectedVersion }));
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
    description:
      `Number of tickets matching the filter and search, across all pages. With no filter, or categories, priorities and statuses only: exact, read from counters the database keeps (the same cost for any number of tickets). ` +
      `With a search or a createdAt range, the database's planner first estimates the matches from its table statistics, reading no rows. ` +
      `When it expects more than ${EXACT_COUNT_ESTIMATE_LIMIT.toLocaleString('en')}, that estimate is returned, even if fewer match. ` +
      `Otherwise the matches are counted, up to ${TOTAL_COUNT_CAP.toLocaleString('en')} (past that, ${TOTAL_COUNT_CAP.toLocaleString('en')} is returned). ` +
      `A count that cannot use the search index (a createdAt range, or terms all shorter than ${INDEXED_TERM_MIN_LENGTH} characters) gets ${COUNT_TIMEOUT_MS} ms on PostgreSQL, after which the estimate is returned; the embedded PGlite database has no such time limit. ` +
      `\`totalCountIsExact\` tells which: false for an estimate or the cap. Estimates move when the statistics are refreshed (ANALYZE: automatic on PostgreSQL, at start when stale on PGlite), so an estimated totalCount may change while the tickets do not.`,
  })
  async totalCount(@Root() connection: TicketConnection, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await this.count(connection, ctx)).count;
  }

  @FieldResolver(() => Boolean, {
    description:
      "False when `totalCount` is not the exact number of matches: the planner's estimate (a search or createdAt range expected to match many tickets, or whose count ran out of time) or the counting cap.",
  })
  async totalCountIsExact(@Root() connection: TicketConnection, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return (await this.count(connection, ctx)).exact;
  }
}
