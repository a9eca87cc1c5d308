// `npm run bench` works end to end at a tiny scale: it seeds, starts the real server,
// drives every case with its token and the raw SQL baseline, then the read cases with
// and without the token, and writes a well-formed report in which every case ran,
// mostly succeeded, and was replayed as raw SQL. Timings are not asserted (they belong
// to bench/ only), nor is "zero errors": on a loaded 2-core CI machine a request may
// time out, while a broken case (or a request the server refuses) fails every request.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { afterAll, expect, it } from 'vitest';
import { extractPgliteTemplate } from '../support/databases.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const CASES = [
  'list newest 20',
  'list with two filters',
  'search common word',
  'search rare phrase',
  'search 2-char term',
  'stats',
  'ticket history + notes',
  'create',
  'patch',
];
const READ_CASES = CASES.filter((name) => name !== 'create' && name !== 'patch');

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A command run to its end, its stderr kept for the failure message. */
function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stderr }));
  });
}

/** The rows of the table under `header` (up to the next blank line), as trimmed cells, each with the header's column count. */
function tableRows(lines: string[], header: string): string[][] {
  const start = lines.findIndex((line) => line.startsWith(header));
  expect(start, lines.join('\n')).toBeGreaterThan(-1);
  const columns = lines[start]!.split('|').length;
  const end = lines.indexOf('', start);
  return lines.slice(start + 2, end === -1 ? undefined : end).map((line) => {
    expect(line.split('|').length, line).toBe(columns);
    return line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
  });
}

const num = (cell: string | undefined) => Number((cell ?? '').replace(/,/g, ''));

/** Every one of `names` has a row over REST and one over GraphQL. */
function expectEveryCase(rows: string[][], names: readonly string[]): void {
  for (const api of ['REST', 'GraphQL']) {
    for (const name of names)
      expect(
        rows.some((r) => r[0] === api && r[1] === name),
        `${api} ${name}`,
      ).toBe(true);
  }
}

it('runs every case over REST and GraphQL and against raw SQL, and reports each', { timeout: 300_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bench-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const out = join(dir, 'report.md');
  const env: NodeJS.ProcessEnv = { ...process.env };
  const DURATION = 0.5;
  const args = ['--count', '200', '--duration', String(DURATION), '--connections', '2', '--out', out];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    // A database of its own, dropped afterwards.
    const url = new URL(adminUrl);
    url.pathname = `/bench_test_${randomBytes(4).toString('hex')}`;
    env.BENCH_DATABASE_URL = url.toString();
    cleanups.push(async () => {
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists "${url.pathname.slice(1)}" with (force)`);
      await admin.end();
    });
  } else {
    env.BENCH_DATA_DIR = join(dir, 'pglite');
    // Migrated already: the benchmark's first start would otherwise run initdb, which it does not measure.
    await mkdir(env.BENCH_DATA_DIR);
    extractPgliteTemplate(env.BENCH_DATA_DIR);
    args.push('--db', 'pglite');
  }

  const { code, stderr } = await runToEnd('npm', ['run', '--silent', 'bench', '--', ...args], env);
  expect(code, stderr).toBe(0);
  const report = await readFile(out, 'utf8');
  expect(report).toMatch(/^# Benchmark: (PostgreSQL|PGlite), [\d,]+ tickets$/m);
  expect(report).toMatch(/Server peak RSS \(VmHWM\): (\d+ MiB|not available)/);
  const lines = report.split('\n');
  const rows = tableRows(lines, '| API | Case | req/s |');
  expect(rows).toHaveLength(2 * CASES.length + 1); // GraphQL also has "stats + 30 days per day"
  expectEveryCase(rows, CASES);
  for (const row of rows) {
    const [reqPerSecond, p50, errors, rawReqPerSecond, rawP50] = [num(row[2]), num(row[3]), num(row[6]), num(row[7]), num(row[8])];
    const context = row.join(' | ');
    expect(reqPerSecond, context).toBeGreaterThan(0);
    expect(Number.isFinite(p50), context).toBe(true);
    // Most requests succeeded: a broken case (a 500, a GraphQL error) fails them all.
    expect(errors, context).toBeLessThanOrEqual((reqPerSecond * DURATION) / 2);
    expect(rawReqPerSecond, context).toBeGreaterThan(0);
    expect(Number.isFinite(rawP50), context).toBe(true);
    // The server's CPU per request (where /proc is read) and the statements each case sends.
    expect(row[12] === '–' || num(row[12]) > 0, context).toBe(true);
    expect(num(row[13]), context).toBeGreaterThanOrEqual(1);
  }

  // What authentication adds: every read case again, with the token and anonymously.
  expect(lines).toContain('## Authentication');
  const auth = tableRows(lines, '| API | Case | token p50 ms |');
  expect(auth).toHaveLength(2 * READ_CASES.length + 1);
  expectEveryCase(auth, READ_CASES);
  for (const row of auth) {
    const [tokenP50, anonymousP50, added, tokenRate, anonymousRate, errors] = [
      num(row[2]),
      num(row[3]),
      num(row[4]),
      num(row[7]),
      num(row[8]),
      num(row[9]),
    ];
    const context = row.join(' | ');
    for (const value of [tokenP50, anonymousP50, added]) expect(Number.isFinite(value), context).toBe(true);
    expect(tokenRate, context).toBeGreaterThan(0);
    expect(anonymousRate, context).toBeGreaterThan(0);
    expect(errors, context).toBeLessThanOrEqual(((tokenRate + anonymousRate) * DURATION) / 2);
  }
});

// `npm run bench:rate` drives PostgreSQL only (it measures a deployment's latency at a load).
if (process.env.TEST_DATABASE_URL) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  it('runs every case at a given arrival rate, reports each, and removes what the write cases created', { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-rate-test-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const url = new URL(adminUrl);
    url.pathname = `/bench_rate_test_${randomBytes(4).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${url.pathname.slice(1)}"`);
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists "${url.pathname.slice(1)}" with (force)`);
      await admin.end();
    });
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url.toString(), BENCH_DATABASE_URL: url.toString() };
    delete env.DATA_DIR;
    const seeded = await runToEnd(
      process.execPath,
      ['--import', 'tsx', 'src/scripts/seed.ts', '--count', '1000', '--truncate'],
      env,
      join(ROOT, 'server'),
    );
    expect(seeded.code, seeded.stderr).toBe(0);

    const out = join(dir, 'rate.md');
    const RATE = 40;
    const DURATION = 0.5;
    const { code, stderr } = await runToEnd(
      'npm',
      ['run', '--silent', 'bench:rate', '-w', 'bench', '--', '--rate', String(RATE), '--duration', String(DURATION), '--out', out],
      env,
    );
    expect(code, stderr).toBe(0);
    const report = await readFile(out, 'utf8');
    expect(report).toMatch(/^# Benchmark: latency at 40 requests\/s, PostgreSQL, 1,000 tickets$/m);
    const rows = tableRows(report.split('\n'), '| API | Case | requests |');
    expect(rows).toHaveLength(2 * CASES.length + 1);
    expectEveryCase(rows, CASES);
    for (const row of rows) {
      const [requests, p50, p95, errors] = [num(row[2]), num(row[3]), num(row[4]), num(row[7])];
      const context = row.join(' | ');
      expect(requests, context).toBeGreaterThan(0);
      expect(Number.isFinite(p50) && Number.isFinite(p95), context).toBe(true);
      expect(errors, context).toBeLessThanOrEqual(requests / 2);
    }

    const database = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const [row] = await database<{ count: number }[]>`select count(*)::int as count from tickets`;
      expect(row?.count).toBe(1000);
    } finally {
      await database.end();
    }
  });
}
