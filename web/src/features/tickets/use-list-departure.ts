// What a change made in place calls when its undo window closes: the changed tickets
// leave the cached lists they no longer match (ticket-list-departure.ts), judged with
// the signed-in user for "My tickets".
import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useSession } from '../auth/session.js';
import { leaveListsNoLongerMatching } from './ticket-list-departure.js';

export function useListDeparture(): (ticketIds: readonly string[]) => void {
  const client = useApolloClient();
  const me = useSession().user?.id ?? null;
  return useCallback((ticketIds) => leaveListsNoLongerMatching(client.cache, ticketIds, me), [client, me]);
}
