// SQL for tickets: plain functions over a `Db` (a database or a transaction) that
// read and write tickets, and the conditions of the list query. How matches are
// counted lives beside it, in ticket-count.repository.ts.
import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { cachedQuery } from '../db/query-cache.js';
import { tickets, type TicketRow } from '../db/schema.js';
import { decodeRow, executePreparedRows, withStatementTimeout } from '../db/statements.js';
import {
  CONFIDENCE_BAND_RANGES,
  RESOLVED_STATUSES,
  type ClassificationSource,
  type SuggestionOutcome,
  type TicketCategory,
  type TicketPriority,
  type TicketStatus,
} from './ticket.enums.js';
import {
  isUnindexedSearch,
  SHORT_SEARCH_TIMEOUT_MS,
  shortSearchTooSlow,
  type Cursor,
  type TicketFilterField,
  PRIORITIES_CRITICAL_FIRST,
  TICKET_ORDER_KEYS,
  type TicketOrder,
  type TicketOrderInstant,
  type TicketOrderKeys,
  type TicketQuery,
  type ValidTicketFilter,
} from './ticket-query.js';
import type { ValidUpdateTicket } from './ticket.validation.js';
import { insertEventsOf, type TicketEventDraft } from './ticket-event.repository.js';

export type { TicketRow };

const TICKET_COLUMNS = getTableColumns(tickets);

/** The expression the trigram index is built on; the search predicate must use exactly it. */
const searchText = sql`(${tickets.title} || ' ' || ${tickets.description})`;

/** Escapes LIKE metacharacters so that `%`, `_` and `\` in a term match literally. */
function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Judged on what the ticket was saved with (the filed values), as the triage report and
// the acceptance statistics count: a later edit is history, not an override.
const categoryKept = sql`${tickets.filedCategory} = ${tickets.suggestedCategory}`;
const priorityKept = sql`${tickets.filedPriority} = ${tickets.suggestedPriority}`;
const categoryChanged = sql`${tickets.filedCategory} <> ${tickets.suggestedCategory}`;
const priorityChanged = sql`${tickets.filedPriority} <> ${tickets.suggestedPriority}`;

// Exhaustive: a new outcome fails to compile until it has a condition.
const SUGGESTION_OUTCOME_CONDITIONS: Record<SuggestionOutcome, SQL> = {
  accepted: sql`(${categoryKept} and ${priorityKept})`,
  overridden: sql`(${categoryChanged} or ${priorityChanged})`,
  category_overridden: categoryChanged,
  priority_overridden: priorityChanged,
};

// Exhaustive: a new filter field fails to compile until it has a condition.
const FILTER_CONDITIONS: { [K in TicketFilterField]: (value: NonNullable<ValidTicketFilter[K]>) => SQL } = {
  categories: (values) => inArray(tickets.category, values),
  priorities: (values) => inArray(tickets.priority, values),
  statuses: (values) => inArray(tickets.status, values),
  createdAfter: (date) => gte(tickets.createdAt, date),
  createdBefore: (date) => lt(tickets.createdAt, date),
  // Nobody to match (`me` of an anonymous caller alone) is a condition too: false.
  assignee: ({ userIds, unassigned }) =>
    or(
      userIds.length > 0 ? inArray(tickets.assigneeUserId, userIds) : undefined,
      unassigned ? isNull(tickets.assigneeUserId) : undefined,
    ) ?? sql`false`,
  suggestedCategories: (values) => inArray(tickets.suggestedCategory, values),
  suggestedPriorities: (values) => inArray(tickets.suggestedPriority, values),
  // As the triage report counts (triage.service.ts): the ticket as saved when the
  // suggestion was shown. Without a suggestion, every comparison is null, so such tickets
  // match no outcome.
  suggestionOutcomes: (values) => or(...values.map((outcome) => SUGGESTION_OUTCOME_CONDITIONS[outcome])) ?? sql`false`,
  filedCategories: (values) => inArray(tickets.filedCategory, values),
  filedPriorities: (values) => inArray(tickets.filedPriority, values),
  suggestionConfidenceBands: (values) =>
    or(
      ...values.map((band) => {
        const { from, to } = CONFIDENCE_BAND_RANGES[band];
        // The last band includes 1, as the triage report's bands do.
        return to === 1
          ? gte(tickets.suggestionConfidence, from)
          : and(gte(tickets.suggestionConfidence, from), lt(tickets.suggestionConfidence, to));
      }),
    ) ?? sql`false`,
};

function filterCondition<K extends TicketFilterField>(field: K, value: ValidTicketFilter[K]): SQL | undefined {
  return value === undefined ? undefined : FILTER_CONDITIONS[field](value as NonNullable<ValidTicketFilter[K]>);
}

export function ticketConditions({ filter, terms }: TicketQuery): SQL | undefined {
  const conds: (SQL | undefined)[] = (Object.keys(FILTER_CONDITIONS) as TicketFilterField[]).map((field) =>
    filterCondition(field, filter[field]),
  );
  for (const term of terms) conds.push(sql`${searchText} ilike ${`%${likeLiteral(term)}%`}`);
  return and(...conds);
}

/** A page of tickets in one order, after a keyset cursor or an offset. */
export interface PageShape {
  order: TicketOrder;
  after?: Cursor;
  offset?: number;
  limit: number;
}

const INSTANT_COLUMNS: Record<TicketOrderInstant, typeof tickets.createdAt> = {
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
};

/** The placeholders (or values) of a page's cursor, offset and limit. */
interface PageBindings {
  afterAt: unknown;
  afterId: unknown;
  offset: unknown;
  limit: unknown;
  /** What each priority's part of a PRIORITY page reads: the offset and the limit together. */
  partLimit: unknown;
}

/**
 * Past the cursor in `keys`' instant and id, one way. A row comparison, which the
 * (instant, id) indexes answer as a range: the equivalent `at < x or (at = x and id
 * < y)` is only a filter, so a deep page walked every ticket before it (117 ms
 * instead of 0.1 ms at 300,000 tickets).
 */
function pastCursor(keys: TicketOrderKeys, b: PageBindings): SQL {
  const instant = INSTANT_COLUMNS[keys.instant];
  const beyond = keys.direction === 'desc' ? sql.raw('<') : sql.raw('>');
  return sql`(${instant}, ${tickets.id}) ${beyond} (${b.afterAt}::timestamptz, ${b.afterId}::integer)`;
}

function instantOrder(keys: TicketOrderKeys) {
  const by = keys.direction === 'desc' ? desc : asc;
  return [by(INSTANT_COLUMNS[keys.instant]), by(tickets.id)];
}

/**
 * NEWEST_FIRST, OLDEST_FIRST, RECENTLY_CHANGED: one index range, (instant, id) or a
 * filter's (column, created_at, id). With `priority`, the tickets of that priority
 * (a PRIORITY page that reads one), the cursor applying only when it is at it.
 */
function buildInstantPage(db: Db, query: TicketQuery, page: PageShape, b: PageBindings, priority?: TicketPriority) {
  const keys = TICKET_ORDER_KEYS[page.order];
  const atCursor = page.after !== undefined && page.after.priority === priority;
  const select = db
    .select()
    .from(tickets)
    .where(
      and(
        ticketConditions(query),
        priority === undefined ? undefined : eq(tickets.priority, priority),
        atCursor ? pastCursor(keys, b) : undefined,
      ),
    )
    .orderBy(...instantOrder(keys))
    .$dynamic();
  return (page.offset === undefined ? select : select.offset(b.offset as number)).limit(b.limit as number);
}

/** The priorities a PRIORITY page reads, critical first: those the filter allows, from the cursor's down. */
function prioritiesOfPage(query: TicketQuery, after: Cursor | undefined): TicketPriority[] {
  const allowed = query.filter.priorities ?? PRIORITIES_CRITICAL_FIRST;
  const from = after?.priority === undefined ? 0 : PRIORITIES_CRITICAL_FIRST.indexOf(after.priority);
  return PRIORITIES_CRITICAL_FIRST.slice(from).filter((priority) => allowed.includes(priority));
}

/**
 * PRIORITY: one part per priority, each "this priority, newest first" (which the
 * indexes that serve a priority filter and the newest-first list already answer,
 * combined with any other filter as those are), reading at most offset + limit
 * rows; then the parts in priority order. No index of its own: an index on the
 * priority's rank would serve the unfiltered list alone, and walk every critical
 * ticket of others' to find "my tickets by priority". The cursor's priority decides
 * which parts the statement has, so it is part of the cache key.
 */
function buildPriorityPage(db: Db, query: TicketQuery, page: PageShape, b: PageBindings) {
  const keys = TICKET_ORDER_KEYS[page.order];
  const priorities = prioritiesOfPage(query, page.after);
  // Nothing can match: the filter allows no priority from the cursor's down.
  if (priorities.length === 0)
    return db
      .select()
      .from(tickets)
      .where(sql`false`)
      .limit(b.limit as number);
  if (priorities.length === 1) return buildInstantPage(db, query, page, b, priorities[0]);
  const parts = priorities.map((priority) => {
    const rank = PRIORITIES_CRITICAL_FIRST.length - PRIORITIES_CRITICAL_FIRST.indexOf(priority);
    const atCursor = page.after?.priority === priority;
    return db
      .select({ ...TICKET_COLUMNS, priorityRank: sql<number>`${sql.raw(String(rank))}`.as('priority_rank') })
      .from(tickets)
      .where(and(ticketConditions(query), eq(tickets.priority, priority), atCursor ? pastCursor(keys, b) : undefined))
      .orderBy(...instantOrder(keys))
      .limit(b.partLimit as number)
      .$dynamic();
  });
  const [first, ...rest] = parts;
  // A union is ordered only by its output columns, hence the rank as one.
  const union = rest.reduce((all, part) => all.unionAll(part), first!);
  const ordered = union.orderBy(sql`"priority_rank" desc`, ...instantOrder(keys));
  return (page.offset === undefined ? ordered : ordered.offset(b.offset as number)).limit(b.limit as number);
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
async function selectPage(db: Db, query: TicketQuery, page: PageShape): Promise<TicketRow[]> {
  const prepare = query.terms.length === 0;
  const values = {
    afterAt: page.after?.at.toISOString(),
    afterId: page.after?.id,
    offset: page.offset,
    limit: page.limit,
    partLimit: (page.offset ?? 0) + page.limit,
  };
  // Placeholders in the prepared statement; the values themselves otherwise.
  const bindings = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, prepare ? sql.placeholder(name) : value]),
  ) as unknown as PageBindings;
  const build = () =>
    TICKET_ORDER_KEYS[page.order].byPriority ? buildPriorityPage(db, query, page, bindings) : buildInstantPage(db, query, page, bindings);
  const rows: (TicketRow & { priorityRank?: number })[] = prepare
    ? await cachedQuery(db, pageCacheKey(query, page), () => build().prepare('tickets_page')).execute(values)
    : await build();
  return rows.map(({ priorityRank: _rank, ...row }) => row);
}

/** Everything that shapes a page's SQL text: the order, where the cursor is (for PRIORITY, its priority), an offset, the filter. */
function pageCacheKey(query: TicketQuery, page: PageShape): string {
  const after = page.after ? `after${page.after.priority ?? ''}` : '';
  return `page:${page.order}:${after}:${page.offset === undefined ? '' : 'offset'}:${JSON.stringify(query.filter)}`;
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
  suggestionAccepted?: boolean | null;
  filedCategory?: TicketCategory | null;
  filedPriority?: TicketPriority | null;
  assigneeUserId?: number | null;
  suggestionConfidence?: number | null;
  createdByUserId: number | null;
  createdByTokenId: number | null;
  updatedByUserId: number | null;
  updatedByTokenId: number | null;
}

function isResolved(status: TicketStatus | undefined): boolean {
  return status !== undefined && RESOLVED_STATUSES.includes(status);
}

function insertStatement(db: Db, values: NewTicket) {
  return db
    .insert(tickets)
    .values({ ...values, resolvedAt: isResolved(values.status) ? sql`now()` : null })
    .returning();
}

export async function insertTicket(db: Db, values: NewTicket): Promise<TicketRow> {
  const [row] = await insertStatement(db, values);
  return row!;
}

/**
 * One ticket by id: built once per handle and a prepared statement (see cachedQuery),
 * as every read of one ticket (GraphQL `ticket`, its history and notes, a REST GET)
 * starts with it, and building it cost more than PostgreSQL's answer.
 */
export async function findTicketById(db: Db, id: number): Promise<TicketRow | undefined> {
  const query = cachedQuery(db, 'ticket:by-id', () =>
    db
      .select()
      .from(tickets)
      .where(eq(tickets.id, sql.placeholder('id')))
      .limit(1)
      .prepare('ticket_by_id'),
  );
  const [row] = await query.execute({ id });
  return row;
}

/**
 * The ticket, locked until the transaction ends: concurrent writes of it queue here,
 * so each reads the values (and version) the one before it committed.
 */
export async function findTicketByIdForUpdate(db: Db, id: number): Promise<TicketRow | undefined> {
  const [row] = await db.select().from(tickets).where(eq(tickets.id, id)).for('update').limit(1);
  return row;
}

/** The UPDATE of a change, only from the version it was computed against. */
function updateStatement(
  db: Db,
  id: number,
  patch: ValidUpdateTicket,
  author: { userId: number | null; tokenId: number | null },
  version: number,
) {
  return db
    .update(tickets)
    .set({
      ...patch,
      version: sql`${tickets.version} + 1`,
      updatedByUserId: author.userId,
      updatedByTokenId: author.tokenId,
      updatedAt: sql`now()`,
      // Stamped when a ticket becomes resolved or closed (kept when it moves
      // between the two), cleared when it is reopened.
      ...(patch.status === undefined ? {} : { resolvedAt: isResolved(patch.status) ? sql`coalesce(${tickets.resolvedAt}, now())` : null }),
    })
    .where(and(eq(tickets.id, id), eq(tickets.version, version)))
    .returning();
}

export async function updateTicketById(
  db: Db,
  id: number,
  patch: ValidUpdateTicket,
  author: { userId: number | null; tokenId: number | null },
  version: number,
): Promise<TicketRow | undefined> {
  // Undefined at another version.
  const [row] = await updateStatement(db, id, patch, author, version);
  return row;
}

/**
 * A change and its history events in one statement (the update, then the events of
 * the row it returns), so that both are written, or neither, without a transaction's
 * round trips. Only from `version`: undefined, with nothing written, at another one.
 */
export async function updateTicketWithEvents(
  db: Db,
  id: number,
  patch: ValidUpdateTicket,
  author: { userId: number | null; tokenId: number | null },
  version: number,
  events: readonly TicketEventDraft[],
): Promise<TicketRow | undefined> {
  const [row] = await executePreparedRows(
    db,
    sql`with written as (${updateStatement(db, id, patch, author, version).getSQL()}),
      events as (${insertEventsOf('written', events)})
    select * from written`,
  );
  return row === undefined ? undefined : decodeRow<TicketRow>(TICKET_COLUMNS, row);
}

/** A new ticket and its history events (its `created` event) in one statement. */
export async function insertTicketWithEvents(
  db: Db,
  values: NewTicket,
  events: readonly TicketEventDraft[],
  /** Another write that commits with the ticket, in the same statement (what it taught the classifier). */
  alongside: SQL | null = null,
): Promise<TicketRow> {
  const [row] = await executePreparedRows(
    db,
    sql`with written as (${insertStatement(db, values).getSQL()}),
      events as (${insertEventsOf('written', events)})${alongside ? sql`, alongside as (${alongside})` : sql``}
    select * from written`,
  );
  return decodeRow<TicketRow>(TICKET_COLUMNS, row!);
}

/**
 * One page in `page.order`: after a keyset cursor, the rows strictly after it in that
 * order (GraphQL); or after an offset (REST's numbered pages). A search no term of which can
 * use the index gets SHORT_SEARCH_TIMEOUT_MS on PostgreSQL and is then refused.
 */
export async function listTicketsPage(db: Db, query: TicketQuery, page: PageShape): Promise<TicketRow[]> {
  if (!isUnindexedSearch(query)) return selectPage(db, query, page);
  const rows = await withStatementTimeout(db, SHORT_SEARCH_TIMEOUT_MS, (tx) => selectPage(tx, query, page));
  if (rows === null) throw shortSearchTooSlow();
  return rows;
}
