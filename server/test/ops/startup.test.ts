// Starting the real server process: .env loading, clear refusals (bad configuration,
// a failed migration, an embedded data directory already in use) with a non-zero
// exit and no stack, and two servers starting at once on one PostgreSQL database.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../src/db/data-dir.lock.js';
import { MIGRATIONS_DIR } from '../../src/db/migrate.js';
import { createPgDatabase, TEST_DATABASE_URL } from './support/pg-database.js';
import { killAllServers, spawnServer, startServer, stopServer, tempDir, type ServerProcess } from './support/server-process.js';

afterAll(killAllServers);

const INTROSPECTION = '{ __schema { queryType { name } } }';
const journalEntries = (JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries
  .length;

async function introspect(url: string) {
  const res = await fetch(url + '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: INTROSPECTION }),
  });
  return (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

/** A refused start: its exit status and what the operator reads. */
async function refusal(server: ServerProcess) {
  const exit = await server.exited;
  return { code: exit.code, stderr: server.stderr() };
}

function expectNoStack(text: string) {
  expect(text).not.toMatch(/^\s+at /m);
}

describe('.env file', () => {
  it('is loaded, and the environment wins over it', async () => {
    const envFile = join(tempDir(), 'ops.env');
    writeFileSync(envFile, '# production settings\nGRAPHQL_INTROSPECTION=false\nGEMINI_MODEL="gemini-test"\n');

    const fromFile = await startServer({ ENV_FILE: envFile });
    expect((await introspect(fromFile.url)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(fromFile.logs.find((l) => l.msg === 'support tickets server ready')).toMatchObject({ envFile });
    expect(await stopServer(fromFile)).toEqual({ code: 0, signal: null });

    // Introspection needs an identity: anonymous reading is allowed here, as this is about the file.
    const overridden = await startServer({ ENV_FILE: envFile, GRAPHQL_INTROSPECTION: 'true', ANONYMOUS_ACCESS: 'read' });
    expect((await introspect(overridden.url)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect(await stopServer(overridden)).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('a bad value in it stops the start naming the variable; a missing ENV_FILE too', async () => {
    const envFile = join(tempDir(), 'bad.env');
    writeFileSync(envFile, 'SHUTDOWN_GRACE_MS=soon\n');
    const bad = await refusal(spawnServer({ ENV_FILE: envFile }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/SHUTDOWN_GRACE_MS/);
    expectNoStack(bad.stderr);

    const missing = await refusal(spawnServer({ ENV_FILE: join(tempDir(), 'nope.env') }));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/ENV_FILE/);
  }, 60_000);
});

describe('embedded data directory', () => {
  it('serves one process at a time: a second start fails clearly and harms nothing', async () => {
    const dataDir = tempDir();
    const first = await startServer({ DATA_DIR: dataDir });

    const second = await refusal(spawnServer({ DATA_DIR: dataDir }));
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`pid ${first.child.pid}`);
    expect(second.stderr).toMatch(/DATA_DIR/);
    expectNoStack(second.stderr);

    expect((await fetch(first.url + '/readyz')).status).toBe(200);
    expect(await stopServer(first)).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);

    const next = await startServer({ DATA_DIR: dataDir });
    expect(await stopServer(next)).toEqual({ code: 0, signal: null });
  }, 90_000);

  it('takes over the lock of a server that died without releasing it', async () => {
    const dataDir = tempDir();
    const killed = await startServer({ DATA_DIR: dataDir });
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8').trim()).toBe(String(killed.child.pid));

    const next = await startServer({ DATA_DIR: dataDir });
    expect((await fetch(next.url + '/readyz')).status).toBe(200);
    expect(await stopServer(next)).toEqual({ code: 0, signal: null });
  }, 90_000);

  it('a migration that fails stops the start with a clear message and leaves nothing half-applied', async () => {
    const dataDir = tempDir();
    // A database that already has an unrelated "tickets" table: the first migration cannot apply.
    const squatter = new PGlite({ dataDir });
    await squatter.exec('create table tickets (id integer primary key)');
    await squatter.close();

    const failed = await refusal(spawnServer({ DATA_DIR: dataDir }));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^Cannot start: database migration failed: /m);
    expectNoStack(failed.stderr);

    const check = new PGlite({ dataDir });
    try {
      // drizzle creates its bookkeeping table first; the migrations themselves run in one transaction.
      const applied = await check.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
      const trgm = await check.query(`select 1 from pg_extension where extname = 'pg_trgm'`);
      expect({ applied: applied.rows[0]!.n, trgm: trgm.rows.length }).toEqual({ applied: 0, trgm: 0 });
    } finally {
      await check.close();
    }
    // The lock was released on the way out: the same refusal again, not "in use".
    expect((await refusal(spawnServer({ DATA_DIR: dataDir }))).code).toBe(1);
  }, 90_000);
});

if (TEST_DATABASE_URL) {
  describe('PostgreSQL', () => {
    it('a database that does not exist stops the start with a clear message', async () => {
      const pg = await createPgDatabase();
      try {
        const failed = await refusal(spawnServer({ DATABASE_URL: pg.missingUrl }));
        expect(failed.code).toBe(1);
        expect(failed.stderr).toMatch(/^Cannot start: database migration failed: /m);
        expectNoStack(failed.stderr);
      } finally {
        await pg.drop();
      }
    }, 60_000);

    it('two servers starting at once on a fresh database both become ready, migrating once', async () => {
      const pg = await createPgDatabase();
      try {
        const [a, b] = await Promise.all([startServer({ DATABASE_URL: pg.url }), startServer({ DATABASE_URL: pg.url })]);
        for (const server of [a, b]) expect((await fetch(server.url + '/readyz')).status).toBe(200);
        const rows = await pg.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
        expect(rows[0]!.n).toBe(journalEntries);
        expect(await Promise.all([stopServer(a), stopServer(b)])).toEqual([
          { code: 0, signal: null },
          { code: 0, signal: null },
        ]);
      } finally {
        await pg.drop();
      }
    }, 90_000);
  });
}
