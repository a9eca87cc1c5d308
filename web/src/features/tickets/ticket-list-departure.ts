// Where changed tickets go in the lists the cache holds, once their change has settled
// (its undo window closed, or a colleague's change shown): a ticket that no longer
// matches a list's filter (a ticket resolved in "Open") leaves it, and its total
// follows; in a list sorted by what changed (priority, last change) it moves to its
// place among the rows loaded, or out of them when its place is further down than
// they reach (the pages after them hold it), the total unchanged. The cached pages are
// modified in place (cache.modify on Query.tickets, each list told apart by its key,
// apollo/tickets-list-key.ts), so the pages loaded so far stay loaded and nothing is
// asked again. Whether a ticket matches is the live list's rule (live/ticket-activity.ts
// `mayBelong`): a filter only the server can judge (how the suggestion fared) keeps the
// ticket until the list is next read. The order is the server's (its TICKET_ORDER_KEYS,
// server/src/tickets/ticket-query.ts). The search is never at stake: changes made from a
// list do not touch the title or the description.
import type { ApolloCache, Reference } from '@apollo/client';
import { parseTicketsListStoreFieldName } from '../../apollo/tickets-list-key.js';
import { graphql } from '../../gql/index.js';
import type { TicketOrder } from '../../gql/graphql.js';
import { mayBelong, type FilterableTicket } from '../live/ticket-activity.js';
import { PRIORITIES } from './ticket-enums.js';
import { DEFAULT_SORT } from './ticket-sort.js';

const TicketListDepartureFragment = graphql(`
  fragment TicketListDeparture_ticket on Ticket {
    id
    status
    priority
    category
    createdAt
    assignee {
      id
    }
  }
`);

// What the lists' orders sort by: spread by the tickets list's query and the live
// updates, so that every listed ticket has it cached.
const _TicketListOrderFragment = graphql(`
  fragment TicketListOrder_ticket on Ticket {
    id
    priority
    createdAt
    updatedAt
  }
`);

interface TicketConnectionRef {
  edges: readonly { node: Reference }[];
  totalCount: number;
  pageInfo?: { hasNextPage: boolean };
}

/** What a ticket is sorted by, as the cache holds it. */
interface OrderValues {
  id: string;
  priority: string;
  createdAt: string;
  updatedAt: string;
}

/** Negative when `a` comes first. */
type Compare = (a: OrderValues, b: OrderValues) => number;

/** Critical first. */
const priorityRank = (priority: string) => -PRIORITIES.indexOf(priority as (typeof PRIORITIES)[number]);
/** Later instant first. */
const laterFirst = (a: string, b: string) => Date.parse(b) - Date.parse(a);
/** Higher id first: ids are decimal integers, and no two tickets tie on one. */
const higherIdFirst = (a: string, b: string) => b.length - a.length || (a < b ? 1 : a > b ? -1 : 0);

/**
 * How each order sorts, as the server does; null where a change made from a list cannot
 * move a ticket (the creation time does not change). Every order has an entry, so a new
 * one fails to compile until it is decided here.
 */
const ORDER_COMPARE: Record<TicketOrder, Compare | null> = {
  NEWEST_FIRST: null,
  OLDEST_FIRST: null,
  PRIORITY: (a, b) =>
    priorityRank(a.priority) - priorityRank(b.priority) || laterFirst(a.createdAt, b.createdAt) || higherIdFirst(a.id, b.id),
  RECENTLY_CHANGED: (a, b) => laterFirst(a.updatedAt, b.updatedAt) || higherIdFirst(a.id, b.id),
};

type ReadField = <T>(field: string, from: Reference) => T | undefined;

function orderValues(node: Reference, readField: ReadField): OrderValues | null {
  const values = {
    id: readField<string>('id', node),
    priority: readField<string>('priority', node),
    createdAt: readField<string>('createdAt', node),
    updatedAt: readField<string>('updatedAt', node),
  };
  return Object.values(values).every((v) => typeof v === 'string') ? (values as OrderValues) : null;
}

/**
 * The edges with those of `moving` taken out and put back where `compare` places them
 * among the others; one whose place is after the last while more pages follow is left
 * out (it is on one of them). Unchanged (the same array) when no row moved or a row's
 * order values are not cached.
 */
function reordered<E extends { node: Reference }>(
  edges: readonly E[],
  moving: ReadonlySet<string>,
  compare: Compare,
  morePages: boolean,
  readField: ReadField,
): readonly E[] {
  const rows: { edge: E; values: OrderValues }[] = [];
  for (const edge of edges) {
    const values = orderValues(edge.node, readField);
    if (!values) return edges;
    rows.push({ edge, values });
  }
  const staying = rows.filter((row) => !moving.has(row.values.id));
  if (staying.length === rows.length) return edges;
  const placed = [...staying];
  for (const row of rows.filter((r) => moving.has(r.values.id))) {
    const at = placed.findIndex((other) => compare(row.values, other.values) < 0);
    if (at === -1) {
      if (!morePages) placed.push(row);
    } else placed.splice(at, 0, row);
  }
  const same = placed.length === rows.length && placed.every((row, i) => row === rows[i]);
  return same ? edges : placed.map((row) => row.edge);
}

/**
 * Takes `ticketIds` out of every cached list whose filter they no longer match (as the
 * cache now holds them), one less in its total for each, and moves them to their place
 * in the lists whose order they changed. `me`: the signed-in user's id, for "My tickets".
 */
export function settleInLists(cache: ApolloCache, ticketIds: readonly string[], me: string | null): void {
  const tickets = new Map<string, FilterableTicket>();
  for (const id of ticketIds) {
    const data = cache.readFragment({ id: cache.identify({ __typename: 'Ticket', id }), fragment: TicketListDepartureFragment });
    if (data) tickets.set(id, data);
  }
  if (tickets.size === 0) return;
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      tickets(existing, { storeFieldName, readField }) {
        const key = parseTicketsListStoreFieldName(storeFieldName);
        const list = existing as TicketConnectionRef | undefined;
        if (!key || !list?.edges) return existing;
        const leaving = new Set<string>();
        const listed = new Set<string>();
        for (const edge of list.edges) {
          const id = readField<string>('id', edge.node);
          const ticket = id === undefined ? undefined : tickets.get(id);
          if (!ticket) continue;
          if (mayBelong(ticket, key.filter, me)) listed.add(id!);
          else leaving.add(id!);
        }
        if (leaving.size === 0 && listed.size === 0) return existing;
        const kept = leaving.size ? list.edges.filter((edge) => !leaving.has(readField<string>('id', edge.node) ?? '')) : list.edges;
        const compare = ORDER_COMPARE[(key.orderBy as TicketOrder | null) ?? DEFAULT_SORT];
        const edges = compare ? reordered(kept, listed, compare, list.pageInfo?.hasNextPage ?? false, readField) : kept;
        if (edges === list.edges) return existing;
        return { ...list, edges, totalCount: Math.max(0, list.totalCount - leaving.size) };
      },
    },
  });
}
