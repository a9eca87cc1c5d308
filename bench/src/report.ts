// The benchmark's markdown report: machine, versions, and one row per case with the
// server's figures, the raw SQL baseline's, and what our stack adds; then what
// authentication adds to the read cases (with a token, and anonymously).
import { CREDENTIAL_CACHE_TTL_MS } from '../../server/src/auth/authentication.js';
import type { BenchCase } from './cases.js';
import type { RawResult } from './raw.js';
import type { LatencySummary } from './stats.js';

export interface HttpSummary {
  requests: number;
  errors: number;
  durationSeconds: number;
  latency: LatencySummary;
}

export interface CaseResult {
  bench: BenchCase;
  http: HttpSummary & { serverCpuMs: number | null };
  raw: RawResult;
  /** SQL statements the case's service calls send per request (captured for the raw baseline). */
  statements: number;
}

/** One read case on one server, sent with the benchmark's token and with no credentials (ANONYMOUS_ACCESS=read). */
export interface AuthResult {
  bench: BenchCase;
  token: HttpSummary;
  anonymous: HttpSummary;
}

/** The issue's bound: authentication adds at most this to a request's p50. */
const AUTH_ADDED_P50_TARGET_MS = 0.3;

export interface ReportMeta {
  date: Date;
  db: 'postgres' | 'pglite';
  count: number;
  seedSeconds: number | null;
  duration: number;
  connections: number;
  cpus: string;
  memoryGiB: number;
  loadBefore: number[];
  loadAfter: number[];
  versions: { node: string; database: string; autocannon: string };
  peakRssMiB: number | null;
  terms: { common: string; rare: string; short: string };
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const rate = (requests: number, seconds: number) => (seconds > 0 ? Math.round(requests / seconds).toLocaleString('en') : '–');
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

const REPORT_COLUMNS = [
  'API',
  'Case',
  'req/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'errors',
  'raw req/s',
  'raw p50',
  'raw p95',
  'added p50 ms',
  'throughput ratio',
  'server CPU ms/req',
  'statements',
  'p95 target',
] as const;

export function renderReport(meta: ReportMeta, results: CaseResult[], auth: AuthResult[]): string {
  const lines: string[] = [];
  lines.push(`# Benchmark: ${meta.db === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${meta.count.toLocaleString('en')} tickets`);
  lines.push('');
  lines.push(`- Date: ${meta.date.toISOString()}`);
  lines.push(
    `- Machine: ${meta.cpus}, ${meta.memoryGiB.toFixed(1)} GiB memory; load average (1/5/15 min) ${load(meta.loadBefore)} before, ${load(meta.loadAfter)} after`,
  );
  lines.push(`- Versions: Node ${meta.versions.node}, ${meta.versions.database}, autocannon ${meta.versions.autocannon}`);
  lines.push(
    `- Load: ${meta.connections} concurrent connections, ${meta.duration} s per case after a warm-up; the server and the raw baseline each ran alone`,
  );
  lines.push(`- Server peak RSS (VmHWM): ${meta.peakRssMiB === null ? 'not available' : `${meta.peakRssMiB.toFixed(0)} MiB`}`);
  if (meta.seedSeconds !== null) lines.push(`- Seeded for this run in ${meta.seedSeconds.toFixed(1)} s`);
  lines.push(
    `- Search terms: common word "${meta.terms.common}", rare phrase "${meta.terms.rare}", 2-character term "${meta.terms.short}"`,
  );
  lines.push('');
  lines.push(`| ${REPORT_COLUMNS.join(' | ')} |`);
  lines.push(`|${REPORT_COLUMNS.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
  for (const { bench, http, raw, statements } of results) {
    const httpRate = http.durationSeconds > 0 ? http.requests / http.durationSeconds : 0;
    const rawRate = raw.durationSeconds > 0 ? raw.requests / raw.durationSeconds : 0;
    const met = Number.isFinite(http.latency.p95) && http.latency.p95 < bench.targetP95 ? 'met' : 'missed';
    lines.push(
      `| ${[
        bench.api,
        bench.name,
        rate(http.requests, http.durationSeconds),
        ms(http.latency.p50),
        ms(http.latency.p95),
        ms(http.latency.p99),
        String(http.errors),
        rate(raw.requests, raw.durationSeconds),
        ms(raw.latency.p50),
        ms(raw.latency.p95),
        ms(http.latency.p50 - raw.latency.p50),
        rawRate > 0 ? (httpRate / rawRate).toFixed(2) : '–',
        http.serverCpuMs === null ? '–' : ms(http.serverCpuMs),
        String(statements),
        `< ${bench.targetP95} ms: ${met}`,
      ].join(' | ')} |`,
    );
  }
  lines.push('');
  lines.push(
    'Columns: latencies are per request as the client saw them; "raw" replays the SQL the server issued for the case ' +
      '(captured from the same service calls) straight through the driver at the same concurrency, with the server stopped; ' +
      '"added p50" is server p50 − raw p50; "throughput ratio" is server req/s ÷ raw req/s; "server CPU ms/req" is the ' +
      "server process's CPU time (user + system, from /proc) over the run divided by its requests, which a busy machine's " +
      'waits do not inflate; "statements" are the SQL statements the replayed service calls send per request. Errors count ' +
      'non-2xx answers, GraphQL errors or userErrors, and socket errors.',
  );
  lines.push('');
  if (auth.length > 0) lines.push(...renderAuth(auth));
  return lines.join('\n');
}

const AUTH_COLUMNS = [
  'API',
  'Case',
  'token p50 ms',
  'anonymous p50 ms',
  'authentication adds to p50 ms',
  'token p95 ms',
  'anonymous p95 ms',
  'token req/s',
  'anonymous req/s',
  'errors',
  'target',
] as const;

function renderAuth(auth: AuthResult[]): string[] {
  const lines = ['## Authentication', ''];
  lines.push(`| ${AUTH_COLUMNS.join(' | ')} |`);
  lines.push(`|${AUTH_COLUMNS.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
  for (const { bench, token, anonymous } of auth) {
    const added = token.latency.p50 - anonymous.latency.p50;
    const met = Number.isFinite(added) && added <= AUTH_ADDED_P50_TARGET_MS ? 'met' : 'missed';
    lines.push(
      `| ${[
        bench.api,
        bench.name,
        ms(token.latency.p50),
        ms(anonymous.latency.p50),
        ms(added),
        ms(token.latency.p95),
        ms(anonymous.latency.p95),
        rate(token.requests, token.durationSeconds),
        rate(anonymous.requests, anonymous.durationSeconds),
        String(token.errors + anonymous.errors),
        `≤ ${AUTH_ADDED_P50_TARGET_MS} ms: ${met}`,
      ].join(' | ')} |`,
    );
  }
  lines.push('');
  lines.push(
    "The read cases again, on a second server started with ANONYMOUS_ACCESS=read: each sent with the benchmark's token " +
      '(`Authorization: Token …`, as in the table above) and with no credentials, alternating token, anonymous, anonymous, ' +
      'token for half the duration each after a warm-up of both, so that drift during the run weighs on both alike. ' +
      '"authentication adds" is token p50 − anonymous p50: what resolving the token costs a request (the server caches a lookup ' +
      `for ${CREDENTIAL_CACHE_TTL_MS} ms, so most requests find it cached, as they would in production).`,
  );
  lines.push('');
  return lines;
}
