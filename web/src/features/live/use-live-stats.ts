// The dashboard, live: any ticket's activity makes its figures stale, so they are read
// again, at most once per REFRESH_MS however busy the queue (the last change of a
// burst is always included: the throttle runs once more at the end of it).
import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { graphql } from '../../gql/index.js';
import { throttle, type Throttled } from './throttle.js';

const REFRESH_MS = 2000;

const StatsLiveSubscription = graphql(`
  subscription StatsLive {
    ticketActivity {
      kind
      ticket {
        id
      }
    }
  }
`);

export function useLiveStats(refresh: () => unknown): void {
  const refreshSoon = useRef<Throttled | null>(null);
  useEffect(() => {
    const throttled = throttle(() => void refresh(), REFRESH_MS);
    refreshSoon.current = throttled;
    return () => throttled.cancel();
  }, [refresh]);
  useSubscription(StatsLiveSubscription, { ignoreResults: true, onData: () => refreshSoon.current?.() });
}
