// Security headers on every answer, from this one place: helmet's set on API JSON,
// errors, 404s, the web app, its assets, the playground and the API docs, with one
// Content-Security-Policy per kind of page. Registered first, so that even requests
// refused by the request guards carry them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

type Directives = Record<string, string[]>;

/**
 * The agents' app, and every answer that is not one of the pages below: JSON, errors
 * and assets too. A worker runs under its own script's header, so Monaco's workers
 * (served from /assets/) need script-src 'self' here to import their chunks.
 */
const APP: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'worker-src': ["'self'"],
};

type Page = 'app' | 'playground' | 'apiDocs';

/**
 * The policy for each kind of page. Scripts come from our origin only everywhere;
 * styles may be inline only where a library writes <style> elements at run time.
 */
const CONTENT_SECURITY_POLICIES: Record<Page, Directives> = {
  app: APP,
  // GraphiQL's Monaco editor adds <style> elements as it renders (themes, decorations).
  playground: { ...APP, 'style-src': ["'self'", "'unsafe-inline'"] },
  // Swagger UI from @fastify/swagger-ui: its initializer and our request interceptor
  // are script files, its logo a data: image. The hash is the one <style> it renders:
  // inside the standalone layout's own logo, which the plugin then swaps for its image.
  apiDocs: { ...APP, 'style-src': ["'self'", "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='"] },
};

/** Which page an HTML answer at this path is (the playground is served on both paths). */
function pageAt(path: string): Page {
  if (path === '/graphiql' || path === '/graphiql/' || path === '/graphql') return 'playground';
  if (path === '/api/docs' || path.startsWith('/api/docs/')) return 'apiDocs';
  return 'app';
}

/** A policy as the header value, written as helmet writes the app's. */
function headerValue(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join(';');
}

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: APP },
  // The same as frame-ancestors 'none', for browsers that only know this header.
  xFrameOptions: { action: 'deny' },
  // Full referrers only to ourselves: ticket URLs and search terms stay here.
  referrerPolicy: { policy: 'same-origin' },
  // Browsers heed it only over HTTPS; subdomains are not ours to decide for.
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
};

/**
 * The headers helmet's middleware sets for `options`, recorded once. None of ours
 * depends on the request (no nonces, no directive functions), and building the
 * middleware per request, as @fastify/helmet does, parsed the policy and allocated a
 * dozen closures on every answer: a tenth of a small request's CPU.
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let finished = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    finished = true;
  });
  // Every helmet middleware is synchronous; one that was not would have set nothing yet.
  if (!finished) throw new Error('helmet did not finish synchronously: its headers cannot be recorded once');
  return headers;
}

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const securityHeaders = helmetHeaders(HELMET_OPTIONS);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });

  // Pages other than the app get their own policy. Decided on the answer, not the
  // route: /graphql is the playground only when it answers a browser with HTML.
  const pageHeaders = Object.fromEntries(
    Object.entries(CONTENT_SECURITY_POLICIES).map(([page, directives]) => [page, headerValue(directives)]),
  ) as Record<Page, string>;
  app.addHook('onSend', async (req, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !type.startsWith('text/html')) return payload;
    const page = pageAt(req.url.split('?', 1)[0] ?? '/');
    if (page !== 'app') reply.header('content-security-policy', pageHeaders[page]);
    return payload;
  });
}
