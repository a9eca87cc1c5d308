// SQL for counting failed sign-ins per key in a fixed window: plain functions over a `Db`.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { signInFailures } from '../db/schema.js';

export function readSignInFailures(db: Db, keys: readonly string[]) {
  return db
    .select()
    .from(signInFailures)
    .where(inArray(signInFailures.key, [...keys]));
}

/** One more failure for `key`; a window older than `windowMs` starts over. Atomic under concurrency. */
export async function recordSignInFailure(db: Db, key: string, now: Date, windowMs: number): Promise<void> {
  // Bound as text: postgres.js cannot send a Date that no column types (PGlite can).
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  await db
    .insert(signInFailures)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: {
        failures: sql`case when ${signInFailures.windowStartedAt} <= ${windowStart} then 1 else ${signInFailures.failures} + 1 end`,
        windowStartedAt: sql`case when ${signInFailures.windowStartedAt} <= ${windowStart} then ${at} else ${signInFailures.windowStartedAt} end`,
      },
    });
}

export async function clearSignInFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, key));
}
