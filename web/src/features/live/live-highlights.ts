// Which tickets a colleague just changed, for the brief highlight of what shows them:
// a small store beside the Apollo client (one per client, as its cache), since the
// subscription (in the page) and the rows (in their own components) meet only at the
// ticket's id. A mark lasts HIGHLIGHT_MS; what waits for it to fade (the row moving to
// its place) is called then.
import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useSyncExternalStore } from 'react';

/** Long enough to catch the eye, short enough not to linger (live.css fades over it). */
const HIGHLIGHT_MS = 2000;

interface Highlights {
  marked: Map<string, ReturnType<typeof setTimeout>>;
  listeners: Set<() => void>;
}

const highlightsOfClient = new WeakMap<ApolloClient, Highlights>();

function highlightsOf(client: ApolloClient): Highlights {
  let highlights = highlightsOfClient.get(client);
  if (!highlights) {
    highlights = { marked: new Map(), listeners: new Set() };
    highlightsOfClient.set(client, highlights);
  }
  return highlights;
}

function notify({ listeners }: Highlights): void {
  for (const listener of listeners) listener();
}

/**
 * Highlights `ticketId` for HIGHLIGHT_MS from now (from now again when already
 * highlighted), then calls `onFaded` (the latest mark's, when marked again meanwhile).
 */
export function markChanged(client: ApolloClient, ticketId: string, onFaded?: () => void): void {
  const highlights = highlightsOf(client);
  const previous = highlights.marked.get(ticketId);
  if (previous !== undefined) clearTimeout(previous);
  highlights.marked.set(
    ticketId,
    setTimeout(() => {
      highlights.marked.delete(ticketId);
      notify(highlights);
      onFaded?.();
    }, HIGHLIGHT_MS),
  );
  notify(highlights);
}

/** Whether the ticket is highlighted now (false without an id: a row not yet read). */
export function useLiveHighlight(ticketId: string | undefined): boolean {
  const highlights = highlightsOf(useApolloClient());
  return useSyncExternalStore(
    (listener) => {
      highlights.listeners.add(listener);
      return () => highlights.listeners.delete(listener);
    },
    () => ticketId !== undefined && highlights.marked.has(ticketId),
  );
}
