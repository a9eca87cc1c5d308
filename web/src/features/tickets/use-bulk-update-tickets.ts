// Changing many tickets in one action (bulkUpdateTickets): each based on the version on
// screen (or on the versions given: an undo is based on the versions the change saved),
// all or nothing. The server names each ticket it could not change (unknown, changed
// meanwhile) by its index in `ids`; the outcome names it by its id. Once saved, the
// outcome holds each ticket's new version and the values the change replaced, read
// from the cache before it was sent: what an undo puts back. Saved tickets replace the
// cached ones (same ids); statistics are dropped to be counted again.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationError } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { BulkUpdateTicketsInput } from '../../gql/graphql.js';
import type { BulkTicketValues } from './bulk-undo.js';

const BulkUpdateTicketsVersionFragment = graphql(`
  fragment BulkUpdateTicketsVersion_ticket on Ticket {
    id
    version
  }
`);

// What a bulk change can change, as the ticket was before it.
const BulkUpdateTicketsBeforeFragment = graphql(`
  fragment BulkUpdateTicketsBefore_ticket on Ticket {
    id
    category
    priority
    status
    assignee {
      id
    }
  }
`);

const BulkUpdateTicketsMutation = graphql(`
  mutation BulkUpdateTickets($ids: [ID!]!, $input: BulkUpdateTicketsInput!) {
    bulkUpdateTickets(ids: $ids, input: $input) {
      tickets {
        # What a bulk change can change, and no text: up to 500 descriptions would
        # make the answer's worst case too large for the server's response limit.
        id
        category
        priority
        status
        version
        assignee {
          id
          displayName
        }
        updatedAt
        resolvedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** A refusal, and the ticket it is about when it names one. */
export interface BulkError extends MutationError {
  ticketId: string | null;
}

export type BulkChange = Omit<BulkUpdateTicketsInput, 'expectedVersions'>;

/** A ticket's version: what a change was based on, or what it saved. */
export interface TicketVersion {
  id: string;
  version: number;
}

/** One ticket the change saved: its new version, and its values before (null: not in the cache). */
export interface BulkSaved extends TicketVersion {
  before: BulkTicketValues | null;
}

export type BulkOutcome = { ok: true; saved: BulkSaved[] } | { ok: false; errors: BulkError[] };

export function useBulkUpdateTickets() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(BulkUpdateTicketsMutation);

  const bulkUpdateTickets = useCallback(
    async (ids: readonly string[], change: BulkChange, basedOn?: readonly TicketVersion[]): Promise<BulkOutcome> => {
      const cached = (id: string) => client.cache.identify({ __typename: 'Ticket', id });
      // The version each ticket was on screen at, unless given: a colleague's change meanwhile is a CONFLICT, not overwritten.
      const expectedVersions =
        basedOn?.map(({ id, version }) => ({ id, version })) ??
        ids.flatMap((id) => {
          const ticket = client.cache.readFragment({ id: cached(id), fragment: BulkUpdateTicketsVersionFragment });
          return ticket ? [{ id, version: ticket.version }] : [];
        });
      const before = new Map(
        ids.map((id) => {
          const ticket = client.cache.readFragment({ id: cached(id), fragment: BulkUpdateTicketsBeforeFragment });
          const values: BulkTicketValues | null = ticket
            ? { category: ticket.category, priority: ticket.priority, status: ticket.status, assigneeId: ticket.assignee?.id ?? null }
            : null;
          return [id, values] as const;
        }),
      );
      const byIndex = (field: string | null): string | null => {
        const match = field?.match(/^ids\.(\d+)$/);
        return match ? (ids[Number(match[1])] ?? null) : null;
      };
      try {
        const result = await mutate({
          variables: { ids: [...ids], input: { ...change, expectedVersions } },
          update(cache, { data }) {
            if (!data?.bulkUpdateTickets.tickets) return;
            cache.evict({ id: 'ROOT_QUERY', fieldName: 'stats' });
            for (const ticket of data.bulkUpdateTickets.tickets) {
              const cacheId = cache.identify({ __typename: 'Ticket', id: ticket.id });
              cache.evict({ id: cacheId, fieldName: 'history' });
              cache.evict({ id: cacheId, fieldName: 'updatedBy' });
            }
            cache.gc();
          },
        });
        if (result.error) return { ok: false, errors: [{ ...networkError(result.error), ticketId: null }] };
        const payload = result.data?.bulkUpdateTickets;
        if (!payload || payload.userErrors.length > 0 || !payload.tickets) {
          return { ok: false, errors: (payload?.userErrors ?? []).map((e) => ({ ...e, ticketId: byIndex(e.field) })) };
        }
        return { ok: true, saved: payload.tickets.map(({ id, version }) => ({ id, version, before: before.get(id) ?? null })) };
      } catch (error) {
        return { ok: false, errors: [{ ...networkError(error), ticketId: null }] };
      }
    },
    [mutate, client],
  );
  return [bulkUpdateTickets, state] as const;
}
