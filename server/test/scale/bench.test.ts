// `npm run bench` works end to end at a tiny scale: it seeds, starts the real server,
// drives every case and the raw SQL baseline, and writes a report in which every
// case appears without errors. Timings are not asserted: they belong to bench/ only.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { afterAll, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const CASES = [
  'list newest 20',
  'list with two filters',
  'search common word',
  'search rare phrase',
  'search 2-char term',
  'stats',
  'create',
  'patch',
];

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function runBench(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', 'bench', '--', ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stderr }));
  });
}

it('runs every case over REST and GraphQL and against raw SQL, with zero errors', { timeout: 240_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bench-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const out = join(dir, 'report.md');
  const env: NodeJS.ProcessEnv = { ...process.env };
  const args = ['--count', '200', '--duration', '0.5', '--connections', '4', '--out', out];
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
    args.push('--db', 'pglite');
  }

  const { code, stderr } = await runBench(args, env);
  expect(code, stderr).toBe(0);
  const report = await readFile(out, 'utf8');
  const rows = report
    .split('\n')
    .filter((line) => /^\| (REST|GraphQL) \|/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  for (const api of ['REST', 'GraphQL']) {
    for (const name of CASES) expect(rows.some((r) => r[0] === api && r[1] === name), `${api} ${name}`).toBe(true);
  }
  for (const row of rows) {
    // errors column, and a measured raw baseline for every case
    expect(row[6], row.join(' | ')).toBe('0');
    expect(Number(row[7]!.replace(/,/g, '')), row.join(' | ')).toBeGreaterThan(0);
    expect(Number(row[2]!.replace(/,/g, '')), row.join(' | ')).toBeGreaterThan(0);
  }
  expect(report).toMatch(/Server peak RSS \(VmHWM\): \d+ MiB/);
});
