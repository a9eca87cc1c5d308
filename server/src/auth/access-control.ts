// The HTTP side of identity: every request is authenticated once (onRequest), the
// actor is put on the request, and the access its route declares
// (`config: { access }`) is enforced before its body is even read. A route that
// declares none stops the server from starting, so none can ship unprotected.
// CSRF: cookie-authenticated unsafe requests must echo the `csrftoken` cookie in
// `X-CSRFToken`, Django's rule; token and anonymous callers need nothing.
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { SAFE_METHODS } from '../http/request-guards.js';
import { prefersHtml } from '../web/accepts-html.js';
import { decideAccess, type Actor } from './actor.js';
import type { Access } from './auth.enums.js';
import { AuthError } from './auth.errors.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, type Authentication, type Authenticator } from './authentication.js';
import { sameSecret } from './secrets.js';
import type { NewSession } from './session.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; anonymous (with ANONYMOUS_ACCESS's scopes) on public routes. */
    actor: Actor;
    authentication: Authentication | null;
  }
  interface FastifyInstance {
    /** Every route with the access it declares, as registered: for the table-driven access test. */
    declaredAccess(): { method: string; url: string; access: Access | undefined }[];
  }
  interface FastifyContextConfig {
    /** What the route requires: see `Access`. Every route must declare it. */
    access?: Access;
  }
}

const SIGN_IN_PATH = '/signin';

/** Where an anonymous browser is sent for a page that needs identity, coming back after. */
export function signInLocation(req: FastifyRequest): string {
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(req.url)}`;
}

/** Routes registered inside `scope` that declare no access get `access` (for plugins' routes: Apollo, Swagger UI, static files). */
export function defaultAccess(scope: FastifyInstance, access: Access): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: route.config?.access ?? access };
  });
}

function csrfFailure(reason: 'missing' | 'incorrect'): AuthError {
  return new AuthError('CSRF_FAILED', [{ field: null, code: 'INVALID', message: `CSRF Failed: CSRF token ${reason}.` }]);
}

export async function registerAccessControl(app: FastifyInstance, authenticator: Authenticator): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('authentication', null);

  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.decorate('declaredAccess', () =>
    routes.flatMap((route) =>
      (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
        method,
        url: route.url,
        access: route.config?.access,
      })),
    ),
  );
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((route) => route.config?.access === undefined);
    if (undeclared.length > 0) {
      const names = undeclared.map((r) => `${String(r.method)} ${r.url}`).join(', ');
      throw new Error(`routes without a declared access (config.access): ${names}`);
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // The not-found handler has no access of its own: it answers 404 (or the app's
    // shell) to anyone, and reveals nothing.
    // A CORS preflight never carries credentials (the Fetch standard): it is answered
    // by the CORS plugin, and the request it announces is checked when it comes.
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    const access = preflight ? 'public' : (req.routeOptions.config?.access ?? 'public');
    if (access === 'public') {
      req.actor = authenticator.anonymous;
      return;
    }
    const authentication = await authenticator.authenticate({
      authorization: req.headers.authorization,
      sessionCookie: req.cookies[SESSION_COOKIE],
    });
    req.authentication = authentication;
    req.actor = authentication.actor;
    if (authentication.via === 'invalid-token') throw new AuthError('INVALID_TOKEN');
    if (authentication.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const given = req.headers[CSRF_HEADER];
      if (typeof given !== 'string' || given === '') throw csrfFailure('missing');
      if (!sameSecret(given, authentication.csrfToken)) throw csrfFailure('incorrect');
    }
    const decision = decideAccess(req.actor, access);
    if (decision === 'allowed') return;
    if (access === 'page' && decision === 'unauthenticated' && prefersHtml(req.headers.accept)) {
      return reply.redirect(signInLocation(req), 302);
    }
    throw new AuthError(decision === 'unauthenticated' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  });
}

/** Whether the request came over https (directly, or per a trusted proxy): cookies are then `Secure`. */
function isHttps(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}

/** The session cookie (httpOnly) and the CSRF cookie (readable by the app's script), for as long as the session lives. */
export function setSessionCookies(req: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  const common = { path: '/', sameSite: 'lax' as const, secure: isHttps(req), expires: session.expiresAt };
  reply.setCookie(SESSION_COOKIE, session.secret, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(req: FastifyRequest, reply: FastifyReply): void {
  const common = { path: '/', sameSite: 'lax' as const, secure: isHttps(req) };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, { ...common, httpOnly: false });
}
