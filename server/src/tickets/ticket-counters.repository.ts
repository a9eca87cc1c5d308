// Reads of the trigger-maintained counter tables (`ticket_counts`,
// `ticket_daily_counts`): exact figures for queries whose filter names only enum
// values (`isCounterQuery` in ticket-query.ts), at a cost independent of how many
// tickets exist.
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { cachedQuery } from '../db/query-cache.js';
import { ticketAssigneeCounts, ticketCounts, ticketDailyCounts } from '../db/schema.js';
import type { CounterFilterField, ValidTicketFilter } from './ticket-query.js';

type CounterTable = typeof ticketCounts | typeof ticketDailyCounts | typeof ticketAssigneeCounts;

// Exhaustive over the fields ticket-query.ts allows the counters to answer: a field
// allowed there fails to compile until it has its condition here.
const COUNTER_CONDITIONS: { [K in CounterFilterField]: (table: CounterTable, values: NonNullable<ValidTicketFilter[K]>) => SQL } = {
  categories: (table, values) => inArray(table.category, values),
  priorities: (table, values) => inArray(table.priority, values),
  statuses: (table, values) => inArray(table.status, values),
};

function counterCondition<K extends CounterFilterField>(table: CounterTable, field: K, value: ValidTicketFilter[K]): SQL | undefined {
  return value === undefined ? undefined : COUNTER_CONDITIONS[field](table, value as NonNullable<ValidTicketFilter[K]>);
}

/** The filter as conditions on a counter table; only valid when `isCounterQuery`. */
export function counterConditions(table: CounterTable, filter: ValidTicketFilter): SQL | undefined {
  return and(...(Object.keys(COUNTER_CONDITIONS) as CounterFilterField[]).map((field) => counterCondition(table, field, filter[field])));
}

/** Exact number of tickets matching an enum-only filter: a sum over at most a few hundred rows. */
export async function countFromCounters(db: Db, filter: ValidTicketFilter): Promise<number> {
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
