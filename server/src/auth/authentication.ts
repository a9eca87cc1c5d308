// Who is calling: the request's credentials (an `Authorization: Token|Bearer` header,
// else the `sessionid` cookie) resolved to an Actor, once per request. Lookups are
// cached for at most CREDENTIAL_CACHE_TTL_MS, which bounds how long a revoked token,
// an ended session or a deactivated user can still be honoured by any process that
// shares the database; this process forgets at once when it makes such a change.
import type { AuthSettings } from '../config.js';
import type { Db } from '../db/client.js';
import { createTtlLruCache } from '../common/ttl-lru.cache.js';
import { anonymousActor, type Actor } from './actor.js';
import { ANONYMOUS_SCOPES } from './auth.enums.js';
import { resolveApiToken } from './api-token.service.js';
import { CREDENTIAL_MAX_LENGTH } from './secrets.js';
import { resolveSession } from './session.service.js';

export const SESSION_COOKIE = 'sessionid';
export const CSRF_COOKIE = 'csrftoken';
export const CSRF_HEADER = 'x-csrftoken';

/** Under the one second within which a revocation must take effect everywhere. */
export const CREDENTIAL_CACHE_TTL_MS = 500;
const CREDENTIAL_CACHE_ENTRIES = 10_000;

export type Authentication =
  | { via: 'token'; actor: Actor }
  | { via: 'session'; actor: Actor; csrfToken: string }
  | { via: 'none'; actor: Actor }
  /** A token was presented and is not valid: refused (401) wherever identity matters. */
  | { via: 'invalid-token'; actor: Actor };

export interface Authenticator {
  authenticate(request: { authorization: string | undefined; sessionCookie: string | undefined }): Promise<Authentication>;
  /** Drops cached lookups after a change that ends access (revocation, deactivation, sign-out). */
  forget(): void;
  readonly anonymous: Actor;
}

const TOKEN_SCHEMES = new Set(['token', 'bearer']);

/** The token of a `Token <t>` or `Bearer <t>` header; null when malformed; undefined for another scheme or none. */
export function tokenFromHeader(header: string | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  const [scheme = '', ...rest] = header.trim().split(/\s+/);
  if (!TOKEN_SCHEMES.has(scheme.toLowerCase())) return undefined;
  // DRF: "Invalid token header. No credentials provided." / "Token string should not contain spaces."
  if (rest.length !== 1 || rest[0]!.length > CREDENTIAL_MAX_LENGTH) return null;
  return rest[0]!;
}

export function createAuthenticator(db: Db, settings: AuthSettings): Authenticator {
  const anonymous = anonymousActor(ANONYMOUS_SCOPES[settings.anonymousAccess]);
  const tokens = createTtlLruCache<Actor | null>({ maxEntries: CREDENTIAL_CACHE_ENTRIES, ttlMs: CREDENTIAL_CACHE_TTL_MS });
  const sessions = createTtlLruCache<{ actor: Actor; csrfToken: string } | null>({
    maxEntries: CREDENTIAL_CACHE_ENTRIES,
    ttlMs: CREDENTIAL_CACHE_TTL_MS,
  });

  // Bumped by forget(): a lookup that started before it must not cache its (stale) answer.
  let generation = 0;

  return {
    anonymous,
    forget() {
      generation += 1;
      tokens.clear();
      sessions.clear();
    },
    async authenticate({ authorization, sessionCookie }) {
      const token = tokenFromHeader(authorization);
      if (token === null) return { via: 'invalid-token', actor: anonymous };
      if (token !== undefined) {
        let actor = tokens.get(token);
        if (actor === undefined) {
          const started = generation;
          actor = await resolveApiToken(db, token);
          if (started === generation) tokens.set(token, actor);
        }
        return actor ? { via: 'token', actor } : { via: 'invalid-token', actor: anonymous };
      }
      // An ended or forged session is no session: the caller is anonymous (and the web
      // app, asking `me`, goes to its sign-in page).
      if (sessionCookie !== undefined && sessionCookie.length <= CREDENTIAL_MAX_LENGTH) {
        let session = sessions.get(sessionCookie);
        if (session === undefined) {
          const started = generation;
          session = await resolveSession(db, settings, sessionCookie);
          if (started === generation) sessions.set(sessionCookie, session);
        }
        if (session) return { via: 'session', ...session };
      }
      return { via: 'none', actor: anonymous };
    },
  };
}
