// `npm run bench:graphql-limits -w bench -- [--seconds S] [--attackers N] [--out FILE]`
//
// Issue #10's target for hostile GraphQL documents: the 40-level fragment fan-out is
// refused in under 50 ms, and /healthz answers within 50 ms while such requests
// arrive. Starts the real server (NODE_ENV=production, an empty embedded database in
// a temporary directory, 127.0.0.1 only), probes /healthz alone first (the machine's
// own noise), then sends each hostile document (after a warm-up) from N concurrent
// loops for S seconds while one loop probes /healthz every 10 ms, and writes a
// markdown table of both latencies to bench/results/ (or --out).
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GRAPHQL_PAGE_SIZE } from '../../server/src/tickets/ticket-query.js';
import { fanOut, repeat } from '../../server/test/graphql/documents.js';
import { startServer } from './server-process.js';
import { summarize, type LatencySummary } from './stats.js';
import { outputPath } from './out-path.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET_MS = 50;

interface Case {
  name: string;
  query: string;
  /** The refusal code expected (any of them, when several limits are crossed). */
  code: string;
}

const BASELINE: Case = { name: 'none (/healthz alone)', query: '', code: '' };

const CASES: Case[] = [
  { name: "fragment fan-out, 40 levels (the issue's)", query: fanOut(40), code: 'TOO_MANY_FIELDS' },
  { name: 'fragment fan-out, 45 levels', query: fanOut(45), code: 'TOO_MANY_FIELDS' },
  {
    name: 'fan-out of fields below the root',
    query: fanOut(40, { on: 'TicketStats', leaf: 'totalTickets', root: (spread) => `stats { ${spread} }` }),
    code: 'TOO_MANY_FIELDS',
  },
  {
    name: '150 aliases of a page of descriptions',
    query: `{ tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { ${repeat(150, (i) => `a${i}: nodes { description }`)} } }`,
    code: 'DOCUMENT_TOO_LARGE',
  },
  {
    name: 'the same, spread from a fragment',
    query: `{ tickets(first: ${GRAPHQL_PAGE_SIZE.max}) { ${repeat(150, () => '...N')} } } fragment N on TicketConnection { a: nodes { description } }`,
    code: 'TOO_MANY_ALIASES',
  },
  {
    // graphql-js's OverlappingFieldsCanBeMerged compares every pair of these.
    name: 'one field repeated up to the token limit',
    query: `{ ${repeat(124, () => 'stats { totalTickets }')} }`,
    code: 'TOO_MANY_ROOT_FIELDS',
  },
  { name: '1 MB of tokens', query: `{ stats { ${repeat(75_000, () => 'totalTickets')} } }`, code: 'DOCUMENT_TOO_LARGE' },
];

interface CaseResult {
  name: string;
  bytes: number;
  refusals: LatencySummary & { count: number };
  health: LatencySummary & { count: number };
  unexpected: number;
}

function counted(latencies: number[]) {
  return { ...summarize(latencies), count: latencies.length };
}

async function runCase(url: string, bench: Case, seconds: number, attackers: number): Promise<CaseResult> {
  const body = bench.query ? JSON.stringify({ query: bench.query }) : '';
  const deadline = performance.now() + seconds * 1000;
  const refusals: number[] = [];
  const health: number[] = [];
  let unexpected = 0;
  const attack = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      refusals.push(performance.now() - t0);
      if (res.status !== 400 || !answer.errors?.some((e) => e.extensions?.code === bench.code)) unexpected += 1;
    }
  };
  const probe = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      health.push(performance.now() - t0);
      if (res.status !== 200) unexpected += 1;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  await Promise.all([probe(), ...Array.from({ length: bench.query ? attackers : 0 }, attack)]);
  return { name: bench.name, bytes: Buffer.byteLength(body), refusals: counted(refusals), health: counted(health), unexpected };
}

function render(results: CaseResult[], options: { seconds: number; attackers: number }): string {
  const ms = (n: number) => n.toFixed(1);
  const ok = (r: CaseResult) =>
    (r.refusals.count === 0 || r.refusals.p95 < TARGET_MS) && r.health.p95 < TARGET_MS && r.unexpected === 0 ? 'yes' : 'NO';
  const cell = (s: LatencySummary & { count: number }) => (s.count === 0 ? '–' : `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`);
  return [
    `# Hostile GraphQL documents: refusal and /healthz latency`,
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'} · load before ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `${options.attackers} concurrent loops per case for ${options.seconds} s, /healthz probed every 10 ms meanwhile; server in production mode, embedded database. Target (issue #10): refused in under ${TARGET_MS} ms and /healthz within ${TARGET_MS} ms, read here at the 95th percentile (the maximum includes the scheduling stalls of a shared machine: compare the first row).`,
    '',
    '| document | body | refused | refusal p50 / p95 / max (ms) | /healthz probes | /healthz p50 / p95 / max (ms) | unexpected answers | within target |',
    '|---|---:|---:|---|---:|---|---:|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.bytes.toLocaleString('en')} B | ${r.refusals.count} | ${cell(r.refusals)} | ${r.health.count} | ${cell(r.health)} | ${r.unexpected} | ${ok(r)} |`,
    ),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seconds: { type: 'string', default: '5' }, attackers: { type: 'string', default: '2' }, out: { type: 'string' } },
  });
  const seconds = Number(values.seconds);
  const attackers = Math.floor(Number(values.attackers));
  if (!(seconds > 0) || !(attackers >= 1)) throw new Error('--seconds and --attackers must be positive numbers');
  const dataDir = await mkdtemp(join(os.tmpdir(), 'bench-graphql-limits-'));
  const server = await startServer({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir });
  const results: CaseResult[] = [];
  try {
    for (const bench of [BASELINE, ...CASES]) {
      // A warm-up, discarded: the first requests of a document pay for compilation.
      await runCase(server.url, bench, Math.min(1, seconds / 5), attackers);
      const result = await runCase(server.url, bench, seconds, attackers);
      results.push(result);
      process.stderr.write(
        `  ${bench.name.padEnd(44)} refusal p95 ${result.refusals.p95.toFixed(1)} ms, /healthz max ${result.health.max.toFixed(1)} ms, unexpected ${result.unexpected}\n`,
      );
    }
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  const markdown = render(results, { seconds, attackers });
  const out = values.out
    ? outputPath(values.out)
    : join(ROOT, 'bench/results', `${new Date().toISOString().slice(0, 10)}-graphql-limits.md`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, markdown);
  process.stdout.write(markdown);
  process.stderr.write(`wrote ${out}\n`);
}

await main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
