// Reads of the trigger-maintained counter tables (`ticket_counts`,
// `ticket_daily_counts`): exact figures for queries whose filter names only enum
// values, at a cost independent of how many tickets exist.
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { cachedQuery } from '../db/query-cache.js';
import { ticketCounts, ticketDailyCounts } from '../db/schema.js';
import type { TicketFilter, TicketQuery } from './ticket.validation.js';

/**
 * Whether the counters can answer `query` exactly: they are keyed by category,
 * priority and status (and creation day), so a search or a created-at range
 * (which cuts days at arbitrary instants) needs the tickets themselves.
 */
export function isCounterQuery(query: TicketQuery): boolean {
  return query.terms.length === 0 && query.filter.createdAfter === undefined && query.filter.createdBefore === undefined;
}

type CounterTable = typeof ticketCounts | typeof ticketDailyCounts;

/** The enum part of a filter as conditions on a counter table. */
export function counterConditions(table: CounterTable, filter: TicketFilter): SQL | undefined {
  return and(
    filter.categories ? inArray(table.category, filter.categories) : undefined,
    filter.priorities ? inArray(table.priority, filter.priorities) : undefined,
    filter.statuses ? inArray(table.status, filter.statuses) : undefined,
  );
}

/** Exact number of tickets matching an enum-only filter: a sum over at most a few hundred rows. */
export async function countFromCounters(db: Db, filter: TicketFilter): Promise<number> {
  // Built once per filter and prepared: see `selectTicketStatsFromCounters`.
  const prepared = cachedQuery(db, `count:${JSON.stringify(filter)}`, () =>
    db
      .select({ n: sql<number>`coalesce(sum(${ticketCounts.count}), 0)::int` })
      .from(ticketCounts)
      .where(counterConditions(ticketCounts, filter))
      .prepare('ticket_counts_sum'),
  );
  const [row] = await prepared.execute();
  return Number(row?.n ?? 0);
}
