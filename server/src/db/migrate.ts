// Applies the committed SQL migrations in drizzle/ at start, as Django's `migrate`
// does. drizzle records applied migrations, so a second start is a no-op; on
// PostgreSQL an advisory lock serialises two servers starting at once.
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migrateWithPglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migrateWithPostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../drizzle', import.meta.url));

// An arbitrary constant shared by every instance of this product.
const MIGRATION_LOCK_KEY = 727_274_001;

class MigrationError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`database migration failed: ${reason}`, { cause });
    this.name = 'MigrationError';
  }
}

export async function migratePglite(client: PGlite): Promise<void> {
  try {
    await migrateWithPglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_DIR });
  } catch (error) {
    throw new MigrationError(error);
  }
  await analyzeTicketsIfStale(client);
}

/** How far the planner's row count may drift from the real one before statistics are refreshed. */
const STALE_STATS_RATIO = 0.1;
const STALE_STATS_MIN_ROWS = 1_000;

/**
 * Refreshes the planner's statistics of `tickets` when they are missing or stale.
 * PGlite runs no autovacuum, so without this its statistics would be those of
 * whenever someone last ran ANALYZE (or none): searches' plans and the estimates
 * that decide whether `totalCount` is counted exactly would follow stale figures.
 * The real row count comes from the trigger-kept counters (a few hundred rows), so
 * the check itself is cheap; ANALYZE samples at most 30,000 rows (about a second
 * at 100,000 tickets) and runs only when the table changed by more than 10%.
 */
export async function analyzeTicketsIfStale(client: PGlite): Promise<boolean> {
  const { rows } = await client.query<{ planned: number; actual: number }>(
    `select (select reltuples from pg_class where oid = 'tickets'::regclass)::float8 as planned,
            (select coalesce(sum(count), 0) from ticket_counts)::float8 as actual`,
  );
  const { planned, actual } = rows[0]!;
  // reltuples is -1 for a table never analyzed or vacuumed.
  const stale = planned < 0 ? actual > 0 : Math.abs(planned - actual) > Math.max(STALE_STATS_MIN_ROWS, actual * STALE_STATS_RATIO);
  if (stale) await client.exec('analyze tickets');
  return stale;
}

export async function migratePostgres(url: string): Promise<void> {
  // One dedicated connection, so the session-level lock and the migration share it.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrateWithPostgres(drizzlePostgres({ client: sql }), { migrationsFolder: MIGRATIONS_DIR });
  } catch (error) {
    throw new MigrationError(error);
  } finally {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    await sql.end({ timeout: 5 });
  }
}
