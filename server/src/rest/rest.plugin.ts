// The REST shim: the original Django REST Framework API (`/api/tickets/…`) on our
// Fastify app, as a second thin adapter over the ticket, classifier and saved view services,
// with its OpenAPI description at /api/schema/ and Swagger UI at /api/docs/.
//
// Everything here is scoped to the plugin (registered under /api): body parsers,
// CORS, 404 and error handling never touch GraphQL or the web app.
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import { defaultAccess } from '../auth/access-control.js';
import type { Authenticator } from '../auth/authentication.js';
import type { ClassifyDeps } from '../classifier/classification.service.js';
import type { AuthSettings } from '../config.js';
import type { Db } from '../db/client.js';
import { decodeJsonBody, parseFormBody, restFieldOf } from '../http/body-parsers.js';
import { AUTHENTICATION_DESCRIPTION, SECURITY, SECURITY_SCHEMES, SWAGGER_UI_CONFIG } from './api-docs.js';
import { createRestErrorHandler, NOT_FOUND_DETAIL, RestError } from './rest.errors.js';
import { redirectToSlash } from './resource.js';
import { SHARED_SCHEMAS } from './ticket.schemas.js';
import { registerTicketRoutes } from './ticket.routes.js';
import { registerTicketNoteRoutes } from './ticket-note.routes.js';
import { registerTriageRoutes } from './triage.routes.js';
import { registerAuthRoutes } from './auth.routes.js';
import { registerSavedViewRoutes } from './saved-view.routes.js';
import { SAVED_VIEW_SCHEMA } from './saved-view.schemas.js';

export interface RestShimOptions {
  db: Db;
  /** The classifier and the per-client budget it shares with GraphQL. */
  classifier: ClassifyDeps;
  /** Origins allowed to call the API from a browser; `*` allows any. */
  corsOrigins: string[];
  identity: { authenticator: Authenticator; settings: AuthSettings };
}

/** Headers a browser client on another origin must be able to read. */
const EXPOSED_HEADERS = ['Link', 'X-Total-Count', 'X-Request-Id', 'Retry-After', 'ETag'];
const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'OPTIONS'];
const CORS_MAX_AGE_SECONDS = 600;

/**
 * Why a body was refused, as DRF says it (`JSON parse error - <reason>`). Fastify's
 * parser, which also refuses `__proto__` keys, does not keep the reason.
 */
function jsonParseFailure(text: string): string {
  try {
    JSON.parse(text);
    return 'Object contains a forbidden prototype property';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export const restShim: FastifyPluginAsync<RestShimOptions> = async (app, options) => {
  // Request schemas document the contract; they do not validate. The service is the
  // one place the rules live and it already answers in DRF's words, while Ajv's
  // errors ("must have required property 'title'", one at a time, coerced types)
  // would be a second, differently worded copy of the rules.
  app.setValidatorCompiler(() => (value) => ({ value }));

  // Only the media types Django's API parsed: anything else (text/plain included,
  // which Fastify accepts by default) is a 415.
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  // Bodies are read as bytes and decoded strictly: bytes that are not UTF-8 are a field
  // error (http/body-parsers.ts), never U+FFFD in a stored ticket.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    // An empty body is an empty mapping, as DRF reads it.
    if (body.length === 0) return done(null, {});
    let text: string;
    try {
      text = decodeJsonBody(body as Buffer, restFieldOf);
    } catch (error) {
      return done(error as Error, undefined);
    }
    parseJson(req, text, (error: Error | null, value: unknown) => {
      if (error) done(new RestError(400, `JSON parse error - ${jsonParseFailure(text)}`), undefined);
      else done(null, value);
    });
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseFormBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  // @fastify/cors answers preflights on a wildcard route of its own; a preflight
  // carries no credentials (the Fetch standard), so it is public.
  app.addHook('onRoute', (route) => {
    if (route.method === 'OPTIONS' && route.url === `${app.prefix}*`) route.config = { ...route.config, access: 'public' };
  });
  await app.register(cors, {
    // A delegator so that only real preflights are answered by the plugin; a plain
    // OPTIONS reaches the resource, which answers with `Allow` as DRF does.
    delegator: (req, callback) =>
      callback(null, {
        origin: options.corsOrigins,
        methods: CORS_METHODS,
        exposedHeaders: EXPOSED_HEADERS,
        maxAge: CORS_MAX_AGE_SECONDS,
        preflight: req.headers['access-control-request-method'] !== undefined,
      }),
  });

  app.setErrorHandler(createRestErrorHandler(app.initialConfig.bodyLimit ?? 1_048_576));
  app.setNotFoundHandler(async (_req, reply) => reply.code(404).send({ detail: NOT_FOUND_DETAIL }));

  for (const schema of [...SHARED_SCHEMAS, SAVED_VIEW_SCHEMA]) app.addSchema(schema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Support Tickets REST API',
        version: '1.0.0',
        description:
          'The original Django REST Framework API of the ticket system, kept so that existing clients work unchanged. ' +
          'Errors are DRF-shaped: `{"field": ["message"]}` for validation, `{"detail": "…"}` otherwise. ' +
          'New integrations may prefer the GraphQL API at /graphql.\n\n' +
          AUTHENTICATION_DESCRIPTION,
      },
      tags: [
        { name: 'tickets', description: 'Support tickets' },
        { name: 'views', description: 'Your saved views of the ticket list' },
      ],
      components: { securitySchemes: SECURITY_SCHEMES },
      security: SECURITY,
    },
    // Components keep the names given with addSchema instead of def-0, def-1, …
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });

  registerTicketRoutes(app, options);
  registerTicketNoteRoutes(app, options);
  registerTriageRoutes(app, { db: options.db });
  registerAuthRoutes(app, { db: options.db, settings: options.identity.settings });
  registerSavedViewRoutes(app, { db: options.db });

  app.get('/schema/', { schema: { hide: true }, config: { access: 'page' } }, async () => app.swagger());
  app.get('/schema', { schema: { hide: true }, config: { access: 'public' } }, redirectToSlash);
  await app.register(async (docs) => {
    // The UI's page and its assets: for whoever may read the API; anonymous browsers are sent to sign in.
    defaultAccess(docs, 'page');
    // Never kept, as the app's pages (web.plugin.ts): a page kept in the browser's
    // back-forward cache would come back on Back after signing out, still showing the
    // tickets its "Try it out" answered. Its assets may be cached as before.
    docs.addHook('onSend', async (_req, reply, payload) => {
      const type = reply.getHeader('content-type');
      if (typeof type === 'string' && type.startsWith('text/html')) reply.header('cache-control', 'no-store');
      return payload;
    });
    // indexPrefix: the UI's page links its assets absolutely when asked for without the
    // trailing slash, and it cannot see this plugin's own prefix.
    await docs.register(swaggerUi, { routePrefix: '/docs', indexPrefix: app.prefix, uiConfig: SWAGGER_UI_CONFIG });
  });
};
