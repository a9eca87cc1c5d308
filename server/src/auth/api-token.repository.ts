// SQL for API tokens: plain functions over a `Db`.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { cachedQuery } from '../db/query-cache.js';
import { isAnyOf } from '../db/statements.js';
import { apiTokens, users } from '../db/schema.js';
import type { ApiTokenScope, UserRole } from './auth.enums.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export interface ApiTokenLookup {
  id: number;
  userId: number;
  scopes: ApiTokenScope[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  role: UserRole;
  active: boolean;
}

export async function insertApiToken(
  db: Db,
  values: { userId: number; name: string; secretHash: string; prefix: string; scopes: ApiTokenScope[]; expiresAt: Date | null },
): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

export async function findApiTokenBySecretHash(db: Db, secretHash: string): Promise<ApiTokenLookup | undefined> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      role: users.role,
      active: users.active,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.secretHash, secretHash))
    .limit(1);
  return row;
}

export async function touchApiToken(db: Db, id: number, at: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

/** The most tokens one list answers, newest first (and a bound on the response). */
export const API_TOKEN_LIST_MAX = 1_000;

export function listApiTokens(db: Db, includeRevoked: boolean): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(includeRevoked ? undefined : isNull(apiTokens.revokedAt))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(API_TOKEN_LIST_MAX);
}

/** Tokens by id, in no particular order: one prepared statement, built once, for any number of ids (the authors loader's). */
export function findApiTokensByIds(db: Db, ids: readonly number[]): Promise<ApiTokenRow[]> {
  const query = cachedQuery(db, 'api-tokens:by-ids', () =>
    db
      .select()
      .from(apiTokens)
      .where(isAnyOf(apiTokens.id, sql.placeholder('ids')))
      .prepare('api_tokens_by_ids'),
  );
  return query.execute({ ids: [...ids] });
}

/** Revokes once: a second revoke keeps the first time. */
export async function revokeApiTokenById(db: Db, id: number, at: Date): Promise<ApiTokenRow | undefined> {
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  if (revoked) return revoked;
  const [existing] = await db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
  return existing;
}
