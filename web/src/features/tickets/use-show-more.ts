// The next page of a ticket's history or notes, asked for when the agent wants it: the
// cache appends it to the pages already shown (Ticket.history's and Ticket.notes's
// policy in apollo/client.ts).
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { graphql } from '../../gql/index.js';

const TicketHistoryMoreQuery = graphql(`
  query TicketHistoryMore($id: ID!, $after: String!) {
    ticket(id: $id) {
      id
      history(first: 25, after: $after) {
        edges {
          cursor
          node {
            id
            ...TicketEventItem_event
          }
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`);

const TicketNotesMoreQuery = graphql(`
  query TicketNotesMore($id: ID!, $after: String!) {
    ticket(id: $id) {
      id
      notes(first: 25, after: $after) {
        edges {
          cursor
          node {
            id
            ...TicketNoteItem_note
          }
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`);

const QUERIES = { history: TicketHistoryMoreQuery, notes: TicketNotesMoreQuery };

export function useShowMore(list: keyof typeof QUERIES) {
  const client = useApolloClient();
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const showMore = useCallback(
    async (ticketId: string, after: string) => {
      setState({ loading: true, error: null });
      try {
        await client.query({ query: QUERIES[list], variables: { id: ticketId, after }, fetchPolicy: 'network-only' });
        setState({ loading: false, error: null });
      } catch (error) {
        setState({ loading: false, error });
      }
    },
    [client, list],
  );
  return [showMore, state] as const;
}
