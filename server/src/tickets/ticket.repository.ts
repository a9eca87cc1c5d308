// SQL for tickets: plain functions over a `Db` (a database or a transaction).
// Filtering, searching, counting and statistics all happen in the database.
import { and, asc, count, desc, eq, getTableColumns, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { tickets, type TicketRow } from '../db/schema.js';
import { RESOLVED_STATUSES, type ClassificationSource, type TicketCategory, type TicketPriority, type TicketStatus } from './ticket.enums.js';
import { cachedQuery } from '../db/query-cache.js';
import { countFromCounters } from './ticket-counters.repository.js';
import {
  COUNT_TIMEOUT_MS,
  EXACT_COUNT_ESTIMATE_LIMIT,
  isCounterQuery,
  isIndexedSearch,
  isUnindexedSearch,
  SHORT_SEARCH_TIMEOUT_MS,
  shortSearchTooSlow,
  TOTAL_COUNT_CAP,
  type TicketFilterField,
  type TicketOrderDirection,
  type TicketQuery,
  type ValidTicketFilter,
} from './ticket-query.js';
import type { ValidUpdateTicket } from './ticket.validation.js';

export type { TicketRow };

/** The expression the trigram index is built on; the search predicate must use exactly it. */
const searchText = sql`(${tickets.title} || ' ' || ${tickets.description})`;

/** Escapes LIKE metacharacters so that `%`, `_` and `\` in a term match literally. */
export function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Exhaustive: a new filter field fails to compile until it has a condition.
const FILTER_CONDITIONS: { [K in TicketFilterField]: (value: NonNullable<ValidTicketFilter[K]>) => SQL } = {
  categories: (values) => inArray(tickets.category, values),
  priorities: (values) => inArray(tickets.priority, values),
  statuses: (values) => inArray(tickets.status, values),
  createdAfter: (date) => gte(tickets.createdAt, date),
  createdBefore: (date) => lt(tickets.createdAt, date),
};

function filterCondition<K extends TicketFilterField>(field: K, value: ValidTicketFilter[K]): SQL | undefined {
  return value === undefined ? undefined : FILTER_CONDITIONS[field](value as NonNullable<ValidTicketFilter[K]>);
}

export function ticketConditions({ filter, terms }: TicketQuery): SQL | undefined {
  const conds: (SQL | undefined)[] = (Object.keys(FILTER_CONDITIONS) as TicketFilterField[]).map((field) => filterCondition(field, filter[field]));
  for (const term of terms) conds.push(sql`${searchText} ilike ${`%${likeLiteral(term)}%`}`);
  return and(...conds);
}

function isStatementTimeout(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '57014') return true;
  }
  return false;
}

/** Runs `work` in a transaction whose statements PostgreSQL cancels after `ms`; null when it did. */
async function withStatementTimeout<T>(db: Db, ms: number, work: (tx: Db) => Promise<T>): Promise<T | null> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('statement_timeout', ${String(ms)}, true)`);
      return work(tx as unknown as Db);
    });
  } catch (error) {
    if (isStatementTimeout(error)) return null;
    throw error;
  }
}

/** A page query, bounded in time when its search cannot use the index. */
async function boundedPage(db: Db, query: TicketQuery, work: (db: Db) => Promise<TicketRow[]>): Promise<TicketRow[]> {
  if (!isUnindexedSearch(query)) return work(db);
  const rows = await withStatementTimeout(db, SHORT_SEARCH_TIMEOUT_MS, work);
  if (rows === null) throw shortSearchTooSlow();
  return rows;
}

/** A page of tickets, newest (or oldest) first, after a keyset cursor or an offset. */
export interface PageShape {
  direction: TicketOrderDirection;
  after?: { createdAt: Date; id: number };
  offset?: number;
  limit: number;
}

/**
 * Runs a page query. Without a search it is built once per filter and order
 * (cachedQuery), with the cursor, offset and limit as placeholders, and runs as a
 * server-side prepared statement: drizzle would otherwise build the SQL again, and
 * PostgreSQL plan it again (about half of a page's database time), on every request.
 * A search is built and planned each time: its best plan depends on the term (a
 * common word walks the created_at index, a rare one uses the trigram index),
 * which a cached generic plan would not see.
 */
function selectPage(db: Db, query: TicketQuery, page: PageShape): Promise<TicketRow[]> {
  const prepare = query.terms.length === 0;
  // Placeholders in the prepared statement; the values themselves otherwise.
  const bind = <T>(name: string, value: T) => (prepare ? sql.placeholder(name) : value);
  const build = () => {
    const { direction, after } = page;
    let keyset: SQL | undefined;
    if (after) {
      const at = bind('afterAt', after.createdAt);
      const id = bind('afterId', after.id);
      keyset = direction === 'desc'
        ? or(lt(tickets.createdAt, at), and(eq(tickets.createdAt, at), lt(tickets.id, id)))
        : or(gt(tickets.createdAt, at), and(eq(tickets.createdAt, at), gt(tickets.id, id)));
    }
    const order = direction === 'desc' ? [desc(tickets.createdAt), desc(tickets.id)] : [asc(tickets.createdAt), asc(tickets.id)];
    const select = db.select().from(tickets).where(and(ticketConditions(query), keyset)).orderBy(...order);
    return (page.offset === undefined ? select : select.offset(bind('offset', page.offset))).limit(bind('limit', page.limit));
  };
  if (!prepare) return Promise.resolve(build());
  const key = `page:${page.direction}:${page.after ? 'after' : ''}:${page.offset === undefined ? '' : 'offset'}:${JSON.stringify(query.filter)}`;
  return cachedQuery(db, key, () => build().prepare('tickets_page')).execute({
    limit: page.limit,
    offset: page.offset,
    // As drizzle's encoder would: the drivers are set to take timestamps as text.
    afterAt: page.after?.createdAt.toISOString(),
    afterId: page.after?.id,
  });
}

export interface NewTicket {
  title: string;
  description: string;
  category?: TicketCategory;
  priority?: TicketPriority;
  status?: TicketStatus;
  suggestedCategory?: TicketCategory | null;
  suggestedPriority?: TicketPriority | null;
  classificationSource?: ClassificationSource | null;
}

function isResolved(status: TicketStatus | undefined): boolean {
  return status !== undefined && RESOLVED_STATUSES.includes(status);
}

export async function insertTicket(db: Db, values: NewTicket): Promise<TicketRow> {
  const [row] = await db
    .insert(tickets)
    .values({ ...values, resolvedAt: isResolved(values.status) ? sql`now()` : null })
    .returning();
  return row!;
}

export async function findTicketById(db: Db, id: number): Promise<TicketRow | undefined> {
  const [row] = await db.select().from(tickets).where(eq(tickets.id, id)).limit(1);
  return row;
}

export async function updateTicketById(db: Db, id: number, patch: ValidUpdateTicket): Promise<TicketRow | undefined> {
  const [row] = await db
    .update(tickets)
    .set({
      ...patch,
      updatedAt: sql`now()`,
      // Stamped when a ticket becomes resolved or closed (kept when it moves
      // between the two), cleared when it is reopened.
      ...(patch.status === undefined
        ? {}
        : { resolvedAt: isResolved(patch.status) ? sql`coalesce(${tickets.resolvedAt}, now())` : null }),
    })
    .where(eq(tickets.id, id))
    .returning();
  return row;
}

export interface KeysetPageParams {
  query: TicketQuery;
  direction: TicketOrderDirection;
  after?: { createdAt: Date; id: number };
  limit: number;
}

/** One keyset page: rows strictly after the cursor in (created_at, id) order. */
export async function listTicketsKeyset(db: Db, { query, direction, after, limit }: KeysetPageParams): Promise<TicketRow[]> {
  return boundedPage(db, query, (db) => selectPage(db, query, { direction, after, limit }));
}

/** One numbered page, newest first: the REST shim's `page`/`page_size` contract. */
export async function listTicketsOffset(db: Db, query: TicketQuery, offset: number, limit: number): Promise<TicketRow[]> {
  return boundedPage(db, query, (db) => selectPage(db, query, { direction: 'desc', offset, limit }));
}

export interface TicketCount {
  /** The number of matching tickets when `exact`; otherwise the planner's estimate, or TOTAL_COUNT_CAP when counting stopped there. */
  count: number;
  /** False when `count` is an estimate or a lower bound. */
  exact: boolean;
}

/** The planner's estimate of how many tickets match: planning only, no row is read. */
export async function estimateTickets(db: Db, query: TicketQuery): Promise<number> {
  const conds = ticketConditions(query);
  const result = await db.execute(sql`explain (format json) select 1 from ${tickets} ${conds ? sql`where ${conds}` : sql``}`);
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as Record<string, unknown>[];
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

/** The bounded count as a number (see `countTicketsBounded`). */
export async function countTickets(db: Db, query: TicketQuery): Promise<number> {
  return (await countTicketsBounded(db, query)).count;
}

export interface CountedPage {
  rows: TicketRow[];
  count: TicketCount;
}

type RawRow = Record<string, unknown>;

function resultRows(result: unknown): RawRow[] {
  // postgres.js returns an array; PGlite returns { rows }.
  return Array.isArray(result) ? (result as RawRow[]) : (result as { rows: RawRow[] }).rows;
}

const TICKET_COLUMNS = Object.entries(getTableColumns(tickets));

/** A `select *` row of tickets, decoded as drizzle decodes its own selects. */
function toTicketRow(raw: RawRow): TicketRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of TICKET_COLUMNS) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as TicketRow;
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
  const newest = page.direction === 'desc';
  const keyset = page.after
    ? newest
      ? sql`where (m.created_at, m.id) < (${page.after.createdAt}, ${page.after.id})`
      : sql`where (m.created_at, m.id) > (${page.after.createdAt}, ${page.after.id})`
    : sql``;
  const order = newest ? sql`m.created_at desc, m.id desc` : sql`m.created_at, m.id`;
  // The left join keeps the count when the page is empty (past the last match).
  const result = await db.execute(sql`
    with m as materialized (
      select * from ${tickets} where ${ticketConditions(query)} limit ${TOTAL_COUNT_CAP + 1}
    )
    select c.matched, p.* from (select count(*)::int as matched from m) as c
    left join lateral (
      select m.* from m ${keyset} order by ${order} offset ${page.offset ?? 0} limit ${page.limit}
    ) as p on true`);
  const raw = resultRows(result);
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
  const pageOnly = () => boundedPage(db, query, (db) => selectPage(db, query, page));
  if (isCounterQuery(query) || !isIndexedSearch(query)) {
    const [rows, count] = await Promise.all([pageOnly(), countTicketsBounded(db, query)]);
    return { rows, count };
  }
  const estimate = await estimateTickets(db, query);
  if (estimate > EXACT_COUNT_ESTIMATE_LIMIT) return { rows: await pageOnly(), count: { count: estimate, exact: false } };
  return (await selectSearchPageCounted(db, query, page)) ?? { rows: await pageOnly(), count: { count: TOTAL_COUNT_CAP, exact: false } };
}
