// ASYNC_COMMIT (db/statements.ts): the statement that uses it commits without waiting
// for the disk, and the next statement on the same connection is durable again. A
// setting that outlived its statement would silently make ticket writes lose their
// durability, on both databases.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '../../src/db/client.js';
import { ASYNC_COMMIT, executeRows } from '../../src/db/statements.js';

const TARGETS: [string, DatabaseTarget][] = [
  ['pglite', { kind: 'pglite', dataDir: undefined }],
  // One connection, so that the second statement runs where the first did.
  ...(process.env.TEST_DATABASE_URL
    ? [['postgres', { kind: 'postgres', url: process.env.TEST_DATABASE_URL, maxConnections: 1 }] as [string, DatabaseTarget]]
    : []),
];

describe('a statement committed without waiting for the disk', () => {
  it.each(TARGETS)('relaxes only its own commit (%s)', async (_name, target) => {
    const database = await openDatabase(target);
    try {
      const setting = async (from: ReturnType<typeof sql>) =>
        (await executeRows<{ setting: string }>(database.db, sql`select current_setting('synchronous_commit') as setting${from}`))[0]!
          .setting;
      expect(await setting(sql` from ${ASYNC_COMMIT}`)).toBe('off');
      expect(await setting(sql``)).toBe('on');
    } finally {
      await database.close();
    }
  });
});
