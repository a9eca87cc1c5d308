// The tickets view's state in the URL (?category=BILLING&status=OPEN&q=refund), so a
// view can be shared and survives a reload. Unknown values in a hand-edited URL are
// dropped rather than sent to the server.
import type { TicketFilter } from '../../gql/graphql.js';
import { clipCharacters } from '../../common/characters.js';
import { TICKET_SEARCH_MAX } from '../../gql/limits.js';
import {
  CATEGORIES,
  isCategory,
  isPriority,
  isStatus,
  isSuggestionOutcome,
  PRIORITIES,
  STATUSES,
  SUGGESTION_OUTCOMES,
} from './ticket-enums.js';

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
  // Not offered by the list's filters yet: the views "My tickets" and "Unassigned" will.
  assignee: null,
  categories: { param: 'category', order: CATEGORIES, guard: isCategory },
  priorities: { param: 'priority', order: PRIORITIES, guard: isPriority },
  statuses: { param: 'status', order: STATUSES, guard: isStatus },
  // An instant rather than choices: the view's `since` carries it.
  createdAfter: null,
  createdBefore: null,
  // The triage card's links (dashboard) narrow the list by how the suggestion fared.
  suggestedCategories: { param: 'suggested_category', order: CATEGORIES, guard: isCategory },
  suggestedPriorities: { param: 'suggested_priority', order: PRIORITIES, guard: isPriority },
  suggestionOutcomes: { param: 'suggestion', order: SUGGESTION_OUTCOMES, guard: isSuggestionOutcome },
} as const satisfies { [K in FilterField]: UrlChoices<ChoiceOf<K>> | null };

/** The filter fields the view offers. */
type ViewField = { [K in FilterField]: (typeof URL_FILTERS)[K] extends null ? never : K }[FilterField];

const VIEW_FIELDS = (Object.keys(URL_FILTERS) as FilterField[]).filter((field): field is ViewField => URL_FILTERS[field] !== null);

export type TicketsView = { [K in ViewField]: ChoiceOf<K>[] } & {
  search: string;
  /** Created at or after this instant (ISO), or '' for any time: the `createdAfter` filter. */
  since: string;
};

/** Every ticket: no filter, no search. */
export const EMPTY_VIEW: TicketsView = {
  categories: [],
  priorities: [],
  statuses: [],
  suggestedCategories: [],
  suggestedPriorities: [],
  suggestionOutcomes: [],
  search: '',
  since: '',
};

/** An instant as the URL gives it, normalised; anything unreadable is no filter. */
function readInstant(value: string | null): string {
  const time = value === null ? NaN : Date.parse(value);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
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
    search: clipCharacters(params.get('q') ?? '', TICKET_SEARCH_MAX),
    since: readInstant(params.get('since')),
  };
}

export function writeTicketsView(view: TicketsView): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of VIEW_FIELDS) for (const value of view[field]) params.append(URL_FILTERS[field].param, value);
  if (view.since !== '') params.set('since', view.since);
  if (view.search.trim() !== '') params.set('q', view.search);
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
  if (view.since !== '') filter.createdAfter = view.since;
  return Object.keys(filter).length ? filter : null;
}

/** Any filter chosen (the search aside). */
export function hasFilters(view: TicketsView): boolean {
  return view.since !== '' || VIEW_FIELDS.some((field) => view[field].length > 0);
}

export function isFiltered(view: TicketsView): boolean {
  return hasFilters(view) || view.search.trim() !== '';
}

/** The same filters chosen in both (the search aside). */
export function sameFilters(a: TicketsView, b: TicketsView): boolean {
  return (
    a.since === b.since &&
    VIEW_FIELDS.every((field) => a[field].length === b[field].length && a[field].every((value, i) => value === b[field][i]))
  );
}
