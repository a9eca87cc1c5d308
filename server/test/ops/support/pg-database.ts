// A fresh, empty PostgreSQL database on TEST_DATABASE_URL's server for tests that
// start whole server processes against it; dropped (with its connections) afterwards.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export interface PgDatabase {
  name: string;
  url: string;
  /** A URL whose database does not exist on the server. */
  missingUrl: string;
  query<T extends object = Record<string, unknown>>(text: string): Promise<T[]>;
  drop(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export async function createPgDatabase(): Promise<PgDatabase> {
  const adminUrl = TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const name = `ops_${suffix}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const missing = new URL(adminUrl);
  missing.pathname = `/missing_${suffix}`;
  const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
  return {
    name,
    url: url.toString(),
    missingUrl: missing.toString(),
    query: async <T extends object>(text: string) => [...(await client.unsafe(text))] as T[],
    async drop() {
      await client.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
