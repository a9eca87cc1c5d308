// The next page of a ticket's history, asked for when the agent wants it: the cache
// appends it to the pages already shown (Ticket.history's policy in apollo/client.ts).
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

export function useShowMoreHistory() {
  const client = useApolloClient();
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const showMore = useCallback(
    async (ticketId: string, after: string) => {
      setState({ loading: true, error: null });
      try {
        await client.query({ query: TicketHistoryMoreQuery, variables: { id: ticketId, after }, fetchPolicy: 'network-only' });
        setState({ loading: false, error: null });
      } catch (error) {
        setState({ loading: false, error });
      }
    },
    [client],
  );
  return [showMore, state] as const;
}
