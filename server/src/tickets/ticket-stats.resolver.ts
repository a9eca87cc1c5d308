// GraphQL adapter of the ticket statistics.
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../auth/access.decorator.js';
import type { GraphQLContext } from '../graphql/context.js';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from './ticket.enums.js';
import { TicketFilter } from './ticket.inputs.js';
import { loadUser } from './ticket-assignee.resolver.js';
import { ACTIVE_BY_ASSIGNEE_MAX, getActiveByAssignee, getTicketStats, getTicketsPerDay, TICKETS_PER_DAY_MAX } from './ticket.service.js';
import { AssigneeCount, DayCount, TicketStats } from './ticket-stats.type.js';

const rate = (accepted: number, suggested: number) => (suggested === 0 ? null : accepted / suggested);

@Resolver(() => TicketStats)
export class TicketStatsResolver {
  @Access('tickets:read')
  @Query(() => TicketStats, { description: 'Statistics over all tickets, or those matching `filter`.' })
  async stats(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => TicketFilter, { nullable: true, description: 'Restrict to matching tickets.' })
    filter: TicketFilter | null,
  ): Promise<TicketStats> {
    const s = await getTicketStats(ctx.db, filter, ctx.actor);
    return {
      totalTickets: s.totalTickets,
      openTickets: s.openTickets,
      avgTicketsPerDay: s.avgTicketsPerDay,
      priorityBreakdown: TICKET_PRIORITIES.map((priority) => ({ priority, count: s.byPriority[priority] })),
      categoryBreakdown: TICKET_CATEGORIES.map((category) => ({ category, count: s.byCategory[category] })),
      statusBreakdown: TICKET_STATUSES.map((status) => ({ status, count: s.byStatus[status] })),
      suggestionAcceptance: {
        suggested: s.suggestions.suggested,
        accepted: s.suggestions.accepted,
        overridden: s.suggestions.suggested - s.suggestions.accepted,
        acceptanceRate: rate(s.suggestions.accepted, s.suggestions.suggested),
        byCategory: TICKET_CATEGORIES.map((category) => {
          const f = s.suggestions.byCategory[category];
          return {
            category,
            suggested: f.suggested,
            accepted: f.accepted,
            overridden: f.suggested - f.accepted,
            acceptanceRate: rate(f.accepted, f.suggested),
          };
        }),
      },
      query: s.query,
    };
  }

  @FieldResolver(() => [DayCount], {
    description: `Tickets created per UTC day over the last \`days\` days through today, oldest first, zeros included (1–${TICKETS_PER_DAY_MAX}).`,
  })
  ticketsPerDay(
    @Root() stats: TicketStats,
    @Ctx() ctx: GraphQLContext,
    @Arg('days', () => Int, { defaultValue: 30, description: 'How many days back, including today.' }) days: number,
  ): Promise<DayCount[]> {
    return getTicketsPerDay(ctx.db, stats.query, days);
  }

  @FieldResolver(() => [AssigneeCount], {
    description: `Active tickets (OPEN plus IN_PROGRESS) per assignee, the unassigned as a null assignee: the ${ACTIVE_BY_ASSIGNEE_MAX} biggest groups, biggest first (ties by user id, unassigned first).`,
  })
  async activeByAssignee(@Root() stats: TicketStats, @Ctx() ctx: GraphQLContext): Promise<AssigneeCount[]> {
    const rows = await getActiveByAssignee(ctx.db, stats.query);
    return Promise.all(rows.map(async (row) => ({ assignee: await loadUser(ctx, row.assigneeUserId), count: row.count })));
  }
}
