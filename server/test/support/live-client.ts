// Real WebSocket clients of the live updates, for tests: graphql-ws's own client over
// `ws`, with the headers a browser or an integrator would send, and helpers that wait
// for what the server sends (activities, errors, the close) without timing anything.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/client.js';
import { TICKET_EVENTS_CHANNEL } from '../../src/live/ticket-activity.enums.js';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** Listens on an ephemeral port of 127.0.0.1 (once), and answers the subscriptions URL. */
export async function liveUrl(app: FastifyInstance): Promise<string> {
  if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `ws://127.0.0.1:${port}/graphql`;
}

/**
 * Starts listening for commit notices; the function returned resolves once `count`
 * have reached this process. PostgreSQL delivers a NOTIFY after the commit, not with
 * it: a test that subscribes after writing waits for its notices first, so that they
 * are not news to the new subscriber.
 */
export async function noticesHeard(database: Database, count: number): Promise<() => Promise<void>> {
  let heard = 0;
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  const unlisten = await database.listen(TICKET_EVENTS_CHANNEL, () => {
    heard += 1;
    if (heard === count) done();
  });
  return async () => {
    await all;
    await unlisten();
  };
}

export interface LiveClientOptions {
  /** Headers of the upgrade request: `authorization`, `cookie`, `origin`. */
  headers?: Record<string, string>;
  /** The `connection_init` payload. */
  connectionParams?: Record<string, unknown>;
}

export interface Closed {
  code: number;
  reason: string;
}

export interface LiveClient {
  client: Client;
  /** Settles when the socket closes, with the close code and reason (no retries: the first close is final). */
  closed: Promise<Closed>;
  /** Settles once the server acknowledged `connection_init`. */
  connected: Promise<void>;
  /** An upgrade refused over HTTP (the server answered with a status instead of 101): that status. */
  refusedWith: Promise<number>;
  subscribe<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): LiveSubscription<T>;
  dispose(): Promise<void>;
}

export interface LiveSubscription<T> {
  /** The next result the server sends (an activity, or errors); rejects when the subscription fails or closes first. */
  next(): Promise<FormattedExecutionResult<T>>;
  /** Settles when the subscription ends: with its errors (graphql-ws `error` message), or [] on `complete`. */
  ended: Promise<readonly { message: string; extensions?: Record<string, any> }[]>;
  unsubscribe(): void;
}

export function liveClient(url: string, options: LiveClientOptions = {}): LiveClient {
  const headers = options.headers ?? {};
  let resolveClosed!: (closed: Closed) => void;
  const closed = new Promise<Closed>((resolve) => (resolveClosed = resolve));
  let resolveConnected!: () => void;
  const connected = new Promise<void>((resolve) => (resolveConnected = resolve));
  let resolveRefused!: (status: number) => void;
  const refusedWith = new Promise<number>((resolve) => (resolveRefused = resolve));

  class HeaderedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
      this.on('unexpected-response', (_req, res) => {
        resolveRefused(res.statusCode ?? 0);
        res.resume();
        this.terminate();
      });
    }
  }

  const client = createClient({
    url,
    webSocketImpl: HeaderedWebSocket,
    connectionParams: options.connectionParams,
    lazy: false,
    retryAttempts: 0,
    // The process lives as long as the test: nothing to reconnect after.
    onNonLazyError: () => {},
    on: {
      connected: () => resolveConnected(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        resolveClosed({ code, reason: String(reason) });
      },
    },
  });

  return {
    client,
    closed,
    connected,
    refusedWith,
    subscribe<T>(query: string, variables?: Record<string, unknown>): LiveSubscription<T> {
      const results: FormattedExecutionResult<T>[] = [];
      const waiting: { resolve: (r: FormattedExecutionResult<T>) => void; reject: (e: unknown) => void }[] = [];
      let failure: unknown = null;
      let resolveEnded!: (errors: readonly { message: string; extensions?: Record<string, any> }[]) => void;
      const ended = new Promise<readonly { message: string; extensions?: Record<string, any> }[]>((resolve) => (resolveEnded = resolve));
      const finish = (error: unknown) => {
        failure = error ?? new Error('subscription completed');
        for (const w of waiting.splice(0)) w.reject(failure);
      };
      const unsubscribe = client.subscribe<T>(
        { query, variables },
        {
          next: (result) => {
            const w = waiting.shift();
            if (w) w.resolve(result as FormattedExecutionResult<T>);
            else results.push(result as FormattedExecutionResult<T>);
          },
          error: (error) => {
            resolveEnded(Array.isArray(error) ? error : []);
            finish(error);
          },
          complete: () => {
            resolveEnded([]);
            finish(null);
          },
        },
      );
      return {
        next() {
          const ready = results.shift();
          if (ready) return Promise.resolve(ready);
          if (failure) return Promise.reject(failure);
          return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
        },
        ended,
        unsubscribe,
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
