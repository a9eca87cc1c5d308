// The ticket list query, in one place: its filter and its search, how each is
// validated, its page sizes and cursors, the time and size bounds of searching and
// counting, and which filters the counter tables can answer. GraphQL, REST, the
// statistics and the repositories import these; none of them restates a rule.
//
// Adding a filter field: add it to `ValidTicketFilter`, then TypeScript lists every
// place that must decide about it (the rules table below, the GraphQL input, the REST
// parameters, the SQL conditions and, after codegen, the web app's cache key and URL).
import {
  CONFIDENCE_BANDS,
  type ConfidenceBand,
  SUGGESTION_OUTCOMES,
  TICKET_CATEGORIES,
  TICKET_ID_MAX,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type SuggestionOutcome,
  type TicketCategory,
  type TicketPriority,
  type TicketStatus,
} from './ticket.enums.js';
import { TicketError, type TicketIssue } from './ticket.errors.js';
import { searchTerms } from './ticket-search.js';
import { codePointLength, hasLoneSurrogate } from './ticket-text.js';
import { isStorableDate, MESSAGES, parseUserId, validateChoice, type IssueSink } from './ticket.validation.js';

// ---- limits -------------------------------------------------------------------

/** GraphQL `tickets(first:)`: a larger `first` is refused. */
export const GRAPHQL_PAGE_SIZE = { default: 25, max: 100 } as const;

/**
 * REST `?page_size=`, as the Django API's PageNumberPagination had it: larger sizes
 * are clamped, and anything else falls back to the default.
 */
export const REST_PAGE_SIZE = { default: 100, max: 1000 } as const;

/** Longest search text, in code points. */
export const SEARCH_MAX_LENGTH = 200;

/** A trigram is three characters: a shorter term cannot use the search index. */
export const INDEXED_TERM_MIN_LENGTH = 3;

/**
 * How long PostgreSQL may spend on a list whose search terms are all shorter than
 * INDEXED_TERM_MIN_LENGTH. Such a search walks tickets newest first until the page
 * is full: instant for a common term, but a rare one would read every ticket. Past
 * the budget the request is refused with a `search` error. (PGlite does not enforce
 * statement timeouts; it is meant for smaller tables.)
 */
export const SHORT_SEARCH_TIMEOUT_MS = 500;

/**
 * Counting is bounded whatever the table size (see ticket-count.repository.ts): when
 * the planner expects more than EXACT_COUNT_ESTIMATE_LIMIT matches its estimate is
 * the answer; otherwise at most TOTAL_COUNT_CAP + 1 matches are read and, unless a
 * term uses the search index, for at most COUNT_TIMEOUT_MS.
 */
export const EXACT_COUNT_ESTIMATE_LIMIT = 1_000;
export const TOTAL_COUNT_CAP = 10_000;
export const COUNT_TIMEOUT_MS = 250;

/** Most user ids one assignee filter names: a team's agents, and a bound on the SQL. */
export const ASSIGNEE_FILTER_IDS_MAX = 100;

// ---- the query ----------------------------------------------------------------

/** A filter as validated: only the fields that narrow the list are present. */
export interface ValidTicketFilter {
  categories?: TicketCategory[];
  priorities?: TicketPriority[];
  statuses?: TicketStatus[];
  createdAfter?: Date;
  createdBefore?: Date;
  assignee?: ValidAssigneeFilter;
  /** What the classifier suggested (tickets without a suggestion never match). */
  suggestedCategories?: TicketCategory[];
  suggestedPriorities?: TicketPriority[];
  /** How the suggestion fared, on what the ticket was saved with at creation: any of these. */
  suggestionOutcomes?: SuggestionOutcome[];
  /** Saved with any of these when a suggestion was shown (tickets without one never match). */
  filedCategories?: TicketCategory[];
  filedPriorities?: TicketPriority[];
  /** The suggestion's confidence fell in any of these bands (tickets without a recorded confidence never match). */
  suggestionConfidenceBands?: ConfidenceBand[];
}

/**
 * Tickets assigned to any of `userIds`, or (`unassigned`) to nobody. The caller's
 * `me` is already one of the ids; both empty match nothing (`me` for an anonymous caller).
 */
export interface ValidAssigneeFilter {
  userIds: number[];
  unassigned: boolean;
}

/** Who is asking: whose tickets `me` means. */
export interface QueryCaller {
  userId: number | null;
}

/** No one: `me` matches nothing. */
const NO_CALLER: QueryCaller = { userId: null };

export type TicketFilterField = keyof ValidTicketFilter;

/** A filter as a client sent it (GraphQL `TicketFilter`, REST query parameters): not yet validated. */
export type TicketFilterRequest = { readonly [K in TicketFilterField]?: unknown };

/**
 * `true` when `T` has exactly the filter fields, `never` otherwise: an adapter's own
 * filter type (the GraphQL input) is pinned to this module by assigning `true` to it.
 */
export type ExactlyTheFilterFields<T> = [Exclude<keyof T, TicketFilterField> | Exclude<TicketFilterField, keyof T>] extends [never]
  ? true
  : never;

export interface TicketQuery {
  filter: ValidTicketFilter;
  /** Whitespace-separated terms; every one must match title or description. */
  terms: string[];
}

/**
 * Order of a list. Every order ends with the ticket id, so no two tickets tie and
 * pages never repeat or skip one.
 */
export enum TicketOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
  /** Critical first, then high, medium, low; newest first within a priority. */
  PRIORITY = 'PRIORITY',
  /** Last changed (`updated_at`) first. */
  RECENTLY_CHANGED = 'RECENTLY_CHANGED',
}

export const TICKET_ORDERS = Object.values(TicketOrder);

export const DEFAULT_TICKET_ORDER = TicketOrder.NEWEST_FIRST;

export type TicketOrderDirection = 'desc' | 'asc';

/** The instant column an order sorts by (after the priority, for PRIORITY). */
export type TicketOrderInstant = 'createdAt' | 'updatedAt';

/** What an order sorts by: optionally the priority (critical first), then an instant, then the id, all one way. */
export interface TicketOrderKeys {
  /** The first element of the order's cursors: a cursor of one order is refused by another. */
  tag: string;
  byPriority: boolean;
  instant: TicketOrderInstant;
  direction: TicketOrderDirection;
}

// Exhaustive: a new order fails to compile until its keys are decided.
export const TICKET_ORDER_KEYS: Record<TicketOrder, TicketOrderKeys> = {
  NEWEST_FIRST: { tag: 'n', byPriority: false, instant: 'createdAt', direction: 'desc' },
  OLDEST_FIRST: { tag: 'o', byPriority: false, instant: 'createdAt', direction: 'asc' },
  PRIORITY: { tag: 'p', byPriority: true, instant: 'createdAt', direction: 'desc' },
  RECENTLY_CHANGED: { tag: 'c', byPriority: false, instant: 'updatedAt', direction: 'desc' },
};

/** The priorities as PRIORITY lists them: critical first. */
export const PRIORITIES_CRITICAL_FIRST: readonly TicketPriority[] = [...TICKET_PRIORITIES].reverse();

// ---- the filter fields ----------------------------------------------------------

type Issues = TicketIssue[];

interface FilterFieldRule<K extends TicketFilterField> {
  /** The field's value as validated; undefined when it does not narrow the list (or is refused, with an issue). */
  validate(issues: Issues, value: unknown, caller: QueryCaller): ValidTicketFilter[K] | undefined;
  /**
   * Whether the trigger-maintained counter tables can answer a filter on this field
   * exactly. They are keyed by category, priority, status and creation day, so a
   * created-at range (which cuts days at arbitrary instants) cannot be answered there.
   */
  counters: boolean;
}

/** A list of choices: empty is no filter, repeats count once; one value stands for a list of it, as GraphQL coerces it. */
function validateChoiceList<T extends string>(issues: Issues, field: string, values: unknown, allowed: readonly T[]): T[] | undefined {
  if (values == null) return undefined;
  const list: readonly unknown[] = Array.isArray(values) ? values : [values];
  if (list.length === 0) return undefined;
  const out: T[] = [];
  for (const value of list) {
    const ok = validateChoice(issues, field, value, allowed);
    if (ok !== undefined && !out.includes(ok)) out.push(ok);
  }
  return out;
}

function validateInstant(issues: Issues, field: string, date: unknown): Date | undefined {
  if (date == null) return undefined;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    issues.push({ field, code: 'INVALID', message: MESSAGES.invalidDate });
  } else if (!isStorableDate(date)) {
    issues.push({ field, code: 'OUT_OF_RANGE', message: MESSAGES.dateOutOfRange });
  } else {
    return date;
  }
  return undefined;
}

const ASSIGNEE_FIELD = 'assignee';

/** GraphQL `AssigneeFilter` (REST `assignee=me|none|<id>` reads into one): at least one of me, none and userIds. */
function validateAssigneeFilter(issues: Issues, value: unknown, caller: QueryCaller): ValidAssigneeFilter | undefined {
  if (value == null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ field: ASSIGNEE_FIELD, code: 'INVALID_TYPE', message: 'Expected me, none or user ids.' });
    return undefined;
  }
  const { me, none, userIds } = value as { me?: unknown; none?: unknown; userIds?: unknown };
  const given: readonly unknown[] = userIds == null ? [] : Array.isArray(userIds) ? userIds : [userIds];
  if (given.length > ASSIGNEE_FILTER_IDS_MAX) {
    issues.push({
      field: ASSIGNEE_FIELD,
      code: 'TOO_LONG',
      message: `Ensure this field has no more than ${ASSIGNEE_FILTER_IDS_MAX} user ids.`,
    });
    return undefined;
  }
  const ids: number[] = [];
  for (const raw of given) {
    const id = parseUserId(raw);
    if (id === null) {
      issues.push({ field: ASSIGNEE_FIELD, code: 'INVALID', message: `"${String(raw)}" is not a user id: send me, none or a user id.` });
      return undefined;
    }
    ids.push(id);
  }
  if (me !== true && none !== true && ids.length === 0) {
    issues.push({ field: ASSIGNEE_FIELD, code: 'REQUIRED', message: 'Choose whose tickets: me, none or user ids.' });
    return undefined;
  }
  if (me === true && caller.userId !== null) ids.push(caller.userId);
  // Sorted and once each: one filter, one cache key and one statement, however it was written.
  return { userIds: [...new Set(ids)].sort((a, b) => a - b), unassigned: none === true };
}

/**
 * Every filter field and what each part of the system must know of it. The type
 * requires an entry per field of `ValidTicketFilter`, so a new field does not compile
 * until it is decided here. Counter eligibility is an allow-list: a field is answered
 * from the counters only when its entry says so.
 */
export const TICKET_FILTER_FIELDS = {
  categories: { counters: true, validate: (issues, v) => validateChoiceList(issues, 'categories', v, TICKET_CATEGORIES) },
  priorities: { counters: true, validate: (issues, v) => validateChoiceList(issues, 'priorities', v, TICKET_PRIORITIES) },
  statuses: { counters: true, validate: (issues, v) => validateChoiceList(issues, 'statuses', v, TICKET_STATUSES) },
  createdAfter: { counters: false, validate: (issues, v) => validateInstant(issues, 'createdAfter', v) },
  createdBefore: { counters: false, validate: (issues, v) => validateInstant(issues, 'createdBefore', v) },
  assignee: { counters: false, validate: validateAssigneeFilter },
  suggestedCategories: {
    counters: false,
    validate: (issues, v) => validateChoiceList(issues, 'suggestedCategories', v, TICKET_CATEGORIES),
  },
  suggestedPriorities: {
    counters: false,
    validate: (issues, v) => validateChoiceList(issues, 'suggestedPriorities', v, TICKET_PRIORITIES),
  },
  suggestionOutcomes: {
    counters: false,
    validate: (issues, v) => validateChoiceList(issues, 'suggestionOutcomes', v, SUGGESTION_OUTCOMES),
  },
  filedCategories: { counters: false, validate: (issues, v) => validateChoiceList(issues, 'filedCategories', v, TICKET_CATEGORIES) },
  filedPriorities: { counters: false, validate: (issues, v) => validateChoiceList(issues, 'filedPriorities', v, TICKET_PRIORITIES) },
  suggestionConfidenceBands: {
    counters: false,
    validate: (issues, v) => validateChoiceList(issues, 'suggestionConfidenceBands', v, CONFIDENCE_BANDS),
  },
} as const satisfies { [K in TicketFilterField]: FilterFieldRule<K> };

const FILTER_FIELD_NAMES = Object.keys(TICKET_FILTER_FIELDS) as TicketFilterField[];

/** The filter fields the counter tables can answer (those whose rule says `counters: true`). */
export type CounterFilterField = {
  [K in TicketFilterField]: (typeof TICKET_FILTER_FIELDS)[K]['counters'] extends true ? K : never;
}[TicketFilterField];

const COUNTER_FIELDS: ReadonlySet<string> = new Set(FILTER_FIELD_NAMES.filter((field) => TICKET_FILTER_FIELDS[field].counters));

/**
 * Whether the counters can answer `query` exactly: no search, and every field it
 * filters on is one the counters are keyed by. An allow-list: a field not named in
 * TICKET_FILTER_FIELDS as countable, known or not, sends the query to the tickets.
 */
export function isCounterQuery(query: TicketQuery): boolean {
  return (
    query.terms.length === 0 && Object.entries(query.filter).every(([field, value]) => value === undefined || COUNTER_FIELDS.has(field))
  );
}

// ---- search ---------------------------------------------------------------------

function validateSearch(issues: Issues, search: unknown): string[] {
  if (search == null) return [];
  if (typeof search !== 'string') {
    issues.push({ field: 'search', code: 'INVALID_TYPE', message: MESSAGES.notString });
  } else if (hasLoneSurrogate(search)) {
    issues.push({ field: 'search', code: 'INVALID', message: MESSAGES.loneSurrogate });
  } else if (codePointLength(search) > SEARCH_MAX_LENGTH) {
    issues.push({ field: 'search', code: 'TOO_LONG', message: MESSAGES.tooLong(SEARCH_MAX_LENGTH) });
  } else {
    return searchTerms(search);
  }
  return [];
}

/** Whether some term can use the trigram index, so that the matches it yields bound the work. */
export function isIndexedSearch(query: TicketQuery): boolean {
  return query.terms.some((t) => t.length >= INDEXED_TERM_MIN_LENGTH);
}

/** Whether the query searches and no term of it can use the trigram index. */
export function isUnindexedSearch(query: TicketQuery): boolean {
  return query.terms.length > 0 && !isIndexedSearch(query);
}

/** A search whose terms are all too short for the index ran out of SHORT_SEARCH_TIMEOUT_MS. */
export function shortSearchTooSlow(): TicketError {
  return new TicketError('VALIDATION_FAILED', [
    {
      field: 'search',
      code: 'INVALID',
      message: `Terms shorter than ${INDEXED_TERM_MIN_LENGTH} characters cannot use the search index, and matching this one took too long. Add a longer term or a filter.`,
    },
  ]);
}

/**
 * The filter and the search of a list (or of the statistics), validated together so
 * every failing field is reported at once; `caller` is whom `assignee.me` means.
 */
export function validateTicketQuery(
  filter: TicketFilterRequest | null | undefined,
  search: unknown,
  caller: QueryCaller = NO_CALLER,
): TicketQuery {
  const issues: Issues = [];
  const valid: ValidTicketFilter = {};
  for (const field of FILTER_FIELD_NAMES) {
    const value = TICKET_FILTER_FIELDS[field].validate(issues, filter?.[field], caller);
    if (value !== undefined) (valid as Record<TicketFilterField, unknown>)[field] = value;
  }
  const terms = validateSearch(issues, search);
  if (issues.length > 0) throw new TicketError('VALIDATION_FAILED', issues);
  return { filter: valid, terms };
}

// ---- keyset pages (GraphQL) -------------------------------------------------------

/** A position in one order: the sort keys of the last ticket of a page. */
export interface Cursor {
  order: TicketOrder;
  /** PRIORITY: the ticket's priority; undefined for the other orders. */
  priority?: TicketPriority;
  /** The ticket's instant the order sorts by (`TicketOrderKeys.instant`). */
  at: Date;
  id: number;
}

/** The sort keys of a row, as every order may need them. */
export interface CursorRow {
  id: number;
  createdAt: Date;
  updatedAt: Date;
  priority: TicketPriority;
}

// Bounds of what a cursor may hold: ids of the integer column, and timestamps
// PostgreSQL can compare (a forged far-past date would otherwise be a SQL error).

/** The opaque cursor of `row` in `order`: `[tag, (priority,) instant, id]` as base64url JSON. */
export function encodeCursor(order: TicketOrder, row: CursorRow): string {
  const keys = TICKET_ORDER_KEYS[order];
  const at = row[keys.instant].toISOString();
  const value = keys.byPriority ? [keys.tag, row.priority, at, row.id] : [keys.tag, at, row.id];
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const ORDER_BY_TAG = new Map(TICKET_ORDERS.map((order) => [TICKET_ORDER_KEYS[order].tag, order]));

/** A cursor's order and position; null for anything that is not a cursor this server issued the shape of. */
export function decodeCursor(cursor: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value)) return null;
    const order = typeof value[0] === 'string' ? ORDER_BY_TAG.get(value[0]) : undefined;
    if (order === undefined) return null;
    const byPriority = TICKET_ORDER_KEYS[order].byPriority;
    if (value.length !== (byPriority ? 4 : 3)) return null;
    const [priority, iso, id] = (byPriority ? value.slice(1) : [undefined, ...value.slice(1)]) as [unknown, unknown, unknown];
    if (byPriority && !(TICKET_PRIORITIES as readonly unknown[]).includes(priority)) return null;
    if (typeof iso !== 'string' || typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > TICKET_ID_MAX) return null;
    const at = new Date(iso);
    if (!isStorableDate(at)) return null;
    return byPriority ? { order, priority: priority as TicketPriority, at, id } : { order, at, id };
  } catch {
    return null;
  }
}

export interface KeysetPage {
  /** How many tickets the page holds at most. */
  first: number;
  after: Cursor | undefined;
  order: TicketOrder;
}

/** GraphQL's `first` of any connection (tickets, a ticket's history), validated. */
export function validatePageSize(first: number | null | undefined): number {
  const size = first ?? GRAPHQL_PAGE_SIZE.default;
  if (!Number.isInteger(size) || size < 0 || size > GRAPHQL_PAGE_SIZE.max) {
    throw new TicketError('VALIDATION_FAILED', [
      { field: 'first', code: 'OUT_OF_RANGE', message: `Ensure this value is between 0 and ${GRAPHQL_PAGE_SIZE.max}.` },
    ]);
  }
  return size;
}

/** A list's order as a client named it (GraphQL's enum, a saved view), validated; absent is the default. */
export function validateTicketOrder(issues: IssueSink, field: string, value: unknown): TicketOrder {
  if (value == null) return DEFAULT_TICKET_ORDER;
  return validateChoice(issues, field, value, TICKET_ORDERS) ?? DEFAULT_TICKET_ORDER;
}

/** GraphQL's `first`, `after` and `orderBy`, validated: a cursor is only good for the order that issued it. */
export function validateKeysetPage(first: number | null | undefined, after: string | null | undefined, orderBy: unknown): KeysetPage {
  const size = validatePageSize(first);
  const issues: TicketIssue[] = [];
  const order = validateTicketOrder(issues, 'orderBy', orderBy);
  if (issues.length > 0) throw new TicketError('VALIDATION_FAILED', issues);
  let cursor: Cursor | undefined;
  if (after != null) {
    cursor = decodeCursor(after) ?? undefined;
    if (!cursor) throw new TicketError('VALIDATION_FAILED', [{ field: 'after', code: 'INVALID', message: 'Invalid cursor.' }]);
    if (cursor.order !== order) {
      throw new TicketError('VALIDATION_FAILED', [
        {
          field: 'after',
          code: 'INVALID',
          message: `This cursor belongs to the ${cursor.order} order, not ${order}: start the list again without \`after\`.`,
        },
      ]);
    }
  }
  return { first: size, after: cursor, order };
}
