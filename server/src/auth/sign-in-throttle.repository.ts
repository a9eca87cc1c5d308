// SQL for counting failed sign-ins per key in a fixed window: plain functions over a `Db`.
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { signInFailures } from '../db/schema.js';

export interface SignInFailureCount {
  failures: number;
  windowStartedAt: Date;
}

/**
 * One more failure for `key`, and the count it makes; a window older than `windowMs`
 * starts over. Atomic under concurrency: simultaneous calls each get their own count.
 */
export async function recordSignInFailure(db: Db, key: string, now: Date, windowMs: number): Promise<SignInFailureCount> {
  // Bound as text: postgres.js cannot send a Date that no column types (PGlite can).
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(signInFailures)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: {
        failures: sql`case when ${signInFailures.windowStartedAt} <= ${windowStart} then 1 else ${signInFailures.failures} + 1 end`,
        windowStartedAt: sql`case when ${signInFailures.windowStartedAt} <= ${windowStart} then ${at} else ${signInFailures.windowStartedAt} end`,
      },
    })
    .returning({ failures: signInFailures.failures, windowStartedAt: signInFailures.windowStartedAt });
  return row!;
}

/** Takes back one failure counted for `key` by an attempt that turned out not to be one. */
export async function takeBackSignInFailure(db: Db, key: string): Promise<void> {
  await db
    .update(signInFailures)
    .set({ failures: sql`${signInFailures.failures} - 1` })
    .where(and(eq(signInFailures.key, key), gt(signInFailures.failures, 0)));
}

/** Forgets windows that have passed: the table holds only the failures that still count. */
export async function purgeSignInFailures(db: Db, before: Date): Promise<void> {
  await db.delete(signInFailures).where(lt(signInFailures.windowStartedAt, before));
}

export async function clearSignInFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, key));
}
