// SQL of the rate-limit buckets: one atomic take, and the purge of idle buckets.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ASYNC_COMMIT, executeRows } from '../db/statements.js';

/** The given instant as text (postgres.js cannot bind a Date in raw SQL), or the database's clock. */
function instant(at: Date | undefined): SQL {
  return at === undefined ? sql`statement_timestamp()` : sql`${at.toISOString()}::timestamptz`;
}

/**
 * Takes one token from the bucket `key`, refilled at `refillPerMs` up to `limit`
 * since its last take; a new bucket starts full. One statement: concurrent takes
 * (from any process) serialise on the row, so a budget is never overspent. A clock
 * that steps back refills nothing and keeps the later time. Committed without
 * waiting for the disk: a crash may forget the last takes, and so grant a few calls more.
 */
export async function takeRateLimitToken(
  db: Db,
  params: { key: string; limit: number; refillPerMs: number; at: Date | undefined },
): Promise<{ allowed: boolean; tokens: number }> {
  const limit = sql`${params.limit}::float8`;
  const refilled = sql`least(${limit}, b.tokens + greatest(0, extract(epoch from (excluded.updated_at - b.updated_at))::float8 * 1000) * ${params.refillPerMs}::float8)`;
  const [row] = await executeRows<{ allowed: boolean; tokens: number }>(
    db,
    sql`insert into rate_limit_buckets as b (key, tokens, allowed, updated_at)
        select ${params.key}, ${limit} - 1, ${limit} >= 1, ${instant(params.at)} from ${ASYNC_COMMIT}
        on conflict (key) do update set
          tokens = case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end,
          allowed = ${refilled} >= 1,
          updated_at = greatest(b.updated_at, excluded.updated_at)
        returning allowed, tokens`,
  );
  return { allowed: row!.allowed, tokens: Number(row!.tokens) };
}

/** Idle buckets deleted per purge, oldest first; rows another process is purging are skipped. */
const PURGE_BATCH = 500;

/** Deletes a batch of buckets of one limit idle for a whole window: they are full again, as if absent. */
export async function deleteIdleRateLimitBuckets(
  db: Db,
  params: { prefix: string; windowMs: number; at: Date | undefined },
): Promise<void> {
  await db.execute(
    sql`delete from rate_limit_buckets where key in (
          select key from rate_limit_buckets
          where updated_at < ${instant(params.at)} - ${params.windowMs} * interval '1 millisecond'
            and starts_with(key, ${params.prefix})
          order by updated_at
          limit ${PURGE_BATCH}
          for update skip locked)`,
  );
}
