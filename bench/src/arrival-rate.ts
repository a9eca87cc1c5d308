// `npm run bench:rate -w bench -- [--rate R] [--duration S] [--only TEXT] [--out FILE]`
//
// Latency at a given load rather than at saturation. `npm run bench` keeps 8
// connections busy (the issues' targets are defined that way): each answer is followed
// at once by the next request, so on a 2-core machine that also runs PostgreSQL and the
// load generator, its percentiles mostly measure the queue in front of the CPUs. Here
// requests arrive on their own schedule, R per second on average at random (Poisson)
// instants, whether or not earlier ones have been answered, as a team's clients send
// them; each latency is from sending the request to the answer's last byte.
//
// Runs the same cases (cases.ts) against the real server on the benchmark's PostgreSQL
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/bench), which must
// already be seeded (`npm run bench` seeds it); the tickets the write cases create are
// removed at the end, as `npm run bench` does.
import http from 'node:http';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { benchCases, isSuccessfulAnswer, isWriteCase, type BenchCase, type IdPicker } from './cases.js';
import { DATA_SET_SIZE_SQL, restoreDataSetStatements } from './data-set.js';
import { outputPath } from './out-path.js';
import { benchAdminEnv, obtainToken, startServer } from './server-process.js';
import { summarize, type LatencySummary } from './stats.js';

const log = (message: string) => process.stderr.write(`${message}\n`);
const WARM_UP_REQUESTS = 50;

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    only: { type: 'string' },
    out: { type: 'string' },
  },
});
const rate = Number(values.rate);
const duration = Number(values.duration);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench';

interface Answer {
  ms: number;
  ok: boolean;
}

interface RateResult {
  bench: BenchCase;
  sent: number;
  errors: number;
  latency: LatencySummary;
  /** Most requests waiting for their answer at once. */
  maxInFlight: number;
  serverCpuMs: number | null;
}

/** One request on a keep-alive connection; a refused or broken one counts as an error, never as a latency. */
function send(agent: http.Agent, base: URL, bench: BenchCase, ids: IdPicker, authorization: string): Promise<Answer> {
  const request = bench.request(ids);
  return new Promise((done) => {
    const started = performance.now();
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        agent,
        method: request.method,
        path: request.path,
        headers: { authorization, 'content-type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done({ ms: performance.now() - started, ok: isSuccessfulAnswer(bench, res.statusCode ?? 0, body) }));
        res.on('error', () => done({ ms: NaN, ok: false }));
      },
    );
    req.on('error', () => done({ ms: NaN, ok: false }));
    req.end(request.body);
  });
}

/** Leaves the data set as it was found (data-set.ts). */
async function removeTicketsAfter(maxId: number): Promise<void> {
  log('removing the tickets the write cases created');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const statement of restoreDataSetStatements(maxId)) await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Poisson arrivals at `rate` per second for `seconds`: the gaps are exponentially distributed. */
async function atRate(seconds: number, fire: () => Promise<void>): Promise<number> {
  const pending: Promise<void>[] = [];
  const end = performance.now() + seconds * 1000;
  let next = performance.now();
  for (;;) {
    next += (-Math.log(1 - Math.random()) * 1000) / rate;
    if (next >= end) break;
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(fire());
  }
  await Promise.all(pending);
  return pending.length;
}

async function main(): Promise<void> {
  if (!(rate > 0 && rate <= 1000) || !(duration > 0 && duration <= 600)) {
    throw new Error('--rate must be in (0, 1000] requests per second and --duration in (0, 600] seconds');
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  let maxId: number;
  let count: number;
  let postgresVersion: string;
  try {
    const [size] = await sql.unsafe<{ count: number; max_id: number }[]>(DATA_SET_SIZE_SQL);
    const [server] = await sql<{ version: string }[]>`select version() as version`;
    ({ count, max_id: maxId } = size!);
    postgresVersion = server!.version;
  } finally {
    await sql.end();
  }
  if (count < 1000) throw new Error(`${url} holds ${count} tickets: seed it first (npm run bench -w bench seeds it)`);
  const ids: IdPicker = { random: () => 1 + Math.floor(Math.random() * maxId) };
  const cases = benchCases().filter((c) => !values.only || `${c.api} ${c.name}`.toLowerCase().includes(values.only.toLowerCase()));
  log(`${cases.length} cases at ${rate} requests/s for ${duration} s each, ${count.toLocaleString('en')} tickets`);

  const loadBefore = os.loadavg();
  const server = await startServer({ ...process.env, DATABASE_URL: url, DATA_DIR: '', ...benchAdminEnv(), ANONYMOUS_ACCESS: '' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const results: RateResult[] = [];
  try {
    const authorization = `Token ${await obtainToken(server.url)}`;
    const base = new URL(server.url);
    for (const bench of cases) {
      for (let i = 0; i < WARM_UP_REQUESTS; i++) await send(agent, base, bench, ids, authorization);
      const latencies: number[] = [];
      let errors = 0;
      let inFlight = 0;
      let maxInFlight = 0;
      const cpuBefore = server.cpuMs();
      const sent = await atRate(duration, async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const answer = await send(agent, base, bench, ids, authorization);
        inFlight -= 1;
        if (answer.ok) latencies.push(answer.ms);
        else errors += 1;
      });
      const cpuAfter = server.cpuMs();
      const result: RateResult = {
        bench,
        sent,
        errors,
        latency: summarize(latencies),
        maxInFlight,
        serverCpuMs: cpuBefore === null || cpuAfter === null || sent === 0 ? null : (cpuAfter - cpuBefore) / sent,
      };
      results.push(result);
      log(
        `  ${bench.api.padEnd(7)} ${bench.name.padEnd(24)} ${sent} sent  p50 ${result.latency.p50.toFixed(2)}  p95 ${result.latency.p95.toFixed(2)} ms  errors ${errors}`,
      );
    }
  } finally {
    agent.destroy();
    await server.stop().catch(() => {});
    // Also after a failed case: the next run's newest-first reads should see the seeded data.
    if (cases.some(isWriteCase)) await removeTicketsAfter(maxId);
  }

  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
  const report = [
    `# Benchmark: latency at ${rate} requests/s, PostgreSQL, ${count.toLocaleString('en')} tickets`,
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; load average (1/5/15 min) ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} before, ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} after`,
    `- Versions: Node ${process.version}, ${postgresVersion.split(' on ')[0]}`,
    `- Load: requests arrive at random (Poisson) instants, ${rate} per second on average, for ${duration} s per case after ${WARM_UP_REQUESTS} requests one at a time; one API token; keep-alive connections opened as needed`,
    '',
    '| API | Case | requests | p50 ms | p95 ms | p99 ms | max ms | errors | most in flight | server CPU ms/req | p95 target (defined at 8 busy connections) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.bench.api} | ${r.bench.name} | ${r.sent.toLocaleString('en')} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p95)} | ${fmt(r.latency.p99)} | ${fmt(r.latency.max)} | ${r.errors} | ${r.maxInFlight} | ${r.serverCpuMs === null ? '–' : r.serverCpuMs.toFixed(2)} | < ${r.bench.targetP95} ms: ${r.latency.p95 < r.bench.targetP95 ? 'under' : 'over'} |`,
    ),
    '',
    'Latencies are from sending a request to its answer’s last byte, as the client saw them, for the answers that succeeded (a 2xx, and for GraphQL no errors or userErrors); errors are the others. “Most in flight” is the largest number of requests waiting for an answer at one time. Server CPU is the server process’s CPU time (user + system, from /proc) over the case divided by its requests.',
    '',
  ].join('\n');
  if (values.out) {
    await writeFile(outputPath(values.out), report);
    log(`wrote ${values.out}`);
  } else process.stdout.write(report);
}

main().catch((error: unknown) => {
  log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
