// The rules of a saved view, written once for GraphQL and REST: its name, and its
// query (filter, search and order) checked by the ticket list's own rules
// (tickets/ticket-query.ts), so a saved view never holds what the list would refuse.
// The query is stored as the list takes it, not as one caller resolves it:
// `assignee.me` stays "me", whoever opens the view.
import type { ConfidenceBand, SuggestionOutcome, TicketCategory, TicketPriority, TicketStatus } from '../tickets/ticket.enums.js';
import { TicketError } from '../tickets/ticket.errors.js';
import {
  validateTicketOrder,
  validateTicketQuery,
  type ExactlyTheFilterFields,
  type TicketFilterField,
  type TicketFilterRequest,
  type TicketOrder,
  type ValidTicketFilter,
} from '../tickets/ticket-query.js';
import { pythonTypeName, validateText } from '../tickets/ticket.validation.js';
import { SavedViewError, type SavedViewIssue } from './saved-view.errors.js';

/** Longest view name, in code points of the trimmed text. */
export const SAVED_VIEW_NAME_MAX = 80;

/** Most views one person keeps: the navigation lists them all. */
export const SAVED_VIEWS_MAX = 50;

/** Whose tickets, as the list's `AssigneeFilter` says it: `me` is whoever opens the view. */
export interface SavedAssignee {
  me: boolean;
  none: boolean;
  userIds: number[];
}

/** Each filter field as a saved view stores it (JSON): instants as ISO text. */
export interface SavedFilterValues {
  categories: TicketCategory[];
  priorities: TicketPriority[];
  statuses: TicketStatus[];
  createdAfter: string;
  createdBefore: string;
  assignee: SavedAssignee;
  suggestedCategories: TicketCategory[];
  suggestedPriorities: TicketPriority[];
  suggestionOutcomes: SuggestionOutcome[];
  filedCategories: TicketCategory[];
  filedPriorities: TicketPriority[];
  suggestionConfidenceBands: ConfidenceBand[];
}

// Exactly the list's filter fields: a field added there fails to compile here until saved views store it.
const _savedFilterFields: ExactlyTheFilterFields<SavedFilterValues> = true;

/** Only the fields that narrow the list are present. */
export type SavedFilter = Partial<SavedFilterValues>;

/** What a saved view holds, as stored in `saved_views.query`. */
export interface SavedViewQuery {
  filter: SavedFilter;
  search: string | null;
  orderBy: TicketOrder;
}

/** A view's query as a client sent it: the list's arguments, not yet validated. */
export interface SavedViewQueryRequest {
  /** A TicketFilter (GraphQL has checked its shape); over REST anything, refused unless a mapping. */
  filter?: unknown;
  search?: unknown;
  orderBy?: unknown;
}

const kept = <T>(value: T): T => value;
const isoText = (date: Date): string => date.toISOString();

/** How each validated filter field is stored; `given` is the field as the client sent it. */
const TO_SAVED: { [K in TicketFilterField]: (valid: NonNullable<ValidTicketFilter[K]>, given: unknown) => SavedFilterValues[K] } = {
  categories: kept,
  priorities: kept,
  statuses: kept,
  createdAfter: isoText,
  createdBefore: isoText,
  // Validated without a caller, so `userIds` are the ids given, and `me` is kept as a flag.
  assignee: (valid, given) => ({ me: (given as { me?: unknown }).me === true, none: valid.unassigned, userIds: valid.userIds }),
  suggestedCategories: kept,
  suggestedPriorities: kept,
  suggestionOutcomes: kept,
  filedCategories: kept,
  filedPriorities: kept,
  suggestionConfidenceBands: kept,
};

/** How each stored field is given back to the list (and shown): as a TicketFilter holds it. */
const TO_REQUEST: { [K in TicketFilterField]: (saved: SavedFilterValues[K]) => unknown } = {
  categories: kept,
  priorities: kept,
  statuses: kept,
  createdAfter: (iso) => new Date(iso),
  createdBefore: (iso) => new Date(iso),
  assignee: ({ me, none, userIds }) => ({ me, none, userIds: userIds.map(String) }),
  suggestedCategories: kept,
  suggestedPriorities: kept,
  suggestionOutcomes: kept,
  filedCategories: kept,
  filedPriorities: kept,
  suggestionConfidenceBands: kept,
};

const FILTER_FIELDS = Object.keys(TO_SAVED) as TicketFilterField[];

/** A stored filter as the list takes it (a TicketFilter's values). */
export function savedFilterRequest(filter: SavedFilter): { [K in TicketFilterField]?: unknown } {
  const request: { [K in TicketFilterField]?: unknown } = {};
  for (const field of FILTER_FIELDS) {
    const value = filter[field];
    if (value !== undefined) request[field] = (TO_REQUEST[field] as (saved: typeof value) => unknown)(value);
  }
  return request;
}

/** The list's issues under the view's input names: a filter field's under `filter.`. */
function asViewIssues(error: TicketError): SavedViewIssue[] {
  return error.issues.map((issue) => ({
    ...issue,
    field: issue.field === null || issue.field === 'search' ? issue.field : `filter.${issue.field}`,
  }));
}

/** Validates a view's query by the list's rules, collecting every issue into `issues`; undefined when refused. */
function validateQuery(issues: SavedViewIssue[], request: SavedViewQueryRequest): SavedViewQuery | undefined {
  const given = request.filter;
  if (given != null && (typeof given !== 'object' || Array.isArray(given))) {
    issues.push({
      field: 'filter',
      code: 'INVALID_TYPE',
      message: `Invalid data. Expected a dictionary, but got ${pythonTypeName(given)}.`,
    });
    validateTicketOrder(issues, 'orderBy', request.orderBy);
    return undefined;
  }
  const filterRequest = given as TicketFilterRequest | null | undefined;
  let valid: ValidTicketFilter | undefined;
  try {
    valid = validateTicketQuery(filterRequest, request.search).filter;
  } catch (error) {
    if (!(error instanceof TicketError)) throw error;
    issues.push(...asViewIssues(error));
  }
  const issuesBefore = issues.length;
  const orderBy = validateTicketOrder(issues, 'orderBy', request.orderBy);
  if (valid === undefined || issues.length > issuesBefore) return undefined;
  const filter: SavedFilter = {};
  for (const field of FILTER_FIELDS) {
    const value = valid[field];
    if (value !== undefined) {
      const save = TO_SAVED[field] as (valid: NonNullable<typeof value>, given: unknown) => SavedFilterValues[typeof field];
      (filter as Record<TicketFilterField, unknown>)[field] = save(value, filterRequest?.[field]);
    }
  }
  // As the list reads it: blank is no search (ticket-query.ts splits it into no terms).
  const search = typeof request.search === 'string' && request.search.trim() !== '' ? request.search.trim() : null;
  return { filter, search, orderBy };
}

function validateName(issues: SavedViewIssue[], value: unknown, required: boolean): string | undefined {
  return validateText(issues, 'name', value, { required, max: SAVED_VIEW_NAME_MAX });
}

export interface NewSavedViewRequest extends SavedViewQueryRequest {
  name?: unknown;
}

/** A new view: its name and query, every failing field reported at once. */
export function validateNewSavedView(request: NewSavedViewRequest): { name: string; query: SavedViewQuery } {
  const issues: SavedViewIssue[] = [];
  const name = validateName(issues, request.name, true);
  const query = validateQuery(issues, request);
  if (issues.length > 0 || name === undefined || query === undefined) throw new SavedViewError('VALIDATION_FAILED', issues);
  return { name, query };
}

/**
 * A change of a view: only what is given changes. Null for the filter, the search or
 * the order is none (the default order); the name may not be null. The query that
 * results is validated whole.
 */
export function validateSavedViewChange(request: NewSavedViewRequest, current: SavedViewQuery): { name?: string; query?: SavedViewQuery } {
  const issues: SavedViewIssue[] = [];
  const name = validateName(issues, request.name, false);
  const changesQuery = request.filter !== undefined || request.search !== undefined || request.orderBy !== undefined;
  const query = changesQuery
    ? validateQuery(issues, {
        filter: request.filter === undefined ? savedFilterRequest(current.filter) : request.filter,
        search: request.search === undefined ? current.search : request.search,
        orderBy: request.orderBy === undefined ? current.orderBy : request.orderBy,
      })
    : undefined;
  if (issues.length > 0) throw new SavedViewError('VALIDATION_FAILED', issues);
  return { ...(name === undefined ? {} : { name }), ...(query === undefined ? {} : { query }) };
}
