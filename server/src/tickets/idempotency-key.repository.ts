// SQL for the idempotency keys of ticket creates (`idempotency_keys`). A key row is
// written in the create's transaction, after the ticket: a concurrent create with the
// same key waits on the primary key until the first commits, then finds its answer.
import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { idempotencyKeys } from '../db/schema.js';

/** How long a key is remembered: retries within a day answer the first result. */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 24 * 60 * 60;

/** Expired rows deleted per new key: more than one, so purging outpaces new keys. */
const PURGE_BATCH = 100;

const cutoff = () => sql`now() - ${IDEMPOTENCY_KEY_TTL_SECONDS} * interval '1 second'`;

export interface StoredIdempotencyKey {
  requestHash: string;
  response: unknown;
}

/** The live (unexpired) row of `key`, if any. */
export async function findIdempotencyKey(db: Db, key: string): Promise<StoredIdempotencyKey | undefined> {
  const [row] = await db
    .select({ requestHash: idempotencyKeys.requestHash, response: idempotencyKeys.response })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.key, key), gt(idempotencyKeys.createdAt, cutoff())))
    .limit(1);
  return row;
}

/**
 * Records `key` with its answer; false when a live row for it exists (committed by a
 * concurrent create, which this statement waited for). An expired row is replaced.
 */
export async function insertIdempotencyKey(
  db: Db,
  values: { key: string; requestHash: string; ticketId: number; response: unknown },
): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values(values)
    .onConflictDoUpdate({
      target: idempotencyKeys.key,
      set: {
        requestHash: values.requestHash,
        ticketId: values.ticketId,
        response: values.response,
        createdAt: sql`now()`,
      },
      setWhere: lt(idempotencyKeys.createdAt, cutoff()),
    })
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

/**
 * Deletes a batch of expired keys, oldest first through the created_at index (so it
 * reads only expired rows); rows another transaction holds are skipped, not waited for.
 */
export async function deleteExpiredIdempotencyKeys(db: Db): Promise<void> {
  const expired = db
    .select({ key: idempotencyKeys.key })
    .from(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, cutoff()))
    .orderBy(asc(idempotencyKeys.createdAt))
    .limit(PURGE_BATCH)
    .for('update', { skipLocked: true });
  await db.delete(idempotencyKeys).where(inArray(idempotencyKeys.key, expired));
}
