// The Fastify application: GraphQL at /graphql, the REST shim under /api, health
// probes, and (when built) the web app. Built from explicit dependencies so tests
// run the same app against any database.
import { STATUS_CODES } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { handleProtocols } from 'graphql-ws';
import { defaultAccess, registerAccessControl } from './auth/access-control.js';
import { createActorLoaders } from './auth/actor.loader.js';
import { createTicketEntryLoaders } from './tickets/ticket-entry.loader.js';
import { AUTH_ERROR_GRAPHQL_CODE, AUTH_ERROR_HTTP_STATUS, AuthError, authErrorHeaders } from './auth/auth.errors.js';
import { createAuthenticator } from './auth/authentication.js';
import { introspectionNeedsIdentity } from './auth/introspection.plugin.js';
import type { Classifier } from './classifier/classifier.js';
import { classifyFromConfig } from './classifier/fallback.classifier.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { isServiceUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from './db/database.errors.js';
import type { GraphQLContext } from './graphql/context.js';
import type { GraphQLFormattedError } from 'graphql';
import { createRateLimiter } from './common/rate-limiter.js';
import {
  createFormatError,
  formatTicketError,
  rateLimitHttpPlugin,
  SERVICE_UNAVAILABLE_CODE,
  serviceUnavailableHttpPlugin,
} from './graphql/errors.js';
import { limitErrorFormat, OPERATION_LIMITS } from './graphql/operation-limits.js';
import { operationLimitsRule } from './graphql/operation-limits.rule.js';
import { createBoundedStringify } from './graphql/response-limit.js';
import { requestLoggerPlugin } from './graphql/request-logger.plugin.js';
import { withoutSuggestions } from './graphql/schema-details.js';
import { parseQueryString, refuseInvalidQueryStrings, useStrictUtf8Json } from './http/body-parsers.js';
import { closeUnfinishedRequests, connectionDeadlines } from './http/connection-deadlines.js';
import { buildGraphQLSchema } from './graphql/schema.js';
import { loggingOptions, REQUEST_ID_HEADER } from './http/logger.js';
import { fastifyTrustProxy, isGraphQLPath, registerRequestGuards } from './http/request-guards.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { restShim } from './rest/rest.plugin.js';
import { TicketError } from './tickets/ticket.errors.js';
import { registerWebApp } from './web/web.plugin.js';
import { createLiveTransport } from './live/live.transport.js';
import { NO_LIVE_OVER_HTTP, startTicketActivityFeed, subscriptionsOverWebSocketOnly } from './live/ticket-activity.feed.js';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Defaults to the configured chain: Gemini when a key is set, then the offline classifier. */
  classify?: Classifier['classify'];
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
}

/** How long /readyz waits for the database: under the 2 s in which a probe must hear "not ready". */
const READINESS_TIMEOUT_MS = 1_000;

export async function buildApp({ config, database, classify: givenClassify, logStream }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggingOptions(config, logStream),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // Every request is answered within this, from routing to the last byte: past it
    // Fastify sends FST_ERR_HANDLER_TIMEOUT through the error handlers (503) while
    // the abandoned work finishes or hits the statement timeout.
    handlerTimeout: config.timeouts.requestMs,
    // Receiving the request is bounded too (a client trickling headers or a body).
    ...connectionDeadlines(config.timeouts.requestMs),
    // Strict UTF-8, as bodies are read; refuseInvalidQueryStrings below answers the 400.
    routerOptions: { querystringParser: parseQueryString },
  });
  closeUnfinishedRequests(app);
  // WebSocket upgrades go through the router like any request (host check,
  // authentication), so this comes before every route; /graphql serves them
  // (live/live.transport.ts), any other path closes them. Before every other hook,
  // too: its onRequest marks an upgrade, so that a refusal by any later hook closes
  // the socket after answering (nothing reads it any more to notice the client leave).
  await app.register(fastifyWebsocket, {
    options: {
      maxPayload: config.live.maxMessageBytes,
      handleProtocols: (protocols) => handleProtocols(protocols),
    },
    errorHandler: (err, socket, req) => {
      req.log.info({ err }, 'live connection error');
      socket.terminate();
    },
    // The live transport closes its connections itself (below), with a code that
    // tells clients to reconnect.
    preClose: async () => {},
  });

  // Security headers on every answer; first, so that refusals and 404s carry them too.
  await registerSecurityHeaders(app);

  // Code that is handed one logger at start (error masking, the classifier) logs
  // through the request's own when it is given one (the classify services, the GraphQL
  // request logger plugin), so that its lines carry the request id; through the
  // server's otherwise.
  const classify = givenClassify ?? classifyFromConfig(config, app.log);
  // One budget per client across GraphQL and REST, and across every process on the database.
  const classifier = {
    classify,
    limiter: createRateLimiter(database.db, { name: 'classify', limit: config.classifyRateLimitPerMinute, windowMs: 60_000 }),
  };

  // Always our own id: the one every log line of the request carries as reqId.
  app.addHook('onRequest', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });
  registerRequestGuards(app, { allowedHosts: config.allowedHosts, corsOrigins: config.corsOrigins });

  // Who is calling, once per request, and what each route allows them (auth/).
  const authenticator = createAuthenticator(database.db, config.auth);
  await registerAccessControl(app, authenticator);
  if (config.auth.anonymousAccess !== 'none') {
    app.log.warn(
      { anonymousAccess: config.auth.anonymousAccess },
      'ANONYMOUS_ACCESS is set: callers without credentials may read tickets' +
        (config.auth.anonymousAccess === 'write' ? ', create and change them, and classify' : '') +
        '. Use it only on a trusted network, for clients of the original API that send no credentials.',
    );
  }

  // GraphQL bodies are decoded as strict UTF-8 (the REST shim sets its own parsers);
  // query strings are, for every route.
  useStrictUtf8Json(app);
  refuseInvalidQueryStrings(app);

  // Fastify's default handler answers a 5xx with the error's own message, which for
  // a database error is SQL with its parameters. Client errors (bad JSON, body too
  // large, unsupported media type) keep their message; nothing ever carries a stack.
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, req, reply) => {
    if (isServiceUnavailable(error)) {
      req.log.error({ err: error }, 'service unavailable');
      return isGraphQLPath(req.url)
        ? reply.code(503).send({ errors: [{ message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { code: SERVICE_UNAVAILABLE_CODE } }] })
        : reply.code(503).send({ statusCode: 503, error: STATUS_CODES[503], message: SERVICE_UNAVAILABLE_MESSAGE });
    }
    // Refused by the access control before the route ran: GraphQL's shape on its path.
    if (error instanceof AuthError) {
      const status = AUTH_ERROR_HTTP_STATUS[error.code];
      reply.headers(authErrorHeaders(error));
      const body = isGraphQLPath(req.url)
        ? { errors: [{ message: error.message, extensions: { code: AUTH_ERROR_GRAPHQL_CODE[error.code] } }] }
        : { statusCode: status, error: STATUS_CODES[status], message: error.message };
      return reply.code(status).send(body);
    }
    // A body refused while parsing (bytes that are not UTF-8): a 400 naming the field,
    // for GraphQL as Apollo reports input errors.
    if (error instanceof TicketError) {
      req.log.info({ err: error }, 'client error');
      const body = isGraphQLPath(req.url)
        ? { errors: [formatTicketError(error)] }
        : { statusCode: 400, error: STATUS_CODES[400], message: error.message };
      return reply.code(400).send(body);
    }
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err: error }, 'unexpected error');
      return reply.code(500).send({ statusCode: 500, error: STATUS_CODES[500], message: 'Internal server error' });
    }
    req.log.info({ err: error }, 'client error');
    // GraphQL clients parse `errors`, even for a body that never reached Apollo.
    if (isGraphQLPath(req.url)) {
      return reply.code(status).send({ errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
    }
    return reply.code(status).send({ statusCode: status, code: error.code, error: STATUS_CODES[status], message: error.message });
  });

  app.get('/healthz', { config: { access: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' } }, async (req, reply) => {
    try {
      await database.ping(READINESS_TIMEOUT_MS);
      return { status: 'ok' };
    } catch (err) {
      req.log.warn({ err }, 'readiness probe: database did not answer');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  const schema = await buildGraphQLSchema();
  const formatError = createFormatError(app.log);
  const formatGraphQLError = (formatted: GraphQLFormattedError, error: unknown) =>
    formatError(limitErrorFormat(config.graphqlIntrospection ? formatted : withoutSuggestions(formatted), error), error);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.graphqlIntrospection,
    // Without introspection, errors do not suggest field or value names either.
    hideSchemaDetailsFromClientErrors: !config.graphqlIntrospection,
    // What one request may ask for: refused with a code past any limit, before it runs.
    parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
    validationRules: [operationLimitsRule],
    // Automatic Persisted Queries: no client of ours sends them, and Apollo answered a
    // malformed one (a hash that does not match, a persistedQuery that is not an
    // object) as an internal error. Off, any of them gets PERSISTED_QUERY_NOT_SUPPORTED.
    persistedQueries: false,
    stringifyResult: createBoundedStringify(app.log),
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM (drain, close the database, exit 0); Apollo's own handler
    // would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: formatGraphQLError,
    // No cache hints are used; Apollo's default cache-control plugin would still hook
    // every field of every response (measurable on a 20-ticket page).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      rateLimitHttpPlugin,
      serviceUnavailableHttpPlugin,
      introspectionNeedsIdentity,
      subscriptionsOverWebSocketOnly,
      requestLoggerPlugin,
    ],
  });
  await apollo.start();
  // app.close() has already let in-flight requests finish when onClose runs, so
  // Apollo can stop without a drain step that would cut connections.
  app.addHook('onClose', async () => {
    await apollo.stop();
  });
  const identity = { authenticator, settings: config.auth };
  const contextOf = (req: FastifyRequest, reply: FastifyReply | null): GraphQLContext => ({
    db: database.db,
    requestId: String(req.id),
    logger: req.log,
    clientKey: req.ip,
    classifier,
    actor: req.actor,
    identity,
    loaders: { ...createActorLoaders(database.db), ...createTicketEntryLoaders(database.db) },
    webhooks: config.webhooks,
    request: req,
    reply,
    live: NO_LIVE_OVER_HTTP,
  });
  // Subscriptions: one feed per process, fed by the database's notifications.
  const feed = await startTicketActivityFeed({ database, log: app.log, queueMax: config.live.queueMax });
  app.addHook('onClose', async () => {
    await feed.stop();
  });
  const live = createLiveTransport({
    db: database.db,
    log: app.log,
    schema,
    feed,
    authenticator,
    settings: config.live,
    authSettings: config.auth,
    trustedOrigins: config.corsOrigins,
    contextOf: (req) => contextOf(req, null),
    formatError: formatGraphQLError,
  });
  app.addHook('preClose', async () => {
    await live.close();
  });
  app.decorate('liveStats', () => ({ connections: live.size, subscriptions: feed.size }));
  // Open at the HTTP level: each root field declares what it requires (@Access).
  await app.register(async (scope) => {
    defaultAccess(scope, 'graphql');
    const context = async (req: FastifyRequest, reply: FastifyReply) => contextOf(req, reply);
    await scope.register(fastifyApollo(apollo), { path: '/graphql', method: ['POST', 'OPTIONS'], context });
    // GET: Apollo's queries by URL, and the WebSocket upgrade of subscriptions.
    scope.route({
      method: 'GET',
      url: '/graphql',
      handler: fastifyApolloHandler(apollo, { context }),
      wsHandler: (socket, req) => live.handle(socket, req),
      preHandler: async (req, reply) => {
        if (!req.ws) return;
        const refused = live.guardUpgrade(req);
        if (refused) {
          req.log.info({ refusal: refused.code }, 'live connection refused');
          if (refused.status === 503) reply.header('retry-after', '10');
          return reply.code(refused.status).send({ errors: [{ message: refused.message, extensions: { code: refused.code } }] });
        }
      },
    });
  });

  await app.register(restShim, { prefix: '/api', db: database.db, classifier, corsOrigins: config.corsOrigins, identity });
  // Last, so API routes always take precedence over the app's pages.
  await registerWebApp(app, { distDir: config.webDistDir });

  return app;
}
