// Migration 0015 backfills what each existing ticket with a suggestion was saved with
// (filed_category / filed_priority) from its history, and settles suggestion_accepted
// where the two records disagreed. Runs the real migrations up to 0014, writes tickets
// as that schema held them, then applies the rest, on both databases.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePgliteTo } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgresTo } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/migrate.js';
import { withDatabaseName } from '../support/template-databases.js';

/** A copy of the migrations folder holding only those before `tag`. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

const TAG = '0015_suggestion_filed_values';

// Old rows: id, then what the 0014 schema stored, then its history's priority/category changes.
const OLD_TICKETS = `
  insert into tickets (title, description, category, priority, suggested_category, suggested_priority, classification_source, suggestion_accepted)
  values ('escalated later', 'd', 'billing', 'critical', 'billing', 'medium', 'local', true),
         ('overridden at creation', 'd', 'technical', 'low', 'account', 'low', 'local', false),
         ('edited before history existed', 'd', 'general', 'high', 'billing', 'low', 'gemini', true),
         ('stale acceptance', 'd', 'account', 'high', 'account', 'low', 'local', false),
         ('no suggestion', 'd', 'general', 'medium', null, null, null, null);
  insert into ticket_events (ticket_id, kind, field, from_value, to_value) values
    (1, 'field_changed', 'priority', 'medium', 'high'),
    (1, 'field_changed', 'priority', 'high', 'critical'),
    (4, 'field_changed', 'priority', 'low', 'high');`;

const EXPECTED = [
  { id: 1, filed_category: 'billing', filed_priority: 'medium', suggestion_accepted: true },
  { id: 2, filed_category: 'technical', filed_priority: 'low', suggestion_accepted: false },
  { id: 3, filed_category: 'billing', filed_priority: 'low', suggestion_accepted: true },
  { id: 4, filed_category: 'account', filed_priority: 'low', suggestion_accepted: true },
  { id: 5, filed_category: null, filed_priority: null, suggestion_accepted: null },
];

const READ = 'select id, filed_category, filed_priority, suggestion_accepted from tickets order by id';

// Every migration runs twice over: a minute on a loaded machine.
describe('migration 0015 (filed values)', { timeout: 120_000 }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('backfills on PGlite', async () => {
    const before = migrationsBefore(TAG);
    cleanups.push(async () => rmSync(before, { recursive: true, force: true }));
    const client = new PGlite({ extensions: { pg_trgm } });
    cleanups.push(() => client.close());
    await migratePgliteTo(drizzlePglite({ client }), { migrationsFolder: before });
    await client.exec(OLD_TICKETS);
    await migratePgliteTo(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_DIR });
    expect((await client.query(READ)).rows).toEqual(EXPECTED);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('backfills on PostgreSQL', async () => {
    const before = migrationsBefore(TAG);
    cleanups.push(async () => rmSync(before, { recursive: true, force: true }));
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `migration_0015_${process.pid}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    const client = postgres(withDatabaseName(adminUrl, name), { max: 1, onnotice: () => {} });
    cleanups.push(async () => {
      await client.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    });
    await migratePostgresTo(drizzlePostgres(client), { migrationsFolder: before });
    await client.unsafe(OLD_TICKETS);
    await migratePostgresTo(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_DIR });
    expect(Array.from(await client.unsafe(READ))).toEqual(EXPECTED);
  });
});
