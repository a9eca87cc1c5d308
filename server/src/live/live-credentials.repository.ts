// SQL for the live connections' recheck: which of the sessions and tokens that open
// WebSockets were authenticated with still let their user in, and with what role and
// scopes. One statement for every connection of the process.
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { ApiTokenScope, UserRole } from '../auth/auth.enums.js';
import type { Db } from '../db/client.js';
import { apiTokens, sessions, users } from '../db/schema.js';

export interface LiveCredential {
  kind: 'session' | 'token';
  /** The session's secret hash, or the token's id as text. */
  key: string;
  userId: number;
  role: UserRole;
  /** A token's own scopes (before its user's role narrows them); null for a session. */
  scopes: ApiTokenScope[] | null;
}

/**
 * The sessions (by secret hash) and tokens (by id) among those given that are still
 * live: not ended or revoked, not past their lifetime or idle timeout, their user active.
 */
export async function findLiveCredentials(
  db: Db,
  params: { sessionHashes: readonly string[]; tokenIds: readonly number[]; now: Date; sessionIdleMs: number },
): Promise<LiveCredential[]> {
  const { sessionHashes, tokenIds, now } = params;
  const liveSessions = db
    .select({
      kind: sql<'session' | 'token'>`'session'`.as('kind'),
      key: sessions.secretHash,
      userId: users.id,
      role: users.role,
      scopes: sql<ApiTokenScope[] | null>`null::text[]`.as('scopes'),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        inArray(sessions.secretHash, [...sessionHashes]),
        eq(users.active, true),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - params.sessionIdleMs)),
      ),
    );
  const liveTokens = db
    .select({
      kind: sql<'session' | 'token'>`'token'`.as('kind'),
      key: sql<string>`${apiTokens.id}::text`.as('key'),
      userId: users.id,
      role: users.role,
      scopes: apiTokens.scopes,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        inArray(apiTokens.id, [...tokenIds]),
        eq(users.active, true),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  if (sessionHashes.length === 0 && tokenIds.length === 0) return [];
  if (tokenIds.length === 0) return liveSessions;
  if (sessionHashes.length === 0) return liveTokens;
  return unionAll(liveSessions, liveTokens);
}
