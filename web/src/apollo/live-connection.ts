// The WebSocket that carries the app's subscriptions (graphql-ws, the protocol Apollo
// Client's GraphQLWsLink speaks) at /graphql on the page's own origin, so the session
// cookie authenticates it as it does every request. It opens when a screen subscribes
// and closes when none does; when it drops (a server restart, a network blip) it
// retries for ever with a growing, jittered delay, and once back, the screens' queries
// are asked again: whatever changed while it was down was never sent on it.
//
// Its state is a small store the connection indicator reads (use-live-connection.ts):
// "reconnecting" only while a screen wants live updates and has no connection.
import type { ApolloClient } from '@apollo/client';
import { createClient, type Client, type FormattedExecutionResult, type Sink, type SubscribePayload } from 'graphql-ws';

export type LiveConnectionState = 'idle' | 'connected' | 'reconnecting';

export interface LiveConnectionStatus {
  get(): LiveConnectionState;
  subscribe(listener: () => void): () => void;
}

interface MutableStatus extends LiveConnectionStatus {
  set(state: LiveConnectionState): void;
}

function createStatus(): MutableStatus {
  let state: LiveConnectionState = 'idle';
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** ws: or wss: to /graphql on the page's origin. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

/**
 * The wait before reconnection attempt `retries` (0 first): 0.5 s doubling to at most
 * 15 s, each between half and all of that, so that clients dropped together by a
 * restart do not all come back in the same instant.
 */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  const ceiling = Math.min(15_000, 500 * 2 ** Math.min(retries, 10));
  return Math.round(ceiling * (0.5 + random() / 2));
}

// The server closes 4401 when the session ended or the user was deactivated: asking
// again cannot help until someone signs in, which starts a new connection. (4403, a
// changed role, is retried: the new connection gets what the user may do now.)
const SIGNED_OUT = 4401;

function closeCode(event: unknown): number | null {
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number' ? event.code : null;
}

const statusOfClient = new WeakMap<ApolloClient, LiveConnectionStatus>();

/** The connection state of `client`'s subscriptions: always idle for a client without them (tests). */
export function liveConnectionStatus(client: ApolloClient): LiveConnectionStatus {
  return statusOfClient.get(client) ?? { get: () => 'idle', subscribe: () => () => undefined };
}

/**
 * The graphql-ws client for the app and its status; `attach` ties both to the Apollo
 * client, whose active queries are refetched after every reconnection. Tests pass a
 * WebSocket of their own and the delay before each retry.
 */
export function createLiveConnection(
  url: string,
  { webSocketImpl, retryDelay = retryDelayMs }: { webSocketImpl?: unknown; retryDelay?: (retries: number) => number } = {},
): { ws: Client; attach(client: ApolloClient): void; status: LiveConnectionStatus } {
  const status = createStatus();
  let apollo: ApolloClient | undefined;
  const ws = createClient({
    url,
    webSocketImpl,
    lazy: true,
    retryAttempts: Infinity,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
    // Any drop but a refusal: the server going away shows as a close event or, while it
    // is down, as a failed connection.
    shouldRetry: (event) => closeCode(event) !== SIGNED_OUT,
    on: {
      connecting: (isRetry) => {
        if (isRetry) status.set('reconnecting');
      },
      connected: (_socket, _payload, wasRetry) => {
        status.set('connected');
        if (wasRetry) void apollo?.refetchQueries({ include: 'active' });
      },
      closed: (event) => {
        const code = closeCode(event);
        // 1000: closed on purpose (no screen subscribes any more); a signed-out one is not retried.
        status.set(code === 1000 || code === SIGNED_OUT ? 'idle' : 'reconnecting');
        // Signed out elsewhere: the screens' queries, asked again over HTTP, meet the
        // refusal that tells the app the session ended (client.ts, sessionEndedLink).
        if (code === SIGNED_OUT) void apollo?.refetchQueries({ include: 'active' });
      },
    },
  });
  // Screens subscribed now: with none, nothing waits for a connection, whatever state
  // the last socket left (a retry pending when the last screen went gives no close event).
  let subscribed = 0;
  const counted: Client = {
    ...ws,
    subscribe<Data, Extensions>(payload: SubscribePayload, sink: Sink<FormattedExecutionResult<Data, Extensions>>) {
      subscribed += 1;
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        subscribed -= 1;
        if (subscribed === 0) status.set('idle');
      };
      const dispose = ws.subscribe<Data, Extensions>(payload, {
        next: (value) => sink.next(value),
        error: (error) => {
          end();
          sink.error(error);
        },
        complete: () => {
          end();
          sink.complete();
        },
      });
      return () => {
        end();
        dispose();
      };
    },
  };
  return {
    ws: counted,
    status,
    attach(client) {
      apollo = client;
      statusOfClient.set(client, status);
    },
  };
}
