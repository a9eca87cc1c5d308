// The Apollo Client of the web app: one cache with the ticket list paginated by
// cursor, run-time data masking (components see only their fragments), queries and
// mutations over HTTP to /graphql on the same origin (proxied to the server by Vite in
// development) with the session cookie and its CSRF header, and subscriptions over a
// WebSocket to the same path (live-connection.ts). An operation refused because the
// session ended marks the signed-in user as gone in the cache, which is what the
// session page watches (features/auth/SessionPage.tsx).
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import type { ApolloCache, FieldPolicy, Reference } from '@apollo/client/cache';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { hasErrorCode } from '../common/errors.js';
import { csrfHeaders } from './csrf.js';
import { createLiveConnection, liveUrl } from './live-connection.js';
import { ticketsListStoreFieldName } from './tickets-list-key.js';

/**
 * The members of each union and interface of the schema, which the cache must know to
 * match a fragment on one (`fragment … on Actor`) to a User or an ApiToken.
 * possible-types.test.ts checks them against schema.graphql.
 */
export const POSSIBLE_TYPES: Record<string, string[]> = {
  Actor: ['ApiToken', 'User'],
};

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

interface EventConnectionRef {
  edges: { cursor: string }[];
  pageInfo: { endCursor: string | null };
}

// A ticket's history (and notes): one list per ticket whatever the page asked, the
// next page appended when it continues from the cached end; a first page replaces it.
const appendedPages: FieldPolicy<EventConnectionRef> = {
  keyArgs: false,
  merge(existing, incoming, { args }) {
    const after = typeof args?.after === 'string' ? args.after : null;
    if (!existing || !after || existing.pageInfo.endCursor !== after) return incoming;
    const seen = new Set(existing.edges.map((edge) => edge.cursor));
    return { ...incoming, edges: [...existing.edges, ...incoming.edges.filter((edge) => !seen.has(edge.cursor))] };
  },
};

interface DeliveryConnectionRef {
  nodes: Reference[];
  endCursor: string | null;
  hasNextPage: boolean;
}

// An endpoint's delivery log: one list per endpoint, older pages appended when they
// continue from the cached end; a first page (opening, "Refresh") replaces it.
const deliveryPages: FieldPolicy<DeliveryConnectionRef> = {
  keyArgs: ['endpointId'],
  merge(existing, incoming, { args, readField }) {
    const after = typeof args?.after === 'string' ? args.after : null;
    if (!existing || !after || existing.endCursor !== after) return incoming;
    const seen = new Set(existing.nodes.map((node) => readField<string>('id', node)));
    return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes.filter((node) => !seen.has(readField<string>('id', node)))] };
  },
};

function createCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes: POSSIBLE_TYPES,
    typePolicies: {
      Query: {
        fields: {
          tickets: ticketsPagination,
          webhookDeliveries: deliveryPages,
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
      Ticket: { fields: { history: appendedPages, notes: appendedPages } },
      // Statistics have no id; one object per filter, replaced on every fetch.
      TicketStats: { keyFields: false, merge: true },
      SuggestionAcceptance: { keyFields: false, merge: true },
    },
  });
}

/** Forgets who is signed in: `me` becomes null, and the screens behind sign-in send the agent to sign in. */
function forgetSignedInUser(cache: ApolloCache): void {
  cache.modify({ id: 'ROOT_QUERY', fields: { me: () => null } });
}

// UNAUTHENTICATED on any operation means the session expired or was ended elsewhere
// (a password change signs out the other sessions).
const sessionEndedLink = new ErrorLink(({ error, operation }) => {
  if (hasErrorCode(error, 'UNAUTHENTICATED')) forgetSignedInUser(operation.client.cache);
});

// Read at each request: signing in or out replaces the cookie.
const csrfLink = new ApolloLink((operation, forward) => {
  operation.setContext(({ headers }) => ({ headers: { ...headers, ...csrfHeaders() } }));
  return forward(operation);
});

/**
 * The app's client; `link` replaces the transport (tests: a schema in place of the
 * server, with subscriptions of their own).
 */
export function createApolloClient(options: { link?: ApolloLink; uri?: string; fetch?: typeof fetch } = {}): ApolloClient {
  const http = ApolloLink.from([
    csrfLink,
    new HttpLink({ uri: options.uri ?? '/graphql', credentials: 'same-origin', fetch: options.fetch }),
  ]);
  // Lazy: no socket opens until a screen subscribes.
  const live = options.link ? null : createLiveConnection(liveUrl(window.location));
  const transport =
    options.link ??
    ApolloLink.split((operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION, new GraphQLWsLink(live!.ws), http);
  const client = new ApolloClient({
    cache: createCache(),
    link: ApolloLink.from([sessionEndedLink, transport]),
    dataMasking: true,
  });
  live?.attach(client);
  return client;
}
