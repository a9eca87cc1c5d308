// SQL for one-time links (the setup link, invitations): plain functions over a `Db`.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { oneTimeTokens } from '../db/schema.js';
import type { OneTimeTokenPurpose } from './auth.enums.js';

export async function insertOneTimeToken(
  db: Db,
  values: { secretHash: string; purpose: OneTimeTokenPurpose; userId: number | null; expiresAt: Date | null },
): Promise<void> {
  await db.insert(oneTimeTokens).values(values);
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
