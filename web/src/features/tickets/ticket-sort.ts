// The orders the tickets list offers, as the agent picks them and the URL spells them
// (`?sort=priority`): newest first unless chosen otherwise, and then left out of the
// URL, so the plain list's address stays `/tickets`. Compiling fails when the schema
// gains an order that is not listed here.
import type { TicketOrder } from '../../gql/graphql.js';

export const SORTS = ['NEWEST_FIRST', 'OLDEST_FIRST', 'PRIORITY', 'RECENTLY_CHANGED'] as const satisfies readonly TicketOrder[];

type AssertNever<T extends never> = T;
type _AllOrdersListed = AssertNever<Exclude<TicketOrder, (typeof SORTS)[number]>>;

export const DEFAULT_SORT: TicketOrder = 'NEWEST_FIRST';

export const SORT_LABEL: Record<TicketOrder, string> = {
  NEWEST_FIRST: 'Newest first',
  OLDEST_FIRST: 'Oldest first',
  PRIORITY: 'Critical first',
  RECENTLY_CHANGED: 'Last changed',
};

/** Each order's value of the `sort` parameter. */
const SORT_PARAM: Record<TicketOrder, string> = {
  NEWEST_FIRST: 'newest',
  OLDEST_FIRST: 'oldest',
  PRIORITY: 'priority',
  RECENTLY_CHANGED: 'changed',
};

/** The order a `sort` parameter names; anything else (none, a hand-edited value) is the default. */
export function readSort(value: string | null): TicketOrder {
  return SORTS.find((sort) => SORT_PARAM[sort] === value) ?? DEFAULT_SORT;
}

/** The `sort` parameter of an order; null for the default, which the URL leaves out. */
export function sortParam(sort: TicketOrder): string | null {
  return sort === DEFAULT_SORT ? null : SORT_PARAM[sort];
}
