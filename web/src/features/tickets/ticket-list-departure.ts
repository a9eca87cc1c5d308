// Tickets changed so that they no longer match a list's filter (a ticket resolved in
// "Open") leave that list, and its total follows, in every list the cache holds: the
// cached pages are modified in place (cache.modify on Query.tickets, each list told
// apart by its key, apollo/tickets-list-key.ts), so the pages loaded so far stay loaded
// and nothing is asked again. Whether a ticket matches is the live list's rule
// (live/ticket-activity.ts `mayBelong`): a filter only the server can judge (how the
// suggestion fared) keeps the ticket until the list is next read. The search is never
// at stake: changes made from a list do not touch the title or the description.
import type { ApolloCache, Reference } from '@apollo/client';
import { parseTicketsListStoreFieldName } from '../../apollo/tickets-list-key.js';
import { graphql } from '../../gql/index.js';
import { mayBelong, type FilterableTicket } from '../live/ticket-activity.js';

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

interface TicketConnectionRef {
  edges: readonly { node: Reference }[];
  totalCount: number;
}

/**
 * Takes `ticketIds` out of every cached list whose filter they no longer match (as the
 * cache now holds them), one less in its total for each. `me`: the signed-in user's
 * id, for "My tickets".
 */
export function leaveListsNoLongerMatching(cache: ApolloCache, ticketIds: readonly string[], me: string | null): void {
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
        for (const edge of list.edges) {
          const id = readField<string>('id', edge.node);
          const ticket = id === undefined ? undefined : tickets.get(id);
          if (ticket && !mayBelong(ticket, key.filter, me)) leaving.add(id!);
        }
        if (leaving.size === 0) return existing;
        return {
          ...list,
          edges: list.edges.filter((edge) => !leaving.has(readField<string>('id', edge.node) ?? '')),
          totalCount: Math.max(0, list.totalCount - leaving.size),
        };
      },
    },
  });
}
