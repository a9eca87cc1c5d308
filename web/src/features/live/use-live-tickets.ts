// The tickets list's live updates: every ticket's activity, as it commits. A changed
// row takes the new values through the normalized cache (the subscription selects the
// row's fragment and what the lists sort by) and is highlighted briefly when a colleague
// changed it; once the highlight has faded, the ticket leaves the lists it no longer
// matches and moves to its place in sorted ones, as after the agent's own change once
// its undo window has closed (the agent's own changes settle that way, not here). A
// ticket created elsewhere is counted for the "new tickets" bar rather than inserted:
// whether a ticket belongs to a searched list is the server's call ("Show" reads the
// list again).
import { useSubscription } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { graphql } from '../../gql/index.js';
import type { TicketFilter } from '../../gql/graphql.js';
import { useSession } from '../auth/session.js';
import { useListDeparture } from '../tickets/use-list-departure.js';
import { markChanged } from './live-highlights.js';
import { isOwnActivity, listEffect, mayBelong } from './ticket-activity.js';

const TicketsLiveSubscription = graphql(`
  subscription TicketsLive {
    ticketActivity {
      kind
      ticket {
        id
        category
        priority
        status
        createdAt
        assignee {
          id
        }
        ...TicketRow_ticket
        ...TicketListOrder_ticket
      }
      events {
        id
        actor {
          ... on User {
            id
          }
          ... on ApiToken {
            id
          }
        }
      }
    }
  }
`);

interface Options {
  /** The tickets on screen. */
  listed: readonly string[];
  /** The list's filter and search, which a new ticket may or may not belong to. */
  filter: TicketFilter | null;
  search: string | null;
}

/** New tickets created elsewhere since the list was read, and what to call once it is read again. */
export function useLiveTickets({ listed, filter, search }: Options) {
  const { user } = useSession();
  const me = user?.id ?? null;
  // Keyed by the list they were counted for: another filter starts from none.
  const listKey = JSON.stringify([filter, search]);
  const [announced, setAnnounced] = useState<{ listKey: string; ids: string[] }>({ listKey, ids: [] });
  const pending = announced.listKey === listKey ? announced.ids : [];
  const settleInLists = useListDeparture();

  useSubscription(TicketsLiveSubscription, {
    ignoreResults: true,
    onData({ data: { data }, client }) {
      const activity = data?.ticketActivity;
      if (!activity) return;
      const ticketId = activity.ticket.id;
      const cacheId = client.cache.identify({ __typename: 'Ticket', id: ticketId });
      // Whatever else is cached about the ticket (its history, notes) is behind now, and
      // so are the dashboard's figures: read again where next shown.
      client.cache.evict({ id: cacheId, fieldName: 'history' });
      client.cache.evict({ id: cacheId, fieldName: 'notes' });
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'stats' });
      const own = isOwnActivity(activity.events, me);
      const effect = listEffect({
        kind: activity.kind,
        own,
        listed: listed.includes(ticketId),
        mayBelong: search === null && mayBelong(activity.ticket, filter, me),
      });
      const settle = () => settleInLists([ticketId]);
      if (effect === 'highlight') markChanged(client, ticketId, settle);
      else if (activity.kind === 'CHANGED' && !own) settle();
      if (effect === 'new')
        setAnnounced((was) => {
          const ids = was.listKey === listKey ? was.ids : [];
          return { listKey, ids: ids.includes(ticketId) ? ids : [...ids, ticketId] };
        });
    },
  });

  const newCount = pending.filter((id) => !listed.includes(id)).length;
  const shown = useCallback(() => setAnnounced({ listKey, ids: [] }), [listKey]);
  return { newCount, shown };
}
