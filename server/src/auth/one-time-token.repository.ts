// SQL for one-time links (the setup link, invitations): plain functions over a `Db`.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { oneTimeTokens } from '../db/schema.js';
import type { OneTimeTokenPurpose } from './auth.enums.js';

export async function insertOneTimeToken(
  db: Db,
  values: { secretHash: string; purpose: OneTimeTokenPurpose; userId: number | null; expiresAt: Date | null },
): Promise<void> {
  await db.insert(oneTimeTokens).values(values);
}

/** Whether a link exists (not yet used), without using it: checked before costly work such as hashing a password. */
export async function oneTimeTokenExists(db: Db, secretHash: string, purpose: OneTimeTokenPurpose): Promise<boolean> {
  const [row] = await db
    .select({ purpose: oneTimeTokens.purpose })
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.secretHash, secretHash), eq(oneTimeTokens.purpose, purpose)))
    .limit(1);
  return row !== undefined;
}

/**
 * Serialises the first admin's creation until the transaction ends: two setup links
 * used at once would otherwise both see "no admin yet".
 */
export async function lockSetup(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('support-tickets:complete-setup'))`);
}

/**
 * Uses a link: deleted and returned in one statement, so two concurrent uses cannot
 * both succeed. Expiry is checked by the caller (an expired link is used up too).
 */
export async function takeOneTimeToken(
  db: Db,
  secretHash: string,
  purpose: OneTimeTokenPurpose,
): Promise<{ userId: number | null; expiresAt: Date | null } | undefined> {
  const [row] = await db
    .delete(oneTimeTokens)
    .where(and(eq(oneTimeTokens.secretHash, secretHash), eq(oneTimeTokens.purpose, purpose)))
    .returning({ userId: oneTimeTokens.userId, expiresAt: oneTimeTokens.expiresAt });
  return row;
}

export async function deleteOneTimeTokens(db: Db, purpose: OneTimeTokenPurpose, userId?: number): Promise<void> {
  await db
    .delete(oneTimeTokens)
    .where(
      userId === undefined ? eq(oneTimeTokens.purpose, purpose) : and(eq(oneTimeTokens.purpose, purpose), eq(oneTimeTokens.userId, userId)),
    );
}
