// The cache key of one ticket list (filter, search and order; not the page), owned
// here so mutation hooks can tell which cached lists a ticket belongs to.
import type { TicketFilter } from '../gql/graphql.js';

export interface TicketsListKey {
  filter: TicketFilter | null;
  search: string | null;
  /** `TicketOrder`; null is the server's default, newest first. */
  orderBy: string | null;
}

const PREFIX = 'tickets:';

function normaliseFilter(filter: TicketFilter | null | undefined): TicketFilter | null {
  if (!filter) return null;
  const out: TicketFilter = {};
  // Sorted values: the same selection in another order is the same list.
  if (filter.categories?.length) out.categories = [...filter.categories].sort();
  if (filter.priorities?.length) out.priorities = [...filter.priorities].sort();
  if (filter.statuses?.length) out.statuses = [...filter.statuses].sort();
  if (filter.createdAfter) out.createdAfter = filter.createdAfter;
  if (filter.createdBefore) out.createdBefore = filter.createdBefore;
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
