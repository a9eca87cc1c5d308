// `npm run seed` leaves a database as if its agents had filed the tickets through the
// app: COPY bypasses the writes that teach the classifier, so the seed recounts what
// the tickets teach, and the learned counts it leaves are exactly a full recount's.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { relearnFromEveryTicket } from '../../src/classifier/learning.service.js';
import { openDatabase, type DatabaseTarget } from '../../src/db/client.js';
import { executeRows } from '../../src/db/statements.js';
import { extractPgliteTemplate } from '../support/databases.js';
import { withDatabaseName } from '../support/template-databases.js';

const SERVER = resolve(import.meta.dirname, '../..');
const TICKETS = 300;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function seed(env: NodeJS.ProcessEnv): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/scripts/seed.ts', '--count', String(TICKETS), '--truncate'], {
    cwd: SERVER,
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
}

/** The learned counts, in a stable order, and the deltas not yet folded into them. */
async function learnedState(target: DatabaseTarget) {
  const database = await openDatabase(target);
  try {
    const counts = await executeRows<{ term: string; field: string; label: string; count: number }>(
      database.db,
      sql`select term, field, label, count::int as count from classifier_term_counts where count <> 0 order by term, field, label`,
    );
    const [deltas] = await executeRows<{ n: number }>(database.db, sql`select count(*)::int as n from classifier_term_deltas`);
    return { counts, pendingDeltas: deltas!.n };
  } finally {
    await database.close();
  }
}

async function recounted(target: DatabaseTarget) {
  const database = await openDatabase(target);
  try {
    await relearnFromEveryTicket(database.db);
  } finally {
    await database.close();
  }
  return learnedState(target);
}

async function pgliteTarget(): Promise<{ target: DatabaseTarget; env: NodeJS.ProcessEnv }> {
  const dir = await mkdtemp(join(tmpdir(), 'seed-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  extractPgliteTemplate(dir);
  return { target: { kind: 'pglite', dataDir: dir }, env: { DATABASE_URL: '', DATA_DIR: dir } };
}

async function postgresTarget(adminUrl: string): Promise<{ target: DatabaseTarget; env: NodeJS.ProcessEnv }> {
  const name = `seed_test_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  });
  const url = withDatabaseName(adminUrl, name);
  return { target: { kind: 'postgres', url, maxConnections: 2 }, env: { DATABASE_URL: url } };
}

const TARGETS = [
  { name: 'pglite', make: pgliteTarget },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres', make: () => postgresTarget(process.env.TEST_DATABASE_URL!) }] : []),
];

describe.each(TARGETS)('seed ($name)', ({ make }) => {
  it('leaves the classifier taught by every seeded ticket, as a full recount would', { timeout: 240_000 }, async () => {
    const { target, env } = await make();
    await seed(env);
    const seeded = await learnedState(target);
    expect(seeded.pendingDeltas).toBe(0);
    // Every ticket teaches its category and priority for the words it holds.
    expect(seeded.counts.length).toBeGreaterThan(TICKETS);
    expect(await recounted(target)).toEqual(seeded);
  });
});
