// Who is making a request, resolved once per request (authentication.ts) and passed
// down explicitly; and the one rule deciding whether it may do what an operation
// declares it requires.
import { ROLE_SCOPES, type Access, type ApiTokenScope, type UserRole } from './auth.enums.js';

export interface Actor {
  /** How the caller proved who it is. */
  kind: 'session' | 'token' | 'anonymous';
  /** The person: signed in, or owning the token. Null when anonymous. */
  userId: number | null;
  /** The API token used, when one was. */
  tokenId: number | null;
  role: UserRole | null;
  /** What the caller may do: the role's, narrowed to the token's scopes, or ANONYMOUS_ACCESS's. */
  scopes: ReadonlySet<ApiTokenScope>;
  /** For a session: its stored hash (sign out ends exactly it). */
  sessionHash: string | null;
}

export function anonymousActor(scopes: readonly ApiTokenScope[]): Actor {
  return { kind: 'anonymous', userId: null, tokenId: null, role: null, scopes: new Set(scopes), sessionHash: null };
}

export function sessionActor(userId: number, role: UserRole, sessionHash: string): Actor {
  return { kind: 'session', userId, tokenId: null, role, scopes: new Set(ROLE_SCOPES[role]), sessionHash };
}

/** A token may do what its scopes say, and never more than its user's role allows today. */
export function tokenActor(userId: number, tokenId: number, role: UserRole, scopes: readonly ApiTokenScope[]): Actor {
  const allowed = new Set(ROLE_SCOPES[role]);
  return { kind: 'token', userId, tokenId, role, scopes: new Set(scopes.filter((s) => allowed.has(s))), sessionHash: null };
}

export type AccessDecision = 'allowed' | 'unauthenticated' | 'forbidden';

/**
 * Whether `actor` may use an operation that requires `access`. An anonymous caller
 * refused is told to authenticate (401), an identified one that it may not (403),
 * as DRF answers.
 */
export function decideAccess(actor: Actor, access: Access): AccessDecision {
  const refuse: AccessDecision = actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden';
  switch (access) {
    case 'public':
    case 'graphql':
      return 'allowed';
    case 'session':
      return actor.kind === 'session' ? 'allowed' : refuse;
    case 'page':
      return actor.scopes.has('tickets:read') ? 'allowed' : refuse;
    default:
      return actor.scopes.has(access) ? 'allowed' : refuse;
  }
}
