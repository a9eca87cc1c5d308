// The state of the app's live connection (apollo/live-connection.ts), for its indicator.
import { useApolloClient } from '@apollo/client/react';
import { useSyncExternalStore } from 'react';
import { liveConnectionStatus, type LiveConnectionState } from '../../apollo/live-connection.js';

export function useLiveConnection(): LiveConnectionState {
  const status = liveConnectionStatus(useApolloClient());
  return useSyncExternalStore(status.subscribe, status.get);
}
