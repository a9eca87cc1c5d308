// The cache key of one ticket list (filter, search and order; not the page), owned
// here so mutation hooks can tell which cached lists a ticket belongs to.
import type { AssigneeFilter, TicketFilter } from '../gql/graphql.js';

export interface TicketsListKey {
  filter: TicketFilter | null;
  search: string | null;
  /** `TicketOrder`; null is the server's default, newest first. */
  orderBy: string | null;
}

const PREFIX = 'tickets:';

type FilterField = keyof TicketFilter;

/** A list's values in a fixed order, so the same selection in another order is the same list; empty is no filter. */
const sortedValues = <T extends string>(values: readonly T[]): T[] | undefined => (values.length ? [...values].sort() : undefined);
/** An instant as the list was asked for it; empty is no filter. */
const givenInstant = (value: string): string | undefined => value || undefined;
/** Whose tickets: only the choices made (a false flag is no choice), user ids in order, so equal choices key alike. */
const assigneeChoice = (value: AssigneeFilter): AssigneeFilter | undefined => {
  const userIds = value.userIds?.length ? [...value.userIds].sort() : undefined;
  if (!value.me && !value.none && !userIds) return undefined;
  return { ...(value.me ? { me: true } : {}), ...(value.none ? { none: true } : {}), ...(userIds ? { userIds } : {}) };
};

/**
 * How each field of the schema's `TicketFilter` goes into the key, in the key's field
 * order. Every field must have an entry, so a field added to the schema fails to
 * typecheck here until it is keyed (instead of sharing a cache entry with other lists).
 */
const FILTER_KEY: { [K in FilterField]: (value: NonNullable<TicketFilter[K]>) => TicketFilter[K] | undefined } = {
  assignee: assigneeChoice,
  categories: sortedValues,
  priorities: sortedValues,
  statuses: sortedValues,
  createdAfter: givenInstant,
  createdBefore: givenInstant,
  suggestedCategories: sortedValues,
  suggestedPriorities: sortedValues,
  suggestionOutcomes: sortedValues,
  filedCategories: sortedValues,
  filedPriorities: sortedValues,
  suggestionConfidenceBands: sortedValues,
};

function keyField<K extends FilterField>(out: TicketFilter, filter: TicketFilter, field: K): void {
  const value = filter[field];
  if (value == null) return;
  const keyed = FILTER_KEY[field](value);
  if (keyed !== undefined) out[field] = keyed;
}

function normaliseFilter(filter: TicketFilter | null | undefined): TicketFilter | null {
  if (!filter) return null;
  const out: TicketFilter = {};
  for (const field of Object.keys(FILTER_KEY) as FilterField[]) keyField(out, filter, field);
  return Object.keys(out).length ? out : null;
}

export function ticketsListStoreFieldName(args: Record<string, unknown> | null): string {
  const key: TicketsListKey = {
    filter: normaliseFilter(args?.filter as TicketFilter | null | undefined),
    search: typeof args?.search === 'string' && args.search.trim() !== '' ? args.search.trim() : null,
    orderBy: typeof args?.orderBy === 'string' ? args.orderBy : null,
  };
  return PREFIX + JSON.stringify(key);
}

export function parseTicketsListStoreFieldName(storeFieldName: string): TicketsListKey | null {
  if (!storeFieldName.startsWith(PREFIX)) return null;
  try {
    return JSON.parse(storeFieldName.slice(PREFIX.length)) as TicketsListKey;
  } catch {
    return null;
  }
}

/** The plain newest-first list of every ticket, where a new ticket goes on top. */
export function isUnfilteredNewestFirst(key: TicketsListKey): boolean {
  return key.filter === null && key.search === null && (key.orderBy === null || key.orderBy === 'NEWEST_FIRST');
}
