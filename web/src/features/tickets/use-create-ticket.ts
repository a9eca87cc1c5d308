// Creating a ticket: it appears at the top of the cached newest-first list at once
// (optimistic), filtered lists and the statistics are refetched once it is saved,
// and a refusal comes back as field errors for the form. Saving the same input again
// after a failure reuses its idempotency key, so a retry after a lost answer cannot
// create the ticket twice.
import type { ApolloCache, Reference } from '@apollo/client/cache';
import { useMutation } from '@apollo/client/react';
import { useCallback, useRef } from 'react';
import { isUnfilteredNewestFirst, parseTicketsListStoreFieldName } from '../../apollo/tickets-list-key.js';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { CreateTicketInput } from '../../gql/graphql.js';
import { TICKET_EXCERPT_LENGTH_DEFAULT } from '../../gql/limits.js';
import type { Suggestion } from './ticket-suggestion.js';

const CreateTicketMutation = graphql(`
  mutation CreateTicket($input: CreateTicketInput!) {
    createTicket(input: $input) {
      ticket {
        id
        # Everything the detail page and the list rows read, so both render the new
        # ticket from the cache.
        ...TicketDetails_ticket @unmask
        # What the plain list's rows show of the description (no search to centre on).
        excerpt(around: null)
        assignee {
          id
          displayName
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

const OPTIMISTIC_PREFIX = 'optimistic-';
let optimisticSequence = 0;

interface ConnectionRef {
  __typename?: string;
  edges: { __typename?: string; cursor: string; node: Reference }[];
  totalCount: number;
}

function addToCachedLists(cache: ApolloCache, ticketRef: Reference, saved: boolean): void {
  cache.modify<{ tickets: ConnectionRef }>({
    id: 'ROOT_QUERY',
    fields: {
      tickets(existing, { storeFieldName, DELETE }) {
        const key = parseTicketsListStoreFieldName(storeFieldName);
        if (key && isUnfilteredNewestFirst(key) && 'edges' in existing) {
          const list = existing as ConnectionRef;
          return {
            ...list,
            // The server's cursor is unknown until a refetch; it is only used for
            // the last edge of a page, which a new top ticket never is.
            edges: [{ __typename: 'TicketEdge', cursor: `new:${ticketRef.__ref}`, node: ticketRef }, ...list.edges],
            totalCount: list.totalCount + 1,
          };
        }
        // Whether the ticket belongs to a filtered or searched list is the server's call.
        return saved ? DELETE : existing;
      },
    },
  });
}

/** The start of a description, as `Ticket.excerpt` gives it without a search (the server's answer replaces it). */
function plainExcerpt(description: string): string {
  const chars = Array.from(description.replace(/\s+/g, ' ').trim());
  if (chars.length <= TICKET_EXCERPT_LENGTH_DEFAULT) return chars.join('');
  return `${chars.slice(0, TICKET_EXCERPT_LENGTH_DEFAULT - 1).join('')}…`;
}

/** A fresh random key; `getRandomValues` works where `randomUUID` does not (plain-http pages). */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function useCreateTicket() {
  const [mutate, state] = useMutation(CreateTicketMutation);
  // The last input sent and its key: kept until the server saves a ticket.
  const attempt = useRef<{ input: string; key: string } | null>(null);

  const createTicket = useCallback(
    async (
      ticket: Omit<CreateTicketInput, 'idempotencyKey'>,
      /** The suggestion `ticket.suggestionId` refers to, shown in the optimistic ticket. */
      shown: Pick<Suggestion, 'category' | 'priority' | 'source'> | null = null,
    ): Promise<MutationOutcome<{ id: string }>> => {
      const fingerprint = JSON.stringify(ticket);
      if (attempt.current?.input !== fingerprint) attempt.current = { input: fingerprint, key: newIdempotencyKey() };
      const input: CreateTicketInput = { ...ticket, idempotencyKey: attempt.current.key };
      const now = new Date().toISOString();
      const category = input.category ?? 'GENERAL';
      const priority = input.priority ?? 'MEDIUM';
      const status = input.status ?? 'OPEN';
      optimisticSequence += 1;
      try {
        const result = await mutate({
          variables: { input },
          optimisticResponse: {
            __typename: 'Mutation',
            createTicket: {
              __typename: 'CreateTicketPayload',
              ticket: {
                __typename: 'Ticket',
                id: `${OPTIMISTIC_PREFIX}${optimisticSequence}`,
                title: input.title.trim(),
                description: input.description.trim(),
                excerpt: plainExcerpt(input.description),
                category,
                priority,
                status,
                createdAt: now,
                updatedAt: now,
                resolvedAt: status === 'RESOLVED' || status === 'CLOSED' ? now : null,
                version: 1,
                assignee: null,
                // Who wrote it is the server's record; the answer fills it in.
                createdBy: null,
                updatedBy: null,
                suggestion: shown
                  ? {
                      __typename: 'TicketSuggestion',
                      category: shown.category,
                      priority: shown.priority,
                      source: shown.source,
                      accepted: shown.category === category && shown.priority === priority,
                    }
                  : null,
              },
              userErrors: [],
            },
          },
          update(cache, { data }) {
            const ticket = data?.createTicket.ticket;
            if (!ticket) return;
            const ref = cache.identify(ticket);
            if (!ref) return;
            const saved = !ticket.id.startsWith(OPTIMISTIC_PREFIX);
            addToCachedLists(cache, { __ref: ref }, saved);
            if (saved) {
              cache.evict({ id: 'ROOT_QUERY', fieldName: 'stats' });
              cache.gc();
            }
          },
        });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.createTicket;
        if (!payload?.ticket || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        // Saved: the next ticket, even an identical one, is a new create.
        attempt.current = null;
        return { ok: true, value: { id: payload.ticket.id } };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [createTicket, state] as const;
}
