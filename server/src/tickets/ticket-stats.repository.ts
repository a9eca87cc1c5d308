// Ticket statistics as SQL aggregates: one statement computes every figure, so no
// ticket row is ever loaded into JavaScript to count it.
//
// Two exact paths give the same answer. With no filter, or a filter of enum lists
// only (the dashboard's case), the figures are sums over the trigger-maintained
// counter tables: a few hundred rows whatever the number of tickets. A created-at
// range or a search needs the tickets themselves; that path aggregates the matching
// rows, so its cost grows with how many tickets the filter selects (a narrow date
// range reads few rows through the created_at index; a search's through the trigram
// index).
import { and, count, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ticketAssigneeCounts, ticketCounts, ticketDailyCounts, tickets, users } from '../db/schema.js';
import { executePreparedRows, executeRows } from '../db/statements.js';
import {
  ACTIVE_STATUSES,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketCategory,
  type TicketPriority,
  type TicketStatus,
} from './ticket.enums.js';
import { cachedQuery } from '../db/query-cache.js';
import { counterConditions } from './ticket-counters.repository.js';
import { isCounterQuery, type TicketQuery } from './ticket-query.js';
import { ticketConditions } from './ticket.repository.js';

export interface SuggestionFigures {
  /** Tickets created with a suggestion shown. */
  suggested: number;
  /** ...whose category and priority were both kept as suggested. */
  accepted: number;
}

export interface TicketStatsRow {
  totalTickets: number;
  openTickets: number;
  avgTicketsPerDay: number;
  byPriority: Record<TicketPriority, number>;
  byCategory: Record<TicketCategory, number>;
  byStatus: Record<TicketStatus, number>;
  suggestions: SuggestionFigures & { byCategory: Record<TicketCategory, SuggestionFigures> };
}

/** How one source (tickets, or counter rows) expresses the columns the figures need. */
interface StatsSource {
  /** Number of tickets among the rows satisfying `cond` (all rows when omitted). */
  countWhere(cond?: SQL): SQL;
  category: SQL;
  priority: SQL;
  status: SQL;
  hasSuggestion: SQL;
  suggestedCategory: SQL;
  accepted: SQL;
  /** The first matching ticket's UTC day. */
  firstDay: SQL;
}

const fromTickets: StatsSource = {
  countWhere: (cond) => (cond ? sql`count(*) filter (where ${cond})` : sql`count(*)`),
  category: sql`${tickets.category}`,
  priority: sql`${tickets.priority}`,
  status: sql`${tickets.status}`,
  hasSuggestion: sql`${tickets.suggestedCategory} is not null`,
  suggestedCategory: sql`${tickets.suggestedCategory}`,
  // As the create saved it (the counter triggers read the same column).
  accepted: sql`coalesce(${tickets.suggestionAccepted}, false)`,
  firstDay: sql`min(${tickets.createdAt})::date`,
};

function fromCounters(query: TicketQuery): StatsSource {
  const daily = and(counterConditions(ticketDailyCounts, query.filter), gt(ticketDailyCounts.count, 0));
  return {
    countWhere: (cond) => (cond ? sql`sum(${ticketCounts.count}) filter (where ${cond})` : sql`sum(${ticketCounts.count})`),
    category: sql`${ticketCounts.category}`,
    priority: sql`${ticketCounts.priority}`,
    status: sql`${ticketCounts.status}`,
    hasSuggestion: sql`${ticketCounts.suggestedCategory} <> ''`,
    suggestedCategory: sql`${ticketCounts.suggestedCategory}`,
    accepted: sql`${ticketCounts.accepted}`,
    // The day index answers this with the first qualifying entry.
    firstDay: sql`(select min(${ticketDailyCounts.day}) from ${ticketDailyCounts} where ${daily})`,
  };
}

function statsColumns(s: StatsSource): Record<string, SQL<number>> {
  const n = (cond?: SQL) => sql<number>`coalesce(${s.countWhere(cond)}, 0)::int`;
  const columns: Record<string, SQL<number>> = {
    total: n(),
    open: n(sql`${s.status} in ${ACTIVE_STATUSES}`),
    // Total divided by the calendar days (UTC) from the first ticket's day through
    // today, inclusive; 0 when there are no tickets.
    avg: sql<number>`coalesce(round(${s.countWhere()}::numeric / nullif(greatest(current_date - ${s.firstDay}, 0) + 1, 0), 2), 0)::float8`,
    suggested: n(s.hasSuggestion),
    accepted: n(s.accepted),
  };
  for (const p of TICKET_PRIORITIES) columns[`priority_${p}`] = n(sql`${s.priority} = ${p}`);
  for (const c of TICKET_CATEGORIES) {
    columns[`category_${c}`] = n(sql`${s.category} = ${c}`);
    columns[`suggested_${c}`] = n(sql`${s.suggestedCategory} = ${c}`);
    columns[`accepted_${c}`] = n(sql`${s.suggestedCategory} = ${c} and ${s.accepted}`);
  }
  for (const st of TICKET_STATUSES) columns[`status_${st}`] = n(sql`${s.status} = ${st}`);
  return columns;
}

function toStatsRow(r: Record<string, number>): TicketStatsRow {
  const pick = <K extends string>(keys: readonly K[], prefix: string) =>
    Object.fromEntries(keys.map((k) => [k, Number(r[`${prefix}_${k}`] ?? 0)])) as Record<K, number>;
  return {
    totalTickets: Number(r.total ?? 0),
    openTickets: Number(r.open ?? 0),
    avgTicketsPerDay: Number(r.avg ?? 0),
    byPriority: pick(TICKET_PRIORITIES, 'priority'),
    byCategory: pick(TICKET_CATEGORIES, 'category'),
    byStatus: pick(TICKET_STATUSES, 'status'),
    suggestions: {
      suggested: Number(r.suggested ?? 0),
      accepted: Number(r.accepted ?? 0),
      byCategory: Object.fromEntries(
        TICKET_CATEGORIES.map((c) => [c, { suggested: Number(r[`suggested_${c}`] ?? 0), accepted: Number(r[`accepted_${c}`] ?? 0) }]),
      ) as Record<TicketCategory, SuggestionFigures>,
    },
  };
}

/** The figures from the counter tables; only valid when `isCounterQuery(query)`. */
export async function selectTicketStatsFromCounters(db: Db, query: TicketQuery): Promise<TicketStatsRow> {
  // Built once per filter (see cachedQuery), and a server-side prepared statement:
  // building, and planning, these two dozen aggregates cost several times more than
  // running them over the few hundred counter rows.
  const prepared = cachedQuery(db, `stats:${JSON.stringify(query.filter)}`, () =>
    db
      .select(statsColumns(fromCounters(query)))
      .from(ticketCounts)
      .where(counterConditions(ticketCounts, query.filter))
      .prepare('ticket_stats_counters'),
  );
  const [row] = await prepared.execute();
  return toStatsRow(row as Record<string, number>);
}

/** The figures aggregated over the matching tickets themselves: any query. */
export async function selectTicketStatsByScan(db: Db, query: TicketQuery): Promise<TicketStatsRow> {
  const [row] = await db.select(statsColumns(fromTickets)).from(tickets).where(ticketConditions(query));
  return toStatsRow(row as Record<string, number>);
}

export async function selectTicketStats(db: Db, query: TicketQuery): Promise<TicketStatsRow> {
  return isCounterQuery(query) ? selectTicketStatsFromCounters(db, query) : selectTicketStatsByScan(db, query);
}

export interface AssigneeCountRow {
  /** Null: the unassigned tickets. */
  assigneeUserId: number | null;
  /** The assignee's display name, read in the same statement (REST shows it); null for the unassigned. */
  assigneeName: string | null;
  count: number;
}

/** From `ticket_assignee_counts` (0 is the unassigned); only valid when `isCounterQuery(query)`. */
export async function selectActiveByAssigneeFromCounters(db: Db, query: TicketQuery, limit: number): Promise<AssigneeCountRow[]> {
  const n = sql<number>`sum(${ticketAssigneeCounts.count})::int`;
  // Built once per filter and prepared, as the stats beside it (the dashboard asks both).
  const prepared = cachedQuery(db, `active-by-assignee:${limit}:${JSON.stringify(query.filter)}`, () =>
    db
      .select({ assigneeUserId: ticketAssigneeCounts.assigneeUserId, assigneeName: users.displayName, count: n })
      .from(ticketAssigneeCounts)
      .leftJoin(users, eq(users.id, ticketAssigneeCounts.assigneeUserId))
      .where(and(counterConditions(ticketAssigneeCounts, query.filter), inArray(ticketAssigneeCounts.status, [...ACTIVE_STATUSES])))
      .groupBy(ticketAssigneeCounts.assigneeUserId, users.id)
      .having(sql`sum(${ticketAssigneeCounts.count}) > 0`)
      .orderBy(desc(n), ticketAssigneeCounts.assigneeUserId)
      .limit(limit)
      .prepare('ticket_active_by_assignee_counters'),
  );
  const rows = await prepared.execute();
  return rows.map((r) => ({
    assigneeUserId: r.assigneeUserId === 0 ? null : r.assigneeUserId,
    assigneeName: r.assigneeName,
    count: Number(r.count),
  }));
}

/** Over the matching active tickets themselves: any query. */
export function selectActiveByAssigneeByScan(db: Db, query: TicketQuery, limit: number): Promise<AssigneeCountRow[]> {
  return db
    .select({ assigneeUserId: tickets.assigneeUserId, assigneeName: users.displayName, count: count() })
    .from(tickets)
    .leftJoin(users, eq(users.id, tickets.assigneeUserId))
    .where(and(ticketConditions(query), inArray(tickets.status, [...ACTIVE_STATUSES])))
    .groupBy(tickets.assigneeUserId, users.id)
    .orderBy(desc(count()), sql`${tickets.assigneeUserId} asc nulls first`)
    .limit(limit);
}

/**
 * Active tickets (ACTIVE_STATUSES) matching `query` per assignee, biggest first (ties by
 * user id, unassigned first), at most `limit` groups. With no filter or enum lists only
 * (the dashboard), from the counter rows; otherwise aggregated over the matching tickets.
 */
export function selectActiveByAssignee(db: Db, query: TicketQuery, limit: number): Promise<AssigneeCountRow[]> {
  return isCounterQuery(query) ? selectActiveByAssigneeFromCounters(db, query, limit) : selectActiveByAssigneeByScan(db, query, limit);
}

export interface DayCountRow {
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
  count: number;
}

type RawDayRow = { day: string; count: number };

function toDayCounts(rows: RawDayRow[]): DayCountRow[] {
  return rows.map((r) => ({ day: String(r.day), count: Number(r.count) }));
}

/** Per-day counts from `ticket_daily_counts`; only valid when `isCounterQuery(query)`. */
export async function selectTicketsPerDayFromCounters(db: Db, query: TicketQuery, days: number): Promise<DayCountRow[]> {
  const conds = counterConditions(ticketDailyCounts, query.filter);
  // The window is summed first through the (day, …) key: at most 64 rows a day.
  // Prepared: one text per filter's shape, and the same plan for any window.
  return toDayCounts(
    await executePreparedRows<RawDayRow>(
      db,
      sql`
      select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(w.count, 0)::int as count
      from generate_series(current_date - ${days - 1}::int, current_date, interval '1 day') as d(day)
      left join (
        select ${ticketDailyCounts.day} as day, sum(${ticketDailyCounts.count}) as count
        from ${ticketDailyCounts}
        where ${ticketDailyCounts.day} between current_date - ${days - 1}::int and current_date
          ${conds ? sql`and ${conds}` : sql``}
        group by ${ticketDailyCounts.day}
      ) as w on w.day = d.day::date
      order by d.day`,
    ),
  );
}

/** Per-day counts over the matching tickets themselves: any query. */
export async function selectTicketsPerDayByScan(db: Db, query: TicketQuery, days: number): Promise<DayCountRow[]> {
  const conds = ticketConditions(query);
  return toDayCounts(
    await executeRows<RawDayRow>(
      db,
      sql`
      select to_char(d.day, 'YYYY-MM-DD') as day, count(${tickets.id})::int as count
      from generate_series(current_date - ${days - 1}::int, current_date, interval '1 day') as d(day)
      left join ${tickets}
        on ${tickets.createdAt} >= d.day and ${tickets.createdAt} < d.day + interval '1 day'
        ${conds ? sql`and ${conds}` : sql``}
      group by d.day
      order by d.day`,
    ),
  );
}

/** Tickets created per UTC day over the last `days` days through today, zeros included. */
export async function selectTicketsPerDay(db: Db, query: TicketQuery, days: number): Promise<DayCountRow[]> {
  return isCounterQuery(query) ? selectTicketsPerDayFromCounters(db, query, days) : selectTicketsPerDayByScan(db, query, days);
}
