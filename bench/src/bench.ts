// `npm run bench -- [--db postgres|pglite] [--count N] [--duration S] [--connections C] [--out FILE] [--only TEXT] [--skip-anonymous]`
//
// Seeds a database (when it does not already hold about --count tickets), starts the
// real server against it (with the benchmark's admin, ADMIN_EMAIL/ADMIN_PASSWORD),
// obtains one API token and drives every case over HTTP with autocannon, sending the
// token on every request; stops the server (reading its peak RSS), replays the same
// SQL straight through the driver at the same concurrency; then, on a server started
// with ANONYMOUS_ACCESS=read, drives each read case with the token and anonymously,
// to measure what authentication adds; and writes a markdown report to bench/results/.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { resolveApiToken } from '../../server/src/auth/api-token.service.js';
import { openDatabase, type Database } from '../../server/src/db/client.js';
import {
  benchCases,
  COMMON_WORD,
  isSuccessfulAnswer,
  isWriteCase,
  SHORT_TERM,
  type BenchCase,
  type HttpRequest,
  type IdPicker,
} from './cases.js';
import { DATA_SET_SIZE_SQL, restoreDataSetStatements } from './data-set.js';
import { captureCase, replay, type Driver, type RawResult } from './raw.js';
import { renderReport, type AuthResult, type CaseResult, type ReportMeta } from './report.js';
import { ensurePostgresDatabase } from './postgres-database.js';
import { benchAdminEnv, obtainToken, startServer } from './server-process.js';
import { summarize } from './stats.js';
import { RARE_PHRASE } from '../../server/src/scripts/seed.generator.js';
import { outputPath } from './out-path.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The server's own directory: tsx reads its tsconfig (decorators) from there, as `npm start` does.
const SERVER_DIR = join(ROOT, 'server');
const log = (message: string) => process.stderr.write(`${message}\n`);

interface Options {
  db: 'postgres' | 'pglite';
  count: number;
  duration: number;
  connections: number;
  out: string | undefined;
  url: string;
  dataDir: string;
  only: string | undefined;
  /** Whether to measure the read cases anonymously too (what authentication adds). */
  anonymous: boolean;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'postgres' },
      count: { type: 'string', default: '1000000' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '8' },
      out: { type: 'string' },
      only: { type: 'string' },
      'skip-anonymous': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: npm run bench -- [--db postgres|pglite] [--count N] [--duration S] [--connections C] [--out FILE] [--only TEXT] [--skip-anonymous]\n' +
        '  --skip-anonymous: skip the second pass over the read cases with and without the token (what authentication adds)\n' +
        '  PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench; the database is created if missing)\n' +
        '  PGlite: BENCH_DATA_DIR (default bench/.data/pglite)\n' +
        '  BENCH_SERVER_NODE_ARGS: Node options for the server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (NODE_OPTIONS refuses --cpu-prof)\n',
    );
    process.exit(0);
  }
  const num = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name}: expected a number >= ${min}, got "${raw}"`);
    return n;
  };
  if (values.db !== 'postgres' && values.db !== 'pglite') throw new Error(`--db: expected postgres or pglite, got "${values.db}"`);
  return {
    db: values.db,
    count: Math.floor(num('count', values.count, 1)),
    duration: num('duration', values.duration, 0.2),
    connections: Math.floor(num('connections', values.connections, 1)),
    out: values.out,
    only: values.only,
    anonymous: !values['skip-anonymous'],
    url: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench',
    dataDir: resolve(process.env.BENCH_DATA_DIR ?? join(ROOT, 'bench/.data/pglite')),
  };
}

function openTarget(options: Options): Promise<Database> {
  return openDatabase(
    options.db === 'postgres' ? { kind: 'postgres', url: options.url, maxConnections: 10 } : { kind: 'pglite', dataDir: options.dataDir },
  );
}

async function ticketCount(database: Database): Promise<{ count: number; maxId: number }> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  const rows =
    database.kind === 'postgres'
      ? await (client as postgres.Sql).unsafe(DATA_SET_SIZE_SQL)
      : (await (client as { query(q: string): Promise<{ rows: unknown[] }> }).query(DATA_SET_SIZE_SQL)).rows;
  const row = rows[0] as { count: number; max_id: number };
  return { count: Number(row.count), maxId: Number(row.max_id) };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: SERVER_DIR, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

function targetEnv(options: Options): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (options.db === 'postgres') env.DATABASE_URL = options.url;
  else env.DATA_DIR = options.dataDir;
  return env;
}

interface HttpResult {
  requests: number;
  errors: number;
  durationSeconds: number;
  latencies: number[];
  /** The server's CPU time per request over the run, in ms (null when not read). */
  serverCpuMs?: number | null;
}

/** `Authorization` for the benchmark's token; none for an anonymous caller. */
type Credentials = { authorization: string } | Record<string, never>;

async function drive(
  url: string,
  bench: BenchCase,
  ids: IdPicker,
  connections: number,
  seconds: number,
  credentials: Credentials,
): Promise<HttpResult> {
  const latencies: number[] = [];
  let failed = 0;
  const headers = { 'content-type': 'application/json', ...credentials };
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const r: HttpRequest = bench.request(ids);
          return { ...req, method: r.method, path: r.path, headers, ...(r.body === undefined ? {} : { body: r.body }) };
        },
        onResponse: (status: number, body: string) => {
          if (!isSuccessfulAnswer(bench, status, body)) failed += 1;
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  return {
    requests: result.requests.total,
    errors: failed + result.errors + result.timeouts,
    durationSeconds: result.duration,
    latencies,
  };
}

function warmupSeconds(duration: number): number {
  return Math.min(2, Math.max(0.3, duration * 0.2));
}

function merged(a: HttpResult, b: HttpResult): HttpResult {
  return {
    requests: a.requests + b.requests,
    errors: a.errors + b.errors,
    durationSeconds: a.durationSeconds + b.durationSeconds,
    latencies: [...a.latencies, ...b.latencies],
  };
}

/**
 * One case with the token and anonymously on the same server: both warmed up, then
 * token, anonymous, anonymous, token for half the duration each, so that drift over
 * the run (caches warming, a neighbour's load) weighs on both alike.
 */
async function withAndWithoutToken(
  url: string,
  bench: BenchCase,
  ids: IdPicker,
  connections: number,
  seconds: number,
  token: Credentials,
): Promise<{ token: HttpResult; anonymous: HttpResult }> {
  const anonymous: Credentials = {};
  await drive(url, bench, ids, connections, warmupSeconds(seconds), token);
  await drive(url, bench, ids, connections, warmupSeconds(seconds), anonymous);
  const half = seconds / 2;
  const first = await drive(url, bench, ids, connections, half, token);
  const second = await drive(url, bench, ids, connections, half, anonymous);
  const third = await drive(url, bench, ids, connections, half, anonymous);
  const fourth = await drive(url, bench, ids, connections, half, token);
  return { token: merged(first, fourth), anonymous: merged(second, third) };
}

function logHttp(label: string, bench: BenchCase, result: HttpResult): void {
  const s = summarize(result.latencies);
  log(
    `  ${label}${bench.api.padEnd(7)} ${bench.name.padEnd(24)} ${(result.requests / result.durationSeconds).toFixed(0).padStart(6)} req/s  p50 ${s.p50.toFixed(2)}  p95 ${s.p95.toFixed(2)}  p99 ${s.p99.toFixed(2)} ms  errors ${result.errors}`,
  );
}

async function main(): Promise<void> {
  const options = parseOptions();
  const loadBefore = os.loadavg();
  if (options.db === 'postgres') await ensurePostgresDatabase(options.url, log);
  else await mkdir(options.dataDir, { recursive: true });

  // Seed unless the database already holds about --count tickets (each run removes
  // what its write cases created; 1% slack keeps a data set that a patch-only
  // interruption left nearly as it was).
  let database = await openTarget(options);
  await database.migrate();
  let { count } = await ticketCount(database);
  let seedSeconds: number | null = null;
  if (Math.abs(count - options.count) > options.count * 0.01) {
    await database.close();
    log(`seeding ${options.count.toLocaleString('en')} tickets (the database has ${count.toLocaleString('en')})`);
    const t0 = Date.now();
    await run(
      process.execPath,
      ['--import', 'tsx', 'src/scripts/seed.ts', '--count', String(options.count), '--truncate'],
      targetEnv(options),
    );
    seedSeconds = (Date.now() - t0) / 1000;
    database = await openTarget(options);
  }
  const counted = await ticketCount(database);
  count = counted.count;
  const ids: IdPicker = { random: () => 1 + Math.floor(Math.random() * counted.maxId) };
  const postgresVersion =
    options.db === 'postgres'
      ? String(((await (database.db as unknown as { $client: postgres.Sql }).$client`select version() as v`)[0] as { v: string }).v)
      : null;
  // A PGlite directory serves one process: the server's turn first.
  if (options.db === 'pglite') await database.close();

  const cases = benchCases().filter((c) => !options.only || `${c.api} ${c.name}`.toLowerCase().includes(options.only.toLowerCase()));
  log(
    `benchmarking ${cases.length} cases on ${options.db} with ${count.toLocaleString('en')} tickets, ${options.connections} connections, ${options.duration}s each`,
  );

  // As in production: callers without credentials are refused (a developer's .env may
  // not say otherwise), and the first admin is created on a fresh database.
  const serverEnv = { ...targetEnv(options), ...benchAdminEnv(), ANONYMOUS_ACCESS: '' };
  const server = await startServer(serverEnv, { nodeArgs: process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) });
  const http: HttpResult[] = [];
  let peakRss: number | null;
  let token: string;
  try {
    // One token for the whole run, sent on every request, as an integrator's script does.
    token = await obtainToken(server.url);
    const credentials = { authorization: `Token ${token}` };
    for (const bench of cases) {
      await drive(server.url, bench, ids, options.connections, warmupSeconds(options.duration), credentials);
      const cpuBefore = server.cpuMs();
      const result = await drive(server.url, bench, ids, options.connections, options.duration, credentials);
      const cpuAfter = server.cpuMs();
      result.serverCpuMs =
        cpuBefore === null || cpuAfter === null || result.requests === 0 ? null : (cpuAfter - cpuBefore) / result.requests;
      http.push(result);
      logHttp('', bench, result);
    }
  } finally {
    // VmHWM is the process's peak so far: read it while the process still exists.
    peakRss = server.peakRssMiB();
    await server.stop().catch(() => {});
  }

  // The raw baseline, with the server stopped so that both had the machine to themselves.
  if (options.db === 'pglite') database = await openTarget(options);
  const client = (database.db as unknown as { $client: unknown }).$client;
  const driver: Driver =
    options.db === 'postgres' ? { kind: 'postgres', sql: client as postgres.Sql } : { kind: 'pglite', client: client as never };
  const raw: RawResult[] = [];
  const statements: number[] = [];
  try {
    // The caller the server saw: its writes record who made them.
    const actor = await resolveApiToken(database.db, token);
    if (actor === null) throw new Error('the benchmark token no longer resolves');
    for (const bench of cases) {
      const branches = await captureCase(driver, bench, ids, actor);
      statements.push(branches.reduce((n, b) => n + b.statements.length, 0));
      await replay(driver, branches, ids, options.connections, warmupSeconds(options.duration));
      const result = await replay(driver, branches, ids, options.connections, options.duration);
      raw.push(result);
      log(
        `  raw ${bench.api.padEnd(7)} ${bench.name.padEnd(24)} ${(result.requests / result.durationSeconds).toFixed(0).padStart(6)} req/s  p50 ${result.latency.p50.toFixed(2)}  p95 ${result.latency.p95.toFixed(2)} ms  errors ${result.errors}`,
      );
    }
    log('removing the tickets the write cases created');
    for (const statement of restoreDataSetStatements(counted.maxId)) {
      if (driver.kind === 'postgres') await driver.sql.unsafe(statement);
      else await driver.client.exec(statement);
    }
  } finally {
    await database.close();
  }

  // What authentication adds: the read cases (the ones ANONYMOUS_ACCESS=read allows)
  // with the same token and with none, on one server.
  const authCases = options.anonymous ? cases.filter((c) => !isWriteCase(c)) : [];
  const auth: AuthResult[] = [];
  if (authCases.length > 0) {
    log(`measuring authentication: ${authCases.length} read cases with the token and anonymously (ANONYMOUS_ACCESS=read)`);
    const anonymousServer = await startServer({ ...serverEnv, ANONYMOUS_ACCESS: 'read' });
    try {
      for (const bench of authCases) {
        const pair = await withAndWithoutToken(anonymousServer.url, bench, ids, options.connections, options.duration, {
          authorization: `Token ${token}`,
        });
        logHttp('token     ', bench, pair.token);
        logHttp('anonymous ', bench, pair.anonymous);
        auth.push({
          bench,
          token: { ...pair.token, latency: summarize(pair.token.latencies) },
          anonymous: { ...pair.anonymous, latency: summarize(pair.anonymous.latencies) },
        });
      }
    } finally {
      await anonymousServer.stop().catch(() => {});
    }
  }

  const pgliteVersion = JSON.parse(await readFile(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version as string;
  const autocannonVersion = JSON.parse(await readFile(join(ROOT, 'node_modules/autocannon/package.json'), 'utf8')).version as string;
  const results: CaseResult[] = cases.map((bench, i) => ({
    bench,
    http: { ...http[i]!, latency: summarize(http[i]!.latencies), serverCpuMs: http[i]!.serverCpuMs ?? null },
    raw: raw[i]!,
    statements: statements[i]!,
  }));
  const meta: ReportMeta = {
    date: new Date(),
    db: options.db,
    count,
    seedSeconds,
    duration: options.duration,
    connections: options.connections,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
    memoryGiB: os.totalmem() / 1024 ** 3,
    loadBefore,
    loadAfter: os.loadavg(),
    versions: {
      node: process.version,
      database: options.db === 'postgres' ? (postgresVersion ?? '').split(' on ')[0]! : `PGlite ${pgliteVersion}`,
      autocannon: autocannonVersion,
    },
    peakRssMiB: peakRss,
    terms: { common: COMMON_WORD, rare: RARE_PHRASE, short: SHORT_TERM },
  };
  const markdown = renderReport(meta, results, auth);
  const label = count >= 1_000_000 ? `${Math.round(count / 1_000_000)}m` : count >= 1000 ? `${Math.round(count / 1000)}k` : String(count);
  const out = options.out
    ? outputPath(options.out)
    : join(ROOT, 'bench/results', `${meta.date.toISOString().slice(0, 10)}-${options.db}-${label}.md`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, markdown);
  process.stdout.write(markdown);
  log(`wrote ${out}`);
}

await main().catch((error: unknown) => {
  log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
