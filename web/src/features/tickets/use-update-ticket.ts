// Changing a ticket: the change shows at once (optimistic) and is undone by Apollo
// when the server refuses it, with the refusal returned so the caller can say why.
// Every change names the version it was based on (`expectedVersion`), so a colleague's
// change saved meanwhile is never overwritten: the server answers CONFLICT instead
// (use-save-ticket-change.ts shows what changed and re-applies on request).
// Once saved, who last changed it is asked again where it is shown (the detail page):
// the server records the actor, which the app cannot know for an optimistic answer.
// The description comes back only when it was changed: lists hold excerpts, not whole
// descriptions, and a change made from a list is shown at once all the same.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { UpdateTicketInput } from '../../gql/graphql.js';

/** A change as the web sends it: always based on the version the agent saw. */
export type VersionedUpdate = UpdateTicketInput & { expectedVersion: number };

// What every screen showing a ticket has cached, so a change can be shown at once.
const UseUpdateTicketFragment = graphql(`
  fragment UseUpdateTicket_ticket on Ticket {
    id
    title
    category
    priority
    status
    version
    assignee {
      id
      displayName
    }
  }
`);

// A person's name, to show an assignment before the server answers.
const UseUpdateTicketUserFragment = graphql(`
  fragment UseUpdateTicketUser_user on User {
    id
    displayName
  }
`);

// Cached only where the detail page was seen.
const UseUpdateTicketResolvedAtFragment = graphql(`
  fragment UseUpdateTicketResolvedAt_ticket on Ticket {
    resolvedAt
  }
`);

const UpdateTicketMutation = graphql(`
  mutation UpdateTicket($id: ID!, $input: UpdateTicketInput!, $descriptionChanged: Boolean!) {
    updateTicket(id: $id, input: $input) {
      ticket {
        id
        ...UseUpdateTicket_ticket @unmask
        description @include(if: $descriptionChanged)
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

const RESOLVED = new Set(['RESOLVED', 'CLOSED']);

/** The ticket's version once the change was saved: what an undo of it is based on. */
export interface SavedChange {
  version: number;
}

export function useUpdateTicket() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(UpdateTicketMutation);

  const updateTicket = useCallback(
    async (id: string, input: VersionedUpdate): Promise<MutationOutcome<SavedChange>> => {
      const descriptionChanged = input.description != null;
      try {
        const result = await mutate({
          variables: { id, input, descriptionChanged },
          optimisticResponse: (_vars, { IGNORE }) => {
            // Only a ticket already in the cache can be shown changed before the answer.
            const cacheId = client.cache.identify({ __typename: 'Ticket', id });
            const current = client.cache.readFragment({ id: cacheId, fragment: UseUpdateTicketFragment });
            if (!current) return IGNORE;
            const resolvedAt = client.cache.readFragment({ id: cacheId, fragment: UseUpdateTicketResolvedAtFragment })?.resolvedAt ?? null;
            const status = input.status ?? current.status;
            let assignee = current.assignee;
            if (input.assigneeId === null) assignee = null;
            else if (input.assigneeId !== undefined) {
              const id = client.cache.identify({ __typename: 'User', id: input.assigneeId });
              const user = client.cache.readFragment({ id, fragment: UseUpdateTicketUserFragment });
              if (!user) return IGNORE;
              assignee = { __typename: 'User' as const, id: user.id, displayName: user.displayName };
            }
            const now = new Date().toISOString();
            return {
              __typename: 'Mutation' as const,
              updateTicket: {
                __typename: 'UpdateTicketPayload' as const,
                ticket: {
                  ...current,
                  ...(descriptionChanged ? { description: input.description!.trim() } : {}),
                  title: input.title?.trim() ?? current.title,
                  category: input.category ?? current.category,
                  priority: input.priority ?? current.priority,
                  status,
                  assignee,
                  version: current.version + 1,
                  updatedAt: now,
                  resolvedAt: RESOLVED.has(status) ? (resolvedAt ?? now) : null,
                },
                userErrors: [],
              },
            };
          },
          update(cache, { data }) {
            // Counts on the dashboard depend on every ticket's fields: drop them so the
            // next view of the statistics asks the server again.
            if (data?.updateTicket.ticket) {
              cache.evict({ id: 'ROOT_QUERY', fieldName: 'stats' });
              cache.gc();
            }
          },
        });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.updateTicket;
        if (!payload || payload.userErrors.length > 0 || !payload.ticket) {
          return { ok: false, errors: payload?.userErrors ?? [] };
        }
        // The history grew by the server's events (with their actor): asked again where shown.
        const cacheId = client.cache.identify({ __typename: 'Ticket', id });
        client.cache.evict({ id: cacheId, fieldName: 'updatedBy' });
        client.cache.evict({ id: cacheId, fieldName: 'history' });
        // The lists' excerpts were cut from the old description: asked again where shown.
        if (descriptionChanged) client.cache.evict({ id: cacheId, fieldName: 'excerpt' });
        return { ok: true, value: { version: payload.ticket.version } };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate, client],
  );

  return [updateTicket, state] as const;
}
