// Test databases: an in-memory PGlite always, and a fresh PostgreSQL database per
// test file when TEST_DATABASE_URL is set, so files run in parallel in isolation.
// Each is a clone of the run's migrated template (template-databases.ts); without
// one (a file run under another config) it is created empty and migrated.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { withDatabaseName } from './template-databases.js';

export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
}

export const TEST_DATABASES: TestDatabaseTarget[] = [
  { name: 'pglite' },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const }] : []),
];

export interface TestDatabase extends Database {
  /**
   * Empties the tables of tickets, of sign-in state (sessions, failed sign-ins,
   * one-time links), of rate-limit buckets, of webhooks and of saved views, and restarts their
   * identities. Users and API tokens stay: the harness's caller is made once per
   * suite (see factories' `createCaller`).
   */
  reset(): Promise<void>;
  /** Closes and drops what was created. */
  destroy(): Promise<void>;
}

let pgliteTemplate: Promise<Blob> | undefined;

/** The migrated PGlite template, read once per test file. */
function readPgliteTemplate(file: string): Promise<Blob> {
  pgliteTemplate ??= readFile(file).then((bytes) => new Blob([new Uint8Array(bytes)]));
  return pgliteTemplate;
}

/**
 * Fills an empty directory with the run's migrated PGlite template, for a process that
 * opens it as its DATA_DIR and whose test is not about a first start (which runs initdb).
 * Without a template (a file run under another config) the directory stays empty.
 */
export function extractPgliteTemplate(dir: string): void {
  const templateFile = inject('pgliteTemplateFile');
  // The tarball's member names are absolute; tar says so on stderr as it strips them.
  if (templateFile) execFileSync('tar', ['-xf', templateFile, '-C', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function createTestDatabase(target: TestDatabaseTarget): Promise<TestDatabase> {
  let dropDatabase = async () => {};
  let database: Database;
  let migrated: boolean;
  if (target.name === 'pglite') {
    const templateFile = inject('pgliteTemplateFile');
    const loadDataDir = templateFile ? await readPgliteTemplate(templateFile) : undefined;
    database = await openDatabase({ kind: 'pglite', dataDir: undefined, loadDataDir });
    migrated = loadDataDir !== undefined;
  } else {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const template = inject('postgresTemplateName');
    const name = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
    database = await openDatabase({ kind: 'postgres', url: withDatabaseName(adminUrl, name), maxConnections: 4 });
    migrated = Boolean(template);
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    };
  }
  if (!migrated) await database.migrate();
  return {
    ...database,
    async reset() {
      await database.db.execute(
        sql`truncate table tickets, ticket_suggestions, classifier_term_counts, classifier_term_deltas, idempotency_keys, sessions, sign_in_failures, one_time_tokens, rate_limit_buckets, webhook_endpoints, saved_views restart identity cascade`,
      );
    },
    async destroy() {
      await database.close();
      await dropDatabase();
    },
  };
}
