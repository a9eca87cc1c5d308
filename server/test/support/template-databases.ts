// Vitest global setup: migrates one template database per run from drizzle/ (so new
// migrations are picked up with no step of their own) and hands it to the test
// workers, which clone it instead of creating and migrating a database per suite.
// A fresh PGlite spends most of its start in initdb; a clone skips it and the migrations.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migratePglite, migratePostgres } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a migrated PGlite data directory, as a `dumpDataDir()` tarball. */
    pgliteTemplateFile: string;
    /** Name of a migrated database on TEST_DATABASE_URL's server, or null without one. */
    postgresTemplateName: string | null;
  }
}

export function withDatabaseName(url: string, name: string): string {
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}

async function buildPgliteTemplate(file: string): Promise<void> {
  const client = new PGlite({ extensions: { pg_trgm } });
  try {
    await migratePglite(client);
    // Uncompressed: every clone would otherwise pay for gunzip.
    const dump = await client.dumpDataDir('none');
    await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
}

async function buildPostgresTemplate(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  // migratePostgres closes its connection: CREATE DATABASE … TEMPLATE needs a template nobody is connected to.
  await migratePostgres(withDatabaseName(adminUrl, name));
}

async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'tickets-test-template-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  const postgresName = adminUrl ? `test_template_${process.pid}_${randomBytes(4).toString('hex')}` : null;
  const teardown = async () => {
    await rm(dir, { recursive: true, force: true });
    if (adminUrl && postgresName) await dropPostgresDatabase(adminUrl, postgresName);
  };
  try {
    const pgliteFile = join(dir, 'pglite.tar');
    await Promise.all([
      buildPgliteTemplate(pgliteFile),
      adminUrl && postgresName ? buildPostgresTemplate(adminUrl, postgresName) : undefined,
    ]);
    project.provide('pgliteTemplateFile', pgliteFile);
    project.provide('postgresTemplateName', postgresName);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
