// Saving an agent's change of a ticket without ever overwriting a colleague's: the
// change is sent with the version the agent saw; when the server answers CONFLICT, the
// fresh ticket and its history are read (which also shows the colleague's values
// everywhere the ticket is on screen), and the conflict holds what changed since that
// version and the agent's own change, to re-apply against the new version on request.
import type { FragmentType } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { TicketEventKind } from '../../gql/graphql.js';
import { eventsSince, type TicketChanges } from './ticket-conflict.js';
import type { TicketEventItemFragment } from './TicketEventItem.js';
import { useUpdateTicket, type SavedChange } from './use-update-ticket.js';

// The fresh ticket (what every view shows of it) with its history, a page at a time.
const TicketConflictQuery = graphql(`
  query TicketConflict($id: ID!, $after: String) {
    ticket(id: $id) {
      id
      version
      title
      description
      category
      priority
      status
      updatedAt
      resolvedAt
      updatedBy {
        ... on User {
          id
        }
        ... on ApiToken {
          id
        }
        ...ActorName_actor
      }
      history(first: 30, after: $after) {
        edges {
          cursor
          node {
            id
            kind
            at
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

// Pages of 50: an event may carry two whole descriptions and a note, and the server
// bounds a response by the most its lists and texts could hold.
// Enough for any ticket people work on; past it the conflict says it could not tell.
const MAX_HISTORY_PAGES = 100;

export type TicketConflict =
  | { state: 'loading'; ticketId: string; mine: TicketChanges }
  | {
      state: 'shown';
      ticketId: string;
      mine: TicketChanges;
      /** The version to re-apply against. */
      version: number;
      /** What was saved since the agent's version, oldest first. */
      theirs: FragmentType<typeof TicketEventItemFragment>[];
    }
  | { state: 'failed'; ticketId: string; mine: TicketChanges; message: string }
  /** The ticket is gone (or out of reach): nothing to re-apply to. */
  | { state: 'missing'; ticketId: string; mine: TicketChanges };

export function isConflict(outcome: MutationOutcome<unknown>): boolean {
  return !outcome.ok && outcome.errors.some((e) => e.code === 'CONFLICT');
}

export function useSaveTicketChange() {
  const client = useApolloClient();
  const [updateTicket, { loading: saving }] = useUpdateTicket();
  const [conflict, setConflict] = useState<TicketConflict | null>(null);

  const readConflict = useCallback(
    async (ticketId: string, baseVersion: number, mine: TicketChanges) => {
      setConflict({ state: 'loading', ticketId, mine });
      const fetchPage = (after: string | null) =>
        client.query({ query: TicketConflictQuery, variables: { id: ticketId, after }, fetchPolicy: 'network-only' });
      try {
        const history: { kind: TicketEventKind; at: string; ref: FragmentType<typeof TicketEventItemFragment> }[] = [];
        const seen = new Set<string>();
        let after: string | null = null;
        let version: number | undefined;
        for (let page = 0; page < MAX_HISTORY_PAGES; page += 1) {
          const { data } = await fetchPage(after);
          const ticket = data?.ticket;
          if (!ticket) return setConflict({ state: 'missing', ticketId, mine });
          version ??= ticket.version;
          // By id: a page may come back merged with the ones before it in the cache.
          for (const { node } of ticket.history.edges) {
            if (seen.has(node.id)) continue;
            seen.add(node.id);
            history.push({ kind: node.kind, at: node.at, ref: node });
          }
          if (!ticket.history.pageInfo.hasNextPage) {
            const theirs = eventsSince(history, baseVersion, version).map((event) => event.ref);
            return setConflict({ state: 'shown', ticketId, mine, version, theirs });
          }
          after = ticket.history.pageInfo.endCursor;
        }
        setConflict({ state: 'failed', ticketId, mine, message: 'The history is too long to show here: open the ticket to read it.' });
      } catch (error) {
        setConflict({ state: 'failed', ticketId, mine, message: networkError(error).message });
      }
    },
    [client],
  );

  /** Sends `changes` as based on `baseVersion`; a CONFLICT answer opens the conflict. */
  const save = useCallback(
    async (ticketId: string, baseVersion: number, changes: TicketChanges): Promise<MutationOutcome<SavedChange>> => {
      const outcome = await updateTicket(ticketId, { ...changes, expectedVersion: baseVersion });
      if (isConflict(outcome)) await readConflict(ticketId, baseVersion, changes);
      else if (outcome.ok) setConflict(null);
      return outcome;
    },
    [updateTicket, readConflict],
  );

  /** The agent's own change again, against the version the conflict was read at. */
  const reapply = useCallback(async (): Promise<MutationOutcome<SavedChange> | null> => {
    if (conflict?.state !== 'shown') return null;
    return save(conflict.ticketId, conflict.version, conflict.mine);
  }, [conflict, save]);

  const dismiss = useCallback(() => setConflict(null), []);

  return { save, saving, conflict, reapply, dismiss };
}
