// The PostgreSQL database a benchmark runs on, created when missing (a benchmark's
// database is its own: seeded, written to and truncated by it).
import postgres from 'postgres';

export async function ensurePostgresDatabase(url: string, log: (message: string) => void): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[\w-]+$/.test(name)) throw new Error(`${url}: unexpected database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!exists) {
      log(`creating database ${name}`);
      await sql.unsafe(`create database "${name}"`);
    }
  } finally {
    await sql.end();
  }
}
