// The Apollo Client of the web app: one cache with the ticket list paginated by
// cursor, run-time data masking (components see only their fragments), and one HTTP
// link to /graphql on the same origin (proxied to the server by Vite in development).
import { ApolloClient, HttpLink, InMemoryCache, type ApolloLink } from '@apollo/client';
import type { FieldPolicy, Reference } from '@apollo/client/cache';
import { ticketsListStoreFieldName } from './tickets-list-key.js';

interface TicketEdgeRef {
  cursor: string;
  node: Reference;
}
interface TicketConnectionRef {
  edges: TicketEdgeRef[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null };
  totalCount: number;
}

// Pages of one list are concatenated when a page continues from the cached end;
// any other answer (first page, refetch) replaces the list.
const ticketsPagination: FieldPolicy<TicketConnectionRef> = {
  keyArgs: (args) => ticketsListStoreFieldName(args),
  merge(existing, incoming, { args }) {
    const after = typeof args?.after === 'string' ? args.after : null;
    if (!existing || !after || existing.pageInfo.endCursor !== after) return incoming;
    const seen = new Set(existing.edges.map((edge) => edge.cursor));
    return {
      ...incoming,
      edges: [...existing.edges, ...incoming.edges.filter((edge) => !seen.has(edge.cursor))],
      pageInfo: { ...incoming.pageInfo, startCursor: existing.pageInfo.startCursor, hasPreviousPage: existing.pageInfo.hasPreviousPage },
    };
  },
};

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          tickets: ticketsPagination,
          ticket: {
            // A ticket already in the cache (from a list) shows at once on its detail page.
            read(existing, { args, toReference, canRead }) {
              if (existing !== undefined || typeof args?.id !== 'string') return existing;
              const ref = toReference({ __typename: 'Ticket', id: args.id });
              return canRead(ref) ? ref : undefined;
            },
          },
        },
      },
      // Statistics have no id; one object per filter, replaced on every fetch.
      TicketStats: { keyFields: false, merge: true },
      SuggestionAcceptance: { keyFields: false, merge: true },
    },
  });
}

export function createApolloClient(options: { link?: ApolloLink; uri?: string } = {}): ApolloClient {
  return new ApolloClient({
    cache: createCache(),
    link: options.link ?? new HttpLink({ uri: options.uri ?? '/graphql' }),
    dataMasking: true,
  });
}
