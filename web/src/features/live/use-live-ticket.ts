// A ticket's page, live: its activity as it commits. The ticket's fields follow through
// the normalized cache (the subscription selects what the page's components read), the
// new history events and note join the cached lists, and a colleague's change is
// highlighted briefly. The edit form is not touched: while the agent has unsaved
// edits it keeps them and says a colleague changed the ticket (ColleagueChangeNotice),
// and saving them follows the conflict rules (use-save-ticket-change.ts).
import type { ApolloCache, Reference } from '@apollo/client/cache';
import { useSubscription } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { useSession } from '../auth/session.js';
import { markChanged } from './live-highlights.js';
import { appendToConnection, isOwnActivity, type CachedConnection } from './ticket-activity.js';

const TicketLiveSubscription = graphql(`
  subscription TicketLive($ticketId: ID!) {
    ticketActivity(ticketId: $ticketId) {
      kind
      ticket {
        id
        ...TicketDetails_ticket
        ...TicketEditForm_ticket
        ...TicketAssignee_ticket
        ...UseUpdateTicket_ticket
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
        ...TicketEventItem_event
      }
      note {
        id
        ...TicketNoteItem_note
      }
    }
  }
`);

function refs(cache: ApolloCache, typename: string, ids: readonly string[]): Reference[] {
  return ids.flatMap((id) => {
    const ref = cache.identify({ __typename: typename, id });
    return ref ? [{ __ref: ref }] : [];
  });
}

export function useLiveTicket(ticketId: string, { skip = false }: { skip?: boolean } = {}) {
  const { user } = useSession();
  const me = user?.id ?? null;
  useSubscription(TicketLiveSubscription, {
    variables: { ticketId },
    skip,
    ignoreResults: true,
    onData({ data: { data }, client }) {
      const activity = data?.ticketActivity;
      if (!activity || activity.ticket.id !== ticketId) return;
      const { cache } = client;
      const events = refs(
        cache,
        'TicketEvent',
        activity.events.map((event) => event.id),
      );
      const notes = refs(cache, 'TicketNote', activity.note ? [activity.note.id] : []);
      cache.modify<{ history: CachedConnection; notes: CachedConnection }>({
        id: cache.identify({ __typename: 'Ticket', id: ticketId }),
        fields: {
          history: (existing) => appendToConnection(existing as CachedConnection, events, 'TicketEventEdge'),
          notes: (existing) => appendToConnection(existing as CachedConnection, notes, 'TicketNoteEdge'),
        },
      });
      // The dashboard's figures are behind now: read again when next shown.
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'stats' });
      if (activity.kind === 'CHANGED' && !isOwnActivity(activity.events, me)) markChanged(client, ticketId);
    },
  });
}
