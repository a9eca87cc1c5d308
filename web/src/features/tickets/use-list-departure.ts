// What a change calls once it has settled (a change made in place when its undo window
// closes, a colleague's once shown): the changed tickets leave the cached lists they no
// longer match and move to their place in sorted ones (ticket-list-departure.ts),
// judged with the signed-in user for "My tickets".
import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useSession } from '../auth/session.js';
import { settleInLists } from './ticket-list-departure.js';

export function useListDeparture(): (ticketIds: readonly string[]) => void {
  const client = useApolloClient();
  const me = useSession().user?.id ?? null;
  return useCallback((ticketIds) => settleInLists(client.cache, ticketIds, me), [client, me]);
}
