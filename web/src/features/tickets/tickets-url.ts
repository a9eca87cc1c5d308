// The tickets view's state in the URL (?category=BILLING&status=OPEN&q=refund&sort=priority),
// so a view can be shared and survives a reload. Unknown values in a hand-edited URL are
// dropped rather than sent to the server. `assignee=me|none|<user id>` picks whose
// tickets the view shows ("My tickets", "Unassigned"), as the REST filter spells it,
// repeated for several (any of them, as a saved view made through the API may hold).
// `since` and `before` bound when the tickets were created.
import type { TicketFilter, TicketOrder } from '../../gql/graphql.js';
import { clipCharacters } from '../../common/characters.js';
import { TICKET_SEARCH_MAX } from '../../gql/limits.js';
import {
  CATEGORIES,
  CONFIDENCE_BANDS,
  isCategory,
  isConfidenceBand,
  isPriority,
  isStatus,
  isSuggestionOutcome,
  PRIORITIES,
  STATUSES,
  SUGGESTION_OUTCOMES,
} from './ticket-enums.js';
import { DEFAULT_SORT, readSort, sortParam } from './ticket-sort.js';

interface UrlChoices<T extends string> {
  /** The URL parameter, repeated once per value. */
  param: string;
  /** The values offered, in the order the URL lists them. */
  order: readonly T[];
  guard: (value: string) => value is T;
}

type FilterField = keyof TicketFilter;
type ChoiceOf<K extends FilterField> = NonNullable<TicketFilter[K]> extends readonly (infer T extends string)[] ? T : never;

/**
 * How each field of the schema's `TicketFilter` appears in the URL: a repeated
 * parameter of choices, or null where the tickets view does not offer it. Every field
 * must have an entry, so a field added to the schema fails to typecheck here until
 * it is given one or the other.
 */
const URL_FILTERS = {
  categories: { param: 'category', order: CATEGORIES, guard: isCategory },
  priorities: { param: 'priority', order: PRIORITIES, guard: isPriority },
  statuses: { param: 'status', order: STATUSES, guard: isStatus },
  // Not a list of choices of one kind (`assignee=me|none|<id>`, repeated): read and written below.
  assignee: null,
  // Instants rather than choices: the view's `since` and `before` carry them.
  createdAfter: null,
  createdBefore: null,
  // The triage card's links (dashboard) narrow the list by how the suggestion fared.
  suggestedCategories: { param: 'suggested_category', order: CATEGORIES, guard: isCategory },
  suggestedPriorities: { param: 'suggested_priority', order: PRIORITIES, guard: isPriority },
  suggestionOutcomes: { param: 'suggestion', order: SUGGESTION_OUTCOMES, guard: isSuggestionOutcome },
  filedCategories: { param: 'filed_category', order: CATEGORIES, guard: isCategory },
  filedPriorities: { param: 'filed_priority', order: PRIORITIES, guard: isPriority },
  suggestionConfidenceBands: { param: 'confidence', order: CONFIDENCE_BANDS, guard: isConfidenceBand },
} as const satisfies { [K in FilterField]: UrlChoices<ChoiceOf<K>> | null };

/** The filter fields the view offers. */
type ViewField = { [K in FilterField]: (typeof URL_FILTERS)[K] extends null ? never : K }[FilterField];

const VIEW_FIELDS = (Object.keys(URL_FILTERS) as FilterField[]).filter((field): field is ViewField => URL_FILTERS[field] !== null);

/**
 * Whose tickets, any of: the caller's, nobody's, given people's (user ids, in increasing
 * order); at least one chosen (no choice is null: anyone's).
 */
export interface AssigneeView {
  me: boolean;
  none: boolean;
  userIds: string[];
}

export type TicketsView = { [K in ViewField]: ChoiceOf<K>[] } & {
  search: string;
  assignee: AssigneeView | null;
  /** Created at or after this instant (ISO), or '' for any time: the `createdAfter` filter. */
  since: string;
  /** Created strictly before this instant (ISO), or '' for any time: the `createdBefore` filter. */
  before: string;
  /** The list's order (`orderBy`): not a filter, so clearing the filters keeps it. */
  sort: TicketOrder;
};

/** Every ticket: no filter, no search. */
export const EMPTY_VIEW: TicketsView = {
  categories: [],
  priorities: [],
  statuses: [],
  suggestedCategories: [],
  suggestedPriorities: [],
  suggestionOutcomes: [],
  filedCategories: [],
  filedPriorities: [],
  suggestionConfidenceBands: [],
  search: '',
  assignee: null,
  since: '',
  before: '',
  sort: DEFAULT_SORT,
};

/** An instant as the URL gives it, normalised; anything unreadable is no filter. */
function readInstant(value: string | null): string {
  const time = value === null ? NaN : Date.parse(value);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

const ASSIGNEE_PARAM = 'assignee';

const USER_ID = /^[1-9]\d{0,18}$/;

/** Ids as integers go: shorter first, then by digit. */
const byIdValue = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Whose tickets, normalised (ids once each, in order); null when nothing is chosen. How
 * many people a list may name is the server's to say (a clear refusal, not a cut here).
 */
export function assigneeView(choice: {
  me?: boolean | null;
  none?: boolean | null;
  userIds?: readonly string[] | null;
}): AssigneeView | null {
  const userIds = [...new Set((choice.userIds ?? []).filter((id) => USER_ID.test(id)))].sort(byIdValue);
  const view = { me: choice.me === true, none: choice.none === true, userIds };
  return view.me || view.none || userIds.length > 0 ? view : null;
}

function readAssignee(values: readonly string[]): AssigneeView | null {
  return assigneeView({ me: values.includes('me'), none: values.includes('none'), userIds: values });
}

function assigneeParams(view: AssigneeView): string[] {
  return [...(view.me ? ['me'] : []), ...(view.none ? ['none'] : []), ...view.userIds];
}

/** "My tickets" or "Unassigned" alone, when the view is exactly that; null otherwise. */
export function soleAssignee(view: AssigneeView | null): 'me' | 'none' | null {
  if (!view || view.userIds.length > 0 || view.me === view.none) return null;
  return view.me ? 'me' : 'none';
}

/** The schema's AssigneeFilter for a view: only the choices made. */
function toAssigneeFilter(view: AssigneeView): NonNullable<TicketFilter['assignee']> {
  return {
    ...(view.me ? { me: true } : {}),
    ...(view.none ? { none: true } : {}),
    ...(view.userIds.length ? { userIds: view.userIds } : {}),
  };
}

function pick<T extends string>(params: URLSearchParams, { param, guard, order }: UrlChoices<T>): T[] {
  const chosen = new Set(params.getAll(param).filter(guard));
  return order.filter((value) => chosen.has(value));
}

export function readTicketsView(params: URLSearchParams): TicketsView {
  return {
    categories: pick(params, URL_FILTERS.categories),
    priorities: pick(params, URL_FILTERS.priorities),
    statuses: pick(params, URL_FILTERS.statuses),
    suggestedCategories: pick(params, URL_FILTERS.suggestedCategories),
    suggestedPriorities: pick(params, URL_FILTERS.suggestedPriorities),
    suggestionOutcomes: pick(params, URL_FILTERS.suggestionOutcomes),
    filedCategories: pick(params, URL_FILTERS.filedCategories),
    filedPriorities: pick(params, URL_FILTERS.filedPriorities),
    suggestionConfidenceBands: pick(params, URL_FILTERS.suggestionConfidenceBands),
    search: clipCharacters(params.get('q') ?? '', TICKET_SEARCH_MAX),
    assignee: readAssignee(params.getAll(ASSIGNEE_PARAM)),
    since: readInstant(params.get('since')),
    before: readInstant(params.get('before')),
    sort: readSort(params.get('sort')),
  };
}

export function writeTicketsView(view: TicketsView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.assignee) for (const value of assigneeParams(view.assignee)) params.append(ASSIGNEE_PARAM, value);
  for (const field of VIEW_FIELDS) for (const value of view[field]) params.append(URL_FILTERS[field].param, value);
  if (view.since !== '') params.set('since', view.since);
  if (view.before !== '') params.set('before', view.before);
  if (view.search.trim() !== '') params.set('q', view.search);
  const sort = sortParam(view.sort);
  if (sort !== null) params.set('sort', sort);
  return params;
}

/** The tickets list showing `view` (the filters not given: none). */
export function ticketsHref(view: Partial<TicketsView>): string {
  const params = writeTicketsView({ ...EMPTY_VIEW, ...view });
  const query = params.toString();
  return query === '' ? '/tickets' : `/tickets?${query}`;
}

export function toTicketFilter(view: TicketsView): TicketFilter | null {
  const filter: TicketFilter = {};
  for (const field of VIEW_FIELDS) if (view[field].length) Object.assign(filter, { [field]: view[field] });
  if (view.assignee) filter.assignee = toAssigneeFilter(view.assignee);
  if (view.since !== '') filter.createdAfter = view.since;
  if (view.before !== '') filter.createdBefore = view.before;
  return Object.keys(filter).length ? filter : null;
}

/** The view's filters and search gone, whose tickets it shows and its order kept (that is the view itself). */
export function withoutFilters(view: TicketsView): TicketsView {
  return { ...EMPTY_VIEW, assignee: view.assignee, sort: view.sort };
}

/** Any filter chosen (the search aside). */
export function hasFilters(view: TicketsView): boolean {
  return view.since !== '' || view.before !== '' || VIEW_FIELDS.some((field) => view[field].length > 0);
}

/** Filters or a search narrow the view (whose tickets it shows is the view, not a filter). */
export function isFiltered(view: TicketsView): boolean {
  return hasFilters(view) || view.search.trim() !== '';
}

/** The same filters and order chosen in both (the search aside). */
export function sameFilters(a: TicketsView, b: TicketsView): boolean {
  const whose = (view: TicketsView) => (view.assignee ? assigneeParams(view.assignee).join(' ') : null);
  return (
    whose(a) === whose(b) &&
    a.since === b.since &&
    a.before === b.before &&
    a.sort === b.sort &&
    VIEW_FIELDS.every((field) => a[field].length === b[field].length && a[field].every((value, i) => value === b[field][i]))
  );
}
