// How the OpenAPI description says a client authenticates, and how Swagger UI at
// /api/docs/ does it: a pasted API token (the "Authorize" button), or the signed-in
// browser's session, whose unsafe "Try it out" requests carry the CSRF token.
// Names as in the identity contract (issue 12): cookies `sessionid` and `csrftoken`,
// header `X-CSRFToken`, `Authorization: Token <t>` or `Bearer <t>`.
import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';
import { SESSION_COOKIE } from '../auth/authentication.js';

/** drf-spectacular's names for DRF's TokenAuthentication and SessionAuthentication, plus Bearer. */
export const SECURITY_SCHEMES = {
  tokenAuth: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'An API token with the prefix `Token`: enter `Token <token>`.',
  },
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    description: 'The same API token as `Authorization: Bearer <token>`: enter the token alone.',
  },
  cookieAuth: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The session of a browser signed in to the app; nothing to enter here. Unsafe requests (POST, PATCH, PUT, DELETE) ' +
      'must also send the header `X-CSRFToken` with the value of the `csrftoken` cookie.',
  },
} as const;

/** Any one of the schemes will do. */
export const SECURITY: Record<string, string[]>[] = Object.keys(SECURITY_SCHEMES).map((name) => ({ [name]: [] }));

export const AUTHENTICATION_DESCRIPTION =
  'Authentication: an API token in `Authorization: Token <token>` (scheme `tokenAuth`) or `Authorization: Bearer <token>` ' +
  '(scheme `bearerAuth`), or the session cookie `sessionid` of a browser signed in to the app (scheme `cookieAuth`), ' +
  'whose POST, PATCH, PUT and DELETE requests must send `X-CSRFToken` with the value of the `csrftoken` cookie. ' +
  'This page sends that header itself; to use a token instead, paste it under "Authorize".';

type SwaggerUiConfig = NonNullable<FastifySwaggerUiOptions['uiConfig']>;
/** What swagger-client is about to send: `url`, `method`, `headers`, `body`. */
type SwaggerUiRequest = Parameters<NonNullable<SwaggerUiConfig['requestInterceptor']>>[0];

// The page's globals, for this function only: the server's TypeScript has no DOM.
declare const window: { location: { href: string; origin: string } };
declare const document: { cookie: string };

/**
 * Swagger UI's requestInterceptor. @fastify/swagger-ui writes its source into
 * swagger-initializer.js, a script file the API docs' CSP allows, and the browser runs
 * it: so it stays one self-contained function with no inner functions (tsx would wrap
 * those in a helper the page does not have) and names the cookie literally.
 */
const sendCsrfToken = (request: SwaggerUiRequest): SwaggerUiRequest => {
  const unsafe = !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(String(request.method ?? 'GET').toUpperCase());
  const sameOrigin = new URL(request.url, window.location.href).origin === window.location.origin;
  const token = /(?:^|;\s*)csrftoken=([^;]+)/.exec(document.cookie)?.[1];
  if (unsafe && sameOrigin && token !== undefined) request.headers['X-CSRFToken'] = decodeURIComponent(token);
  return request;
};

export const SWAGGER_UI_CONFIG: SwaggerUiConfig = {
  deepLinking: true,
  requestInterceptor: sendCsrfToken,
};
