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

export class MigrationError extends Error {
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
