// How many tickets match a list query, with bounded work whatever the table size:
// from the counter tables when they can answer, otherwise from the planner's
// estimate or a capped count; and, for a search the index serves, the page and its
// count read by one statement. The limits are in ticket-query.ts.
import { count, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { tickets, type TicketRow } from '../db/schema.js';
import { decodeRow, executeRows, withStatementTimeout } from '../db/statements.js';
import { countFromCounters } from './ticket-counters.repository.js';
import { TICKET_PRIORITIES } from './ticket.enums.js';
import {
  COUNT_TIMEOUT_MS,
  EXACT_COUNT_ESTIMATE_LIMIT,
  isCounterQuery,
  isIndexedSearch,
  TICKET_ORDER_KEYS,
  TOTAL_COUNT_CAP,
  type TicketOrderInstant,
  type TicketQuery,
} from './ticket-query.js';
import { listTicketsPage, ticketConditions, type PageShape } from './ticket.repository.js';

export interface TicketCount {
  /** The number of matching tickets when `exact`; otherwise the planner's estimate, or TOTAL_COUNT_CAP when counting stopped there. */
  count: number;
  /** False when `count` is an estimate or a lower bound. */
  exact: boolean;
}

/** The planner's estimate of how many tickets match: planning only, no row is read. */
async function estimateTickets(db: Db, query: TicketQuery): Promise<number> {
  const conds = ticketConditions(query);
  const rows = await executeRows<{ 'QUERY PLAN': unknown }>(
    db,
    sql`explain (format json) select 1 from ${tickets} ${conds ? sql`where ${conds}` : sql``}`,
  );
  const raw = rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: { 'Plan Rows': number } }];
  return Math.max(0, Math.round(plan[0].Plan['Plan Rows']));
}

/**
 * Counting is bounded whatever the table size:
 * - a query the counter tables can answer (`isCounterQuery`: no search, enum fields
 *   only): an exact sum over the counter rows the triggers keep (a few hundred);
 * - otherwise the planner's estimate comes first (planning only, no rows read). When
 *   it expects at most EXACT_COUNT_ESTIMATE_LIMIT matches, the matches are counted,
 *   reading at most TOTAL_COUNT_CAP + 1 of them (and, unless a term uses the trigram
 *   index, for at most COUNT_TIMEOUT_MS); otherwise, or when that budget runs out, the
 *   estimate is returned with `exact: false`.
 */
export async function countTicketsBounded(db: Db, query: TicketQuery): Promise<TicketCount> {
  if (isCounterQuery(query)) return { count: await countFromCounters(db, query.filter), exact: true };
  const estimate = await estimateTickets(db, query);
  if (estimate > EXACT_COUNT_ESTIMATE_LIMIT) return { count: estimate, exact: false };
  const cappedCount = async (db: Db) => {
    const capped = db
      .select({ one: sql`1` })
      .from(tickets)
      .where(ticketConditions(query))
      .limit(TOTAL_COUNT_CAP + 1)
      .as('capped');
    const [row] = await db.select({ n: count() }).from(capped);
    return row?.n ?? 0;
  };
  // With a term the trigram index serves, the rows it yields are nearly all matches,
  // so the cap bounds the work. Otherwise (a created-at range, terms too short for
  // the index) the rows walked to find the matches are not bounded by the cap, so
  // PostgreSQL stops the count after a time budget.
  const n = isIndexedSearch(query) ? await cappedCount(db) : await withStatementTimeout(db, COUNT_TIMEOUT_MS, cappedCount);
  if (n === null) return { count: estimate, exact: false };
  return n > TOTAL_COUNT_CAP ? { count: TOTAL_COUNT_CAP, exact: false } : { count: n, exact: true };
}

export interface CountedPage {
  rows: TicketRow[];
  count: TicketCount;
}

type RawRow = Record<string, unknown>;

const TICKET_COLUMNS = getTableColumns(tickets);

/** A `select *` row of tickets, decoded as drizzle decodes its own selects. */
const toTicketRow = (raw: RawRow) => decodeRow<TicketRow>(TICKET_COLUMNS, raw);

const INSTANT_COLUMN_NAMES: Record<TicketOrderInstant, string> = {
  createdAt: tickets.createdAt.name,
  updatedAt: tickets.updatedAt.name,
};

/** A priority's rank, low 1 to critical 4: PRIORITY sorts by it, descending. */
function priorityRank(priority: SQL): SQL {
  return sql`array_position(array[${sql.join(
    TICKET_PRIORITIES.map((p) => sql`${p}`),
    sql`, `,
  )}]::text[], ${priority})`;
}

/**
 * The page and the count of a search the trigram index serves, in one statement:
 * the matches (at most TOTAL_COUNT_CAP + 1, through the index) are read once, then
 * counted and paged. Separately, the page and the count each planned the search and
 * each walked the trigram index again; at 1M tickets that was 40% of a rare-phrase
 * request's database time. Null when more than TOTAL_COUNT_CAP tickets match: the
 * capped set is then an arbitrary subset, and cannot give the page.
 */
async function selectSearchPageCounted(db: Db, query: TicketQuery, page: PageShape): Promise<CountedPage | null> {
  const keys = TICKET_ORDER_KEYS[page.order];
  const instant = sql.identifier(INSTANT_COLUMN_NAMES[keys.instant]);
  // The matches are at most TOTAL_COUNT_CAP + 1 rows in memory: ordering them by the
  // priority's rank needs no index.
  const sortKeys = [...(keys.byPriority ? [priorityRank(sql`m.priority`)] : []), sql`m.${instant}`, sql`m.id`];
  const { after } = page;
  const cursorKeys = after && [
    ...(keys.byPriority ? [priorityRank(sql`${after.priority ?? null}::text`)] : []),
    sql`${after.at.toISOString()}::timestamptz`,
    sql`${after.id}::integer`,
  ];
  const way =
    keys.direction === 'desc' ? { beyond: sql.raw('<'), order: sql.raw('desc') } : { beyond: sql.raw('>'), order: sql.raw('asc') };
  const keyset = cursorKeys ? sql`where (${sql.join(sortKeys, sql`, `)}) ${way.beyond} (${sql.join(cursorKeys, sql`, `)})` : sql``;
  const order = sql.join(
    sortKeys.map((key) => sql`${key} ${way.order}`),
    sql`, `,
  );
  // The left join keeps the count when the page is empty (past the last match).
  const raw = await executeRows<RawRow>(
    db,
    sql`
    with m as materialized (
      select * from ${tickets} where ${ticketConditions(query)} limit ${TOTAL_COUNT_CAP + 1}
    )
    select c.matched, p.* from (select count(*)::int as matched from m) as c
    left join lateral (
      select m.* from m ${keyset} order by ${order} offset ${page.offset ?? 0} limit ${page.limit}
    ) as p on true`,
  );
  const matched = Number(raw[0]?.matched ?? 0);
  if (matched > TOTAL_COUNT_CAP) return null;
  return { rows: raw.filter((r) => r.id !== null && r.id !== undefined).map(toTicketRow), count: { count: matched, exact: true } };
}

/**
 * A page and the bounded count of its matches (see `countTicketsBounded`), with as
 * little database work as the query allows: an indexed search the planner expects
 * to match few tickets is paged and counted by one statement; otherwise the page and
 * the count run side by side.
 */
export async function listTicketsCounted(db: Db, query: TicketQuery, page: PageShape): Promise<CountedPage> {
  const pageOnly = () => listTicketsPage(db, query, page);
  if (isCounterQuery(query) || !isIndexedSearch(query)) {
    const [rows, count] = await Promise.all([pageOnly(), countTicketsBounded(db, query)]);
    return { rows, count };
  }
  const estimate = await estimateTickets(db, query);
  if (estimate > EXACT_COUNT_ESTIMATE_LIMIT) return { rows: await pageOnly(), count: { count: estimate, exact: false } };
  return (await selectSearchPageCounted(db, query, page)) ?? { rows: await pageOnly(), count: { count: TOTAL_COUNT_CAP, exact: false } };
}
