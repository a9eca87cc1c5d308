// One REST resource served the way a Django REST Framework view serves it: `Allow` on
// every answer, 405 for any other method (before the body is even read), OPTIONS
// metadata, and the URL without its trailing slash redirected to the slash form.
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods, RouteOptions } from 'fastify';
import type { Access } from '../auth/auth.enums.js';

export type ResourceMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** A method's route; it must declare what it requires (`config.access`). */
export type ResourceRoute = Omit<RouteOptions, 'method' | 'url' | 'config'> & { config: { access: Access } };

export interface Resource {
  /** Relative to the plugin's prefix and ending with `/`, as Django's URLs do. */
  url: string;
  /** The view name DRF shows in OPTIONS, e.g. "Ticket List". */
  name: string;
  description: string;
  /**
   * What OPTIONS and a refused method require: the least any of its methods does,
   * so that, as in DRF, a caller who may not use the resource learns nothing of it
   * (401/403 before 405).
   */
  access: Access;
  routes: Partial<Record<ResourceMethod, ResourceRoute>>;
}

const SERVED_METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
// DRF lists allowed methods in the order of Django's `http_method_names`.
const DRF_METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const PARSES = ['application/json', 'application/x-www-form-urlencoded'];

function withHooks<T>(first: T, rest: T | T[] | undefined): T[] {
  return [first, ...(rest === undefined ? [] : Array.isArray(rest) ? rest : [rest])];
}

export function registerResource(app: FastifyInstance, resource: Resource): void {
  const methods = Object.keys(resource.routes) as ResourceMethod[];
  const allowed = new Set<string>([...methods, 'OPTIONS']);
  // Fastify answers HEAD for every GET route itself.
  if (allowed.has('GET')) allowed.add('HEAD');
  const allow = DRF_METHOD_ORDER.filter((m) => allowed.has(m)).join(', ');

  const announceAllowed = async (_req: FastifyRequest, reply: FastifyReply) => {
    reply.header('allow', allow);
  };
  for (const method of methods) {
    const route = resource.routes[method]!;
    app.route({ ...route, method, url: resource.url, onRequest: withHooks(announceAllowed, route.onRequest) });
  }

  // Answered in onRequest: a refused method is refused before its body is read, so
  // a PUT with a huge or malformed body still gets its 405.
  const refuseOrDescribe = async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('allow', allow);
    if (req.method === 'OPTIONS') {
      return reply
        .code(200)
        .send({ name: resource.name, description: resource.description, renders: ['application/json'], parses: PARSES });
    }
    return reply.code(405).send({ detail: `Method "${req.method}" not allowed.` });
  };
  app.route({
    method: SERVED_METHODS.filter((m) => m === 'OPTIONS' || !allowed.has(m)),
    url: resource.url,
    config: { access: resource.access },
    schema: { hide: true },
    exposeHeadRoute: false,
    onRequest: refuseOrDescribe,
    handler: refuseOrDescribe,
  });

  // Django's APPEND_SLASH, but keeping the method and body for non-GET requests:
  // 301 for GET and HEAD, 308 otherwise.
  app.route({
    method: SERVED_METHODS,
    url: resource.url.replace(/\/$/, ''),
    // Django's CommonMiddleware redirects before any view authenticates.
    config: { access: 'public' },
    schema: { hide: true },
    exposeHeadRoute: false,
    onRequest: redirectToSlash,
    handler: redirectToSlash,
  });
}

/** Relative to our own host: req.url is a path, an absolute-form target reduced by request-guards.ts. */
export async function redirectToSlash(req: FastifyRequest, reply: FastifyReply) {
  const at = req.url.indexOf('?');
  const location = at === -1 ? `${req.url}/` : `${req.url.slice(0, at)}/${req.url.slice(at)}`;
  return reply.redirect(location, req.method === 'GET' || req.method === 'HEAD' ? 301 : 308);
}
