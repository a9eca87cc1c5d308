// GraphQL subscriptions over WebSocket at /graphql, in the graphql-transport-ws
// protocol (graphql-ws's server, on the sockets @fastify/websocket upgrades).
//
// Who: the upgrade is an ordinary request to the route, so the access control has
// authenticated it (session cookie or Authorization header) and refused a bad token
// with 401. A cookie-authenticated upgrade must come from our own origin (or a
// trusted one): a browser sends cookies with a WebSocket from any page, and there is
// no CSRF header to stop another site from opening one as the signed-in agent.
// `connection_init` may carry `{ "authorization": "Token …" }` (or Bearer) instead.
// A connection without an identity is closed 4401 unless ANONYMOUS_ACCESS lets
// anonymous callers read. Each subscription is then checked as queries are (@Access).
//
// Afterwards: once a second, one statement checks every connection's session or
// token; a connection whose session ended, token was revoked or user was deactivated
// (on any process) is closed 4401, one whose role or scopes changed 4403 (the client
// reconnects with what it may do now).
//
// Bounds (config.ts LiveSettings): connections per process, subscriptions per
// connection, message size, unsent bytes per client, activities queued per
// subscription, and a ping that reaps dead connections. Only subscriptions are
// served here: queries and mutations go over HTTP, with its limits and plugins.
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, makeServer, type Context, type SubscribePayload } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { tokenActor, type Actor } from '../auth/actor.js';
import type { Authenticator } from '../auth/authentication.js';
import type { AuthSettings, LiveSettings } from '../config.js';
import type { Db } from '../db/client.js';
import type { GraphQLContext } from '../graphql/context.js';
import { OPERATION_LIMITS } from '../graphql/operation-limits.js';
import { operationLimitsRule } from '../graphql/operation-limits.rule.js';
import { fromTrustedOrigin } from '../http/request-guards.js';
import { fieldsWithOwnAccess } from '../auth/access.decorator.js';
import { findLiveCredentials, type LiveCredential } from './live-credentials.repository.js';
import { createSharedExecution } from './shared-execution.js';
import type { LostReason, TicketActivityFeed } from './ticket-activity.feed.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's open live connections and subscriptions (tests, diagnostics). */
    liveStats(): { connections: number; subscriptions: number };
  }
}

/** The `extensions.code` of a subscription refused for LIVE_MAX_SUBSCRIPTIONS. */
export const TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS';

/** Close codes beyond graphql-ws's own, from the WebSocket standard: the client reconnects after them. */
const TRY_AGAIN_LATER = 1013;
const SERVICE_RESTART = 1012;
/** How long a closing connection has to answer the close handshake while the server stops. */
const CLOSE_GRACE_MS = 1_000;

interface Connection {
  id: string;
  socket: WebSocket;
  request: FastifyRequest;
  /** Set once `connection_init` is accepted. */
  actor: Actor | null;
}

type ConnectionContext = Context<Record<string, unknown>, { connection: Connection }>;

export interface LiveTransportDeps {
  db: Db;
  log: FastifyBaseLogger;
  schema: GraphQLSchema;
  feed: TicketActivityFeed;
  authenticator: Authenticator;
  settings: LiveSettings;
  authSettings: Pick<AuthSettings, 'sessionIdleMs'>;
  /** CORS_ORIGINS: the other origins whose pages may open a cookie-authenticated connection. */
  trustedOrigins: readonly string[];
  /** The context of a subscription, as an HTTP operation of the upgrade request would have it. */
  contextOf(request: FastifyRequest): GraphQLContext;
  /** The one formatter of GraphQL errors (graphql/errors.ts), as Apollo uses it. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

export interface LiveTransport {
  /** Refuses an upgrade before it happens (too many connections, a cookie from another site); on the route's preHandler. */
  guardUpgrade(request: FastifyRequest): { status: number; code: string; message: string } | null;
  /** The route's WebSocket handler. */
  handle(socket: WebSocket, request: FastifyRequest): void;
  /** Open connections. */
  readonly size: number;
  /** Closes every connection (1012: the client reconnects, to another process) and stops the recheck. */
  close(): Promise<void>;
}

/**
 * What graphql-ws stringifies in place of a `next` message's payload, which
 * `sharedPayloads` has already serialised: `send` puts that JSON in its place.
 */
const PAYLOAD_SLOT = '\u0000live:payload';
const SLOT_TAIL = `"payload":${JSON.stringify(PAYLOAD_SLOT)}}`;

/**
 * Each result serialised once, however many subscribers it goes to. Subscribers who
 * share an execution (shared-execution.ts) are sent the same result object; graphql-ws
 * would stringify it again for each of them, 200 times per activity for the web app's
 * list. Its replacer hands us the payload instead (`replace`); the JSON is made once per
 * object, and `fill` puts it into the message that graphql-ws hands to `send` next,
 * synchronously, in the same call (`socket.send(stringifyMessage(…))`).
 */
function sharedPayloads() {
  const json = new WeakMap<object, string>();
  let pending: string | null = null;
  return {
    replace(this: unknown, key: string, value: unknown): unknown {
      if (key !== 'payload' || typeof value !== 'object' || value === null || (this as { type?: unknown }).type !== 'next') return value;
      let text = json.get(value);
      if (text === undefined) json.set(value, (text = JSON.stringify(value)));
      pending = text;
      return PAYLOAD_SLOT;
    },
    fill(data: string): string {
      const payload = pending;
      pending = null;
      if (payload === null || !data.endsWith(SLOT_TAIL)) return data;
      return `${data.slice(0, -SLOT_TAIL.length)}"payload":${payload}}`;
    },
  };
}

/**
 * Bytes sent to one socket in one turn past which its subscriptions wait for the turn's
 * flush before sending more: a backlog read in one batch goes out in turns of this
 * size rather than all at once, for every connection in the server's memory.
 */
const TURN_BYTES_MAX = 65_536;

/**
 * Writes made to a socket within one turn of the event loop leave in one system call:
 * an activity's message to each subscriber costs a write per socket, and when commits
 * come faster than they are sent (a backlog, a batch of them read at once) a
 * subscriber's several messages go together rather than one write each. `ws` writes to
 * its net socket (`_socket`, not public) with cork/uncork of its own, which nest in ours.
 */
function writeCoalescer() {
  // The sockets corked this turn, with the bytes sent to each.
  const corked = new Map<Duplex, number>();
  let flushed: Promise<void> | null = null;
  let resolveFlushed = () => {};
  const flush = () => {
    for (const raw of corked.keys()) raw.uncork();
    corked.clear();
    flushed = null;
    resolveFlushed();
  };
  const rawOf = (socket: WebSocket) => (socket as unknown as { _socket?: Duplex })._socket;
  return {
    /**
     * Bytes still waiting from earlier turns: those a client that reads would have
     * taken by now. What this turn sent waits for the flush, whoever the client is.
     */
    backlog(socket: WebSocket): number {
      const raw = rawOf(socket);
      return socket.bufferedAmount - ((raw && corked.get(raw)) ?? 0);
    },
    /** Resolves at once, or once the turn is flushed when this socket has had TURN_BYTES_MAX of it. */
    send(socket: WebSocket, data: string, bytes: number): Promise<void> | undefined {
      const raw = rawOf(socket);
      if (!raw) {
        socket.send(data);
        return undefined;
      }
      let sent = corked.get(raw);
      if (sent === undefined) {
        raw.cork();
        sent = 0;
      }
      sent += bytes;
      corked.set(raw, sent);
      if (flushed === null) {
        flushed = new Promise((resolve) => (resolveFlushed = resolve));
        setImmediate(flush);
      }
      socket.send(data);
      return sent > TURN_BYTES_MAX ? flushed : undefined;
    },
  };
}

function refusal(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** The document, or the errors that refuse it, as Apollo reports them over HTTP. */
function parseAndValidate(schema: GraphQLSchema, payload: SubscribePayload): { document: DocumentNode } | { errors: GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: OPERATION_LIMITS.maxTokens });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { errors: [refusal(message, 'GRAPHQL_PARSE_FAILED')] };
  }
  const invalid = validate(schema, document, [...specifiedRules, operationLimitsRule]);
  if (invalid.length > 0) {
    return {
      errors: invalid.map(
        (e) =>
          new GraphQLError(e.message, {
            nodes: e.nodes,
            originalError: e.originalError,
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions },
          }),
      ),
    };
  }
  return { document };
}

export function createLiveTransport(deps: LiveTransportDeps): LiveTransport {
  const { schema, feed, settings } = deps;
  const connections = new Set<Connection>();
  // Subscribers who would get the same answer share one execution per activity.
  const shared = createSharedExecution(schema, fieldsWithOwnAccess());
  const payloads = sharedPayloads();
  const writes = writeCoalescer();

  function closeConnection(connection: Connection, code: number, reason: string): void {
    connection.request.log.info({ connection: connection.id, code, reason }, 'live connection closed by the server');
    connection.socket.close(code, reason);
  }

  function lost(connection: Connection, reason: LostReason): void {
    // A client that stopped reading would not read a close frame either.
    if (reason === 'too-slow' || connection.socket.bufferedAmount > settings.maxBufferedBytes) {
      connection.request.log.warn({ connection: connection.id, reason }, 'live connection dropped');
      connection.socket.terminate();
    } else {
      closeConnection(connection, TRY_AGAIN_LATER, 'Missed activity: reconnect and refetch');
    }
  }

  /** Who a `connection_init` makes the connection: its own credentials, else the upgrade's. */
  async function identify(ctx: ConnectionContext): Promise<Actor | 'invalid'> {
    const { request } = ctx.extra.connection;
    // Any case: GraphiQL sends the headers editor's `Authorization` as it is written.
    const key = Object.keys(ctx.connectionParams ?? {}).find((k) => k.toLowerCase() === 'authorization');
    const given = key === undefined ? undefined : ctx.connectionParams![key];
    if (given === undefined || given === null) return request.actor;
    if (typeof given !== 'string') return 'invalid';
    const authentication = await deps.authenticator.authenticate({ authorization: given, sessionCookie: undefined });
    return authentication.via === 'token' ? authentication.actor : 'invalid';
  }

  const server = makeServer<Record<string, unknown>, { connection: Connection }>({
    schema,
    subscribe: (args) => shared.subscribe(args),
    connectionInitWaitTimeout: settings.connectionInitTimeoutMs,
    async onConnect(ctx) {
      const { connection } = ctx.extra;
      const actor = await identify(ctx);
      if (actor === 'invalid' || (actor.kind === 'anonymous' && !actor.scopes.has('tickets:read'))) {
        closeConnection(connection, CloseCode.Unauthorized, actor === 'invalid' ? 'Unauthorized: invalid token' : 'Unauthorized');
        return false;
      }
      connection.actor = actor;
      return true;
    },
    async onSubscribe(ctx, id, payload) {
      const { connection } = ctx.extra;
      if (Object.keys(ctx.subscriptions).length > settings.maxSubscriptionsPerConnection) {
        return [
          refusal(
            `This connection has ${settings.maxSubscriptionsPerConnection} subscriptions open, the most one may; complete one first, or open another connection.`,
            TOO_MANY_SUBSCRIPTIONS,
            { maxSubscriptions: settings.maxSubscriptionsPerConnection },
          ),
        ];
      }
      const checked = parseAndValidate(schema, payload);
      if ('errors' in checked) return checked.errors;
      const operation = getOperationAST(checked.document, payload.operationName);
      if (!operation) {
        return [
          refusal(
            'Could not tell which operation to run: name one of the document’s operations in operationName.',
            'OPERATION_RESOLUTION_FAILURE',
          ),
        ];
      }
      if (operation.operation !== 'subscription') {
        return [
          refusal(
            `Only subscriptions are served over WebSocket: send this ${operation.operation} as an HTTP POST to /graphql.`,
            'BAD_REQUEST',
          ),
        ];
      }
      const base = deps.contextOf(connection.request);
      const contextValue: GraphQLContext = {
        ...base,
        requestId: `${base.requestId}:${id}`,
        actor: connection.actor!,
        live: { subscribe: (filter) => feed.subscribe(filter, (reason) => lost(connection, reason)) },
        // One set of loaders per batch of activities, shared by every subscriber.
        get loaders() {
          return feed.loaders();
        },
      };
      shared.keyed(contextValue, {
        query: payload.query,
        operationName: payload.operationName,
        variables: payload.variables,
        actor: contextValue.actor,
        document: checked.document,
      });
      return {
        schema,
        document: checked.document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue,
      };
    },
    jsonMessageReplacer: payloads.replace,
    // The result itself (not graphql-ws's copy of it) when it has no errors: the object
    // every subscriber of a shared execution is sent, serialised once (sharedPayloads).
    onNext(_ctx, _id, _payload, _args, result) {
      if (!result.errors) return result;
      return { ...result, errors: result.errors.map((e) => deps.formatError(e.toJSON(), e)) };
    },
    onError(_ctx, _id, _payload, errors) {
      return errors.map((e) => deps.formatError(e.toJSON(), e));
    },
  });

  /** Checks every connection's session or token at once (one statement), and closes those no longer let in. */
  async function recheck(): Promise<void> {
    const identified = [...connections].filter((c) => c.actor !== null && c.actor.kind !== 'anonymous');
    if (identified.length === 0) return;
    const sessionHashes = new Set<string>();
    const tokenIds = new Set<number>();
    for (const { actor } of identified) {
      if (actor!.tokenId !== null) tokenIds.add(actor!.tokenId);
      else if (actor!.sessionHash !== null) sessionHashes.add(actor!.sessionHash);
    }
    const live = await findLiveCredentials(deps.db, {
      sessionHashes: [...sessionHashes],
      tokenIds: [...tokenIds],
      now: new Date(),
      sessionIdleMs: deps.authSettings.sessionIdleMs,
    });
    const byKey = new Map(live.map((c) => [`${c.kind}:${c.key}`, c]));
    for (const connection of identified) {
      const actor = connection.actor!;
      const credential = actor.tokenId !== null ? byKey.get(`token:${actor.tokenId}`) : byKey.get(`session:${actor.sessionHash}`);
      if (credential === undefined) closeConnection(connection, CloseCode.Unauthorized, 'Unauthorized: signed out, revoked or deactivated');
      else if (!sameAccess(actor, credential)) closeConnection(connection, CloseCode.Forbidden, 'Forbidden: access changed; reconnect');
    }
  }

  let rechecking = false;
  const recheckTimer = setInterval(() => {
    if (rechecking) return;
    rechecking = true;
    recheck()
      .catch((err: unknown) => deps.log.warn({ err }, 'live connections: could not recheck their credentials; retrying'))
      .finally(() => {
        rechecking = false;
      });
  }, settings.recheckIntervalMs).unref();

  return {
    get size() {
      return connections.size;
    },
    guardUpgrade(request) {
      if (connections.size >= settings.maxConnections) {
        return {
          status: 503,
          code: 'TOO_MANY_CONNECTIONS',
          message: `This server holds ${settings.maxConnections} live connections, the most it may; retry later.`,
        };
      }
      if (request.authentication?.via === 'session' && !fromTrustedOrigin(request, deps.trustedOrigins)) {
        return {
          status: 403,
          code: 'CROSS_SITE_REQUEST',
          message: `CSRF Failed: Origin checking failed - ${String(request.headers.origin).slice(0, 100)} does not match any trusted origins.`,
        };
      }
      return null;
    },
    handle(socket, request) {
      const connection: Connection = { id: randomUUID(), socket, request, actor: null };
      if (connections.size >= settings.maxConnections) {
        socket.close(TRY_AGAIN_LATER, 'Too many connections');
        return;
      }
      connections.add(connection);
      // A ping each interval; no pong by the next one: the peer is gone (or too slow to matter).
      let alive = true;
      socket.on('pong', () => {
        alive = true;
      });
      const keepAlive = setInterval(() => {
        if (!alive) {
          socket.terminate();
          return;
        }
        alive = false;
        socket.ping();
      }, settings.keepAliveMs);
      const closed = server.opened(
        {
          protocol: socket.protocol,
          // Handed to the socket, not waited for (but for a large turn: TURN_BYTES_MAX):
          // what a client has not read yet stays in its socket's buffer, and
          // LIVE_MAX_BUFFERED_BYTES bounds it.
          send: (message) => {
            const data = payloads.fill(message);
            if (socket.readyState !== socket.OPEN) return;
            const bytes = Buffer.byteLength(data);
            const backlog = writes.backlog(socket);
            if (backlog + bytes > settings.maxBufferedBytes) {
              request.log.warn({ connection: connection.id, buffered: backlog }, 'live connection dropped: its client stopped reading');
              socket.terminate();
              return;
            }
            return writes.send(socket, data, bytes);
          },
          close: (code, reason) => socket.close(code, reason),
          onMessage: (receive) =>
            socket.on('message', (data, isBinary) => {
              if (isBinary) {
                socket.close(CloseCode.BadRequest, 'Invalid message received');
                return;
              }
              receive(String(data)).catch((err: unknown) => {
                request.log.error({ err, connection: connection.id }, 'live connection: unexpected error');
                socket.close(CloseCode.InternalServerError, 'Internal server error');
              });
            }),
        },
        { connection },
      );
      socket.once('close', (code, reason) => {
        clearInterval(keepAlive);
        connections.delete(connection);
        void closed(code, reason.toString());
      });
    },
    async close() {
      clearInterval(recheckTimer);
      const open = [...connections];
      for (const connection of open) connection.socket.close(SERVICE_RESTART, 'Server restarting');
      await new Promise<void>((resolve) => {
        const done = () => (open.every((c) => c.socket.readyState === c.socket.CLOSED) ? resolve() : undefined);
        for (const connection of open) connection.socket.once('close', done);
        done();
        setTimeout(() => {
          for (const connection of open) connection.socket.terminate();
          resolve();
        }, CLOSE_GRACE_MS).unref();
      });
    },
  };
}

/** Whether the stored credential still grants exactly what the connection was let in with. */
function sameAccess(actor: Actor, credential: LiveCredential): boolean {
  if (credential.role !== actor.role) return false;
  if (credential.scopes === null) return true;
  const now = tokenActor(credential.userId, actor.tokenId!, credential.role, credential.scopes).scopes;
  return now.size === actor.scopes.size && [...now].every((s) => actor.scopes.has(s));
}
