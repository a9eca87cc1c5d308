// The live feed of ticket activity that subscriptions read, and the refusal of
// subscriptions anywhere but on a WebSocket.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { TicketActivity } from './ticket-activity.type.js';

export interface ActivityFilter {
  /** Only this ticket's activity; null: every ticket's. */
  ticketId: number | null;
}

/** What a subscription opens: the activities committed from now on that match, in commit order per ticket. */
export interface LiveSubscriptions {
  subscribe(filter: ActivityFilter): AsyncIterable<TicketActivity>;
}

const WEBSOCKET_ONLY = 'Subscriptions are served over WebSocket at /graphql (the graphql-transport-ws protocol), not over HTTP.';

/** The feed of an HTTP request: never read, as `subscriptionsOverWebSocketOnly` refuses the operation first. */
export const NO_LIVE_OVER_HTTP: LiveSubscriptions = {
  subscribe() {
    throw new GraphQLError(WEBSOCKET_ONLY, { extensions: { code: 'BAD_REQUEST' } });
  },
};

/**
 * Refuses a subscription sent over HTTP with 400, as Apollo refuses one sent by GET
 * (405): executed over HTTP, graphql-js would call the field's resolver without an
 * activity, an internal error.
 */
export const subscriptionsOverWebSocketOnly: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError(WEBSOCKET_ONLY, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      },
    };
  },
};
