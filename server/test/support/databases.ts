// Test databases: an in-memory PGlite always, and a fresh PostgreSQL database per
// test file when TEST_DATABASE_URL is set, so files run in parallel in isolation.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.js';

export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
}

export const TEST_DATABASES: TestDatabaseTarget[] = [
  { name: 'pglite' },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const }] : []),
];

export interface TestDatabase extends Database {
  /** Empties every table and restarts identities. */
  reset(): Promise<void>;
  /** Closes and drops what was created. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(target: TestDatabaseTarget): Promise<TestDatabase> {
  let dropDatabase = async () => {};
  let database: Database;
  if (target.name === 'pglite') {
    database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  } else {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 4 });
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    };
  }
  await database.migrate();
  return {
    ...database,
    async reset() {
      await database.db.execute(sql`truncate table tickets, ticket_suggestions, idempotency_keys restart identity cascade`);
    },
    async destroy() {
      await database.close();
      await dropDatabase();
    },
  };
}
