// GraphQL adapter of the triage report: a field of `stats`, over the same filter.
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { TicketStats } from '../tickets/ticket-stats.type.js';
import { getTriageReport, TRIAGE_DAYS_DEFAULT, TRIAGE_DAYS_MAX, type Acceptance } from './triage.service.js';
import { TriageReport } from './triage.type.js';

function figures({ suggested, accepted }: Acceptance) {
  return { suggested, accepted, overridden: suggested - accepted, acceptanceRate: suggested === 0 ? null : accepted / suggested };
}

@Resolver(() => TicketStats)
export class TriageResolver {
  @FieldResolver(() => TriageReport, {
    description: `How often agents kept the suggestions of tickets created in the last \`days\` days (1–${TRIAGE_DAYS_MAX}), by confidence band, category and priority, with the override matrices.`,
  })
  async triage(
    @Root() stats: TicketStats,
    @Ctx() ctx: GraphQLContext,
    @Arg('days', () => Int, { defaultValue: TRIAGE_DAYS_DEFAULT, description: 'How many days back from now.' }) days: number,
  ): Promise<TriageReport> {
    const r = await getTriageReport(ctx.db, { query: stats.query }, days);
    return {
      days: r.days,
      since: r.since,
      ...figures(r.overall),
      byConfidence: r.byConfidence.map((b) => ({ band: b.band, from: b.from, to: b.to, ...figures(b) })),
      byCategory: r.byCategory.map((c) => ({ category: c.category, ...figures(c) })),
      byPriority: r.byPriority.map((p) => ({ priority: p.priority, ...figures(p) })),
      categoryOverrides: r.categoryOverrides,
      priorityOverrides: r.priorityOverrides,
    };
  }
}
