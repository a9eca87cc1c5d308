// Requests from where they should not come, refused before any route runs: a Host
// outside ALLOWED_HOSTS (DNS rebinding: a page on the attacker's name that resolves
// to us), and an unsafe request from another site (a form post from any page would
// otherwise create tickets and spend the classify budget). Also how much of
// X-Forwarded-* is believed (TRUST_PROXY), which decides the client address, scheme
// and host the guards and the rate limit see. An absolute-form request target
// (`GET http://host/path`) is reduced to its path first, its host checked as the Host.
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The refusals, each with its status; GraphQL clients get the code in `extensions.code`. */
const REFUSAL_STATUS = { DISALLOWED_HOST: 400, CROSS_SITE_REQUEST: 403 } as const;
type Refusal = keyof typeof REFUSAL_STATUS;

/** Orchestrators probe by address (a pod IP, 127.0.0.1), not by a name an operator lists. */
const HOST_CHECK_EXEMPT_ROUTES = new Set(['/healthz', '/readyz']);
/** Methods that change nothing: no cross-site check here, no CSRF token for a session (auth/access-control.ts). */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

// Django's grammar for a Host header (lowercased): a DNS name or a bracketed IPv6
// address, and an optional port (which must be one: 1 to 65535).
const HOST = /^([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9.:]+\])(?::(\d{1,5}))?$/;
const MAX_PORT = 65_535;
// An absolute-form request target (RFC 9112 §3.2.2), as the router reads one.
const ABSOLUTE_TARGET = /^https?:\/\/([^/?#]*)(.*)$/is;
const HOST_PATTERN = /^(\*|\.?[a-z0-9-]+(\.[a-z0-9-]+)*|\[[a-f0-9]*:[a-f0-9.:]+\])$/;

/** GraphQL clients parse `errors`, so refusals and other errors on /graphql take that shape. */
export function isGraphQLPath(url: string): boolean {
  return url === '/graphql' || url.startsWith('/graphql?');
}

/**
 * ALLOWED_HOSTS as Django reads it: comma-separated names, `.example.com` for the
 * domain and its subdomains, `*` for any; no scheme, port or path. Throws on a bad entry.
 */
export function parseAllowedHosts(raw: string): string[] {
  return raw.split(',').map((entry) => {
    const pattern = entry.trim().toLowerCase();
    if (!HOST_PATTERN.test(pattern)) {
      throw new Error(`expected host names like example.com, .example.com or *, without scheme or port, got "${entry.trim()}"`);
    }
    return pattern;
  });
}

/** The host without its port and trailing dot, or null when the header is not a host. */
function domainOf(host: string): string | null {
  const match = HOST.exec(host.toLowerCase());
  if (!match) return null;
  const port = match[2];
  if (port !== undefined && (Number(port) < 1 || Number(port) > MAX_PORT)) return null;
  const domain = match[1]!;
  return domain.endsWith('.') ? domain.slice(0, -1) : domain;
}

export function hostAllowed(patterns: readonly string[], host: string): boolean {
  const domain = domainOf(host);
  if (domain === null || domain === '') return false;
  return patterns.some((p) => p === '*' || p === domain || (p.startsWith('.') && (domain.endsWith(p) || domain === p.slice(1))));
}

/** An origin as browsers serialise it (lowercase, no default port), or null when it is none. */
function normalizeOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * TRUST_PROXY as Fastify takes it: false, or the proxies whose X-Forwarded-* headers
 * are believed. A hop count trusts that many addresses from the right of the chain:
 * Fastify itself ignores a bare number, since it cannot tell a proxy from a client
 * that reaches the server directly; the operator asserts none can.
 */
export function fastifyTrustProxy(setting: false | number | string[]): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

/** Validates one TRUST_PROXY address: an IP, a CIDR range, or a range proxy-addr names. Throws when bad. */
export function checkProxyAddress(entry: string): void {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  const maxBits = family === 6 ? 128 : 32;
  if (family !== 0 && rest.length === 0 && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits))) return;
  throw new Error(`expected a hop count, or IP addresses or CIDR ranges (or loopback, linklocal, uniquelocal), got "${entry}"`);
}

/**
 * Whether a request comes from one of our own pages or one of `trustedOrigins` (by its
 * Origin, else Sec-Fetch-Site), by the rule the cross-site check below applies to
 * unsafe requests. A wildcard trusts nothing here: it is for callers that send no
 * cookie, and this is asked of requests that do.
 */
export function fromTrustedOrigin(req: FastifyRequest, trustedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return req.headers['sec-fetch-site'] !== 'cross-site';
  const normalized = normalizeOrigin(origin);
  if (normalized === null) return false;
  return normalized === normalizeOrigin(`${req.protocol}://${req.host}`) || trustedOrigins.some((o) => normalizeOrigin(o) === normalized);
}

export interface RequestGuardOptions {
  allowedHosts: readonly string[];
  /** Origins other than our own allowed to write from a browser; `*` allows any. */
  corsOrigins: readonly string[];
}

function refuse(req: FastifyRequest, reply: FastifyReply, refusal: Refusal, detail: string): FastifyReply {
  const status = REFUSAL_STATUS[refusal];
  req.log.info({ refusal }, 'request refused');
  const body = isGraphQLPath(req.url) ? { errors: [{ message: detail, extensions: { code: refusal } }] } : { detail };
  // Sent as text: a route's response schema for this status must not reshape it.
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/** Long enough to recognise, short enough that a refusal never echoes a huge header back. */
function clip(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}

/**
 * Turns `GET http://host/path` into `GET /path` with that host, as RFC 9112 §3.2.2 has
 * an origin server do: the target's authority overrides Host. Node passes such a target
 * through untouched and the router finds the route by its path, so without this the
 * Host check would look at one host while redirects and links echoed another.
 */
function useAbsoluteTarget(req: FastifyRequest): void {
  const match = ABSOLUTE_TARGET.exec(req.raw.url ?? '');
  if (!match) return;
  const [, authority = '', rest = ''] = match;
  req.raw.url = rest.startsWith('/') ? rest : `/${rest}`;
  req.raw.headers.host = authority;
}

export function registerRequestGuards(app: FastifyInstance, options: RequestGuardOptions): void {
  const anyOrigin = options.corsOrigins.includes('*');
  const corsOrigins = new Set(options.corsOrigins.map(normalizeOrigin).filter((o): o is string => o !== null));

  app.addHook('onRequest', async (req, reply) => {
    useAbsoluteTarget(req);
    // With TRUST_PROXY, req.host and req.protocol are the proxy's X-Forwarded-Host and
    // -Proto: the names the browser used, which is what must be checked.
    const host = req.host;
    if (!HOST_CHECK_EXEMPT_ROUTES.has(req.routeOptions.url ?? '') && !hostAllowed(options.allowedHosts, host)) {
      // Django's words, so that the operator knows which setting to change.
      const domain = domainOf(host);
      return refuse(
        req,
        reply,
        'DISALLOWED_HOST',
        domain
          ? `Invalid HTTP_HOST header: '${clip(host)}'. You may need to add '${clip(domain)}' to ALLOWED_HOSTS.`
          : `Invalid HTTP_HOST header: '${clip(host)}'. The domain name provided is not valid according to RFC 1034/1035.`,
      );
    }

    if (SAFE_METHODS.has(req.method) || anyOrigin) return;
    // Browsers send Origin with every cross-origin unsafe request, whatever its content
    // type; a client without one (curl, a server-side integration) is no browser page.
    // Sec-Fetch-Site covers a browser that left Origin out.
    const origin = req.headers.origin;
    if (origin === undefined) {
      if (req.headers['sec-fetch-site'] === 'cross-site') {
        return refuse(req, reply, 'CROSS_SITE_REQUEST', 'CSRF Failed: Cross-site request refused (Sec-Fetch-Site: cross-site).');
      }
      return;
    }
    const normalized = normalizeOrigin(origin);
    const ours = normalizeOrigin(`${req.protocol}://${host}`);
    if (normalized === null || (normalized !== ours && !corsOrigins.has(normalized))) {
      // DRF's SessionAuthentication words it so.
      return refuse(
        req,
        reply,
        'CROSS_SITE_REQUEST',
        `CSRF Failed: Origin checking failed - ${clip(origin)} does not match any trusted origins.`,
      );
    }
  });
}
