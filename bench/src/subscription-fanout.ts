// `npm run bench:fanout -w bench -- [--subscribers N] [--rate R] [--duration S] [--tickets T] [--profile FILE] [--out FILE]`
//
// Issue #16's target for live updates: 200 connected subscribers, 50 ticket changes a
// second for 30 s, p95 from commit to client under 250 ms; and the memory an idle
// connection costs. On one machine, 127.0.0.1 only:
//
// - a PostgreSQL database of its own (BENCH_FANOUT_DATABASE_URL, default
//   postgres://postgres@127.0.0.1:5432/bench_fanout; created and seeded with --tickets
//   tickets when it does not hold about that many);
// - the real server as a child process in production mode (server-process.ts), with
//   `--inspect` on 127.0.0.1 so that its heap can be read after a full collection
//   (inspector-client.ts; no session is attached while the changes are timed, unless
//   --profile asks for a CPU profile of that stretch);
// - the subscribers in another child process (fanout-clients.ts): N WebSockets, each
//   subscribed to the web app's live list document (TicketsLive, with the __typename
//   fields Apollo Client adds), each timing every message it receives;
// - this process drives the changes: at R per second (open loop, each on its own
//   schedule whether or not earlier ones have answered), a PATCH of one ticket's
//   priority over the REST API with the benchmark admin's token, each a different
//   ticket, so each is one commit with one history event.
//
// Commit time: PostgreSQL announces each commit on TICKET_EVENTS_CHANNEL once it is
// durable, to every listener at once; this process listens too, and the moment it hears
// a commit is the commit time counted (a little after the true one: never earlier).
// Beside it, an upper bound that no scheduling can shrink: the event's `at` in the
// database, now() of the transaction that wrote the change, i.e. its start (the
// transaction's own work and the WAL flush come after it). The clients' clock, ours and
// PostgreSQL's are the same machine's CLOCK_REALTIME; the report checks it by
// bracketing clock_timestamp() between two readings of ours.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Kind, print, visit, type DocumentNode, type FieldNode } from 'graphql';
import postgres from 'postgres';
import { openDatabase } from '../../server/src/db/client.js';
import { TICKET_EVENTS_CHANNEL } from '../../server/src/live/ticket-activity.enums.js';
import { TicketsLiveDocument } from '../../web/src/gql/graphql.js';
import type { FromClients, ToClients } from './fanout-clients.js';
import { attachInspector, type ServerMemory } from './inspector-client.js';
import { outputPath } from './out-path.js';
import { ensurePostgresDatabase } from './postgres-database.js';
import { benchAdminEnv, freePort, obtainToken, startServer, type RunningServer } from './server-process.js';
import { summarize, type LatencySummary } from './stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_DIR = join(ROOT, 'server');
const TARGET_P95_MS = 250;
/** Subscribers connected first: what they cost includes what the first connections warm up once; the rest are the per-connection figure. */
const FIRST_SUBSCRIBERS = 10;
const WARM_UP_SECONDS = 3;
/** How long after the last write's answer every subscriber has to have everything; what is still missing then is lost. */
const DRAIN_MS = 15_000;
/** Changes made, at most, to prove that freshly opened subscribers are subscribed, and how long each may take to reach them. */
const PROOF_ATTEMPTS = 5;
const PROOF_WAIT_MS = 3_000;
const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
const log = (message: string) => process.stderr.write(`${message}\n`);

interface Options {
  subscribers: number;
  rate: number;
  duration: number;
  tickets: number;
  url: string;
  profile: string | undefined;
  out: string | undefined;
}

/** Changes a run makes, each to a ticket of its own: the first, the proofs, the warm-up and the timed ones. */
function changesNeeded(options: { rate: number; duration: number }): number {
  return 1 + 2 * PROOF_ATTEMPTS + Math.round(options.rate * WARM_UP_SECONDS) + Math.round(options.rate * options.duration);
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '200' },
      rate: { type: 'string', default: '50' },
      duration: { type: 'string', default: '30' },
      tickets: { type: 'string', default: '3000' },
      profile: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const num = (name: string, value: string, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name}: expected a number from ${min} to ${max}, got "${value}"`);
    return n;
  };
  const options: Options = {
    subscribers: Math.floor(num('subscribers', values.subscribers, FIRST_SUBSCRIBERS + 1, 5_000)),
    rate: num('rate', values.rate, 0.5, 1_000),
    duration: num('duration', values.duration, 1, 300),
    tickets: Math.floor(num('tickets', values.tickets, 100, 1_000_000)),
    url: process.env.BENCH_FANOUT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_fanout',
    profile: values.profile === undefined ? undefined : outputPath(values.profile),
    out: values.out === undefined ? undefined : outputPath(values.out),
  };
  const writes = changesNeeded(options);
  if (writes > options.tickets)
    throw new Error(`--tickets: ${writes} writes need as many tickets (one change per ticket), got ${options.tickets}`);
  return options;
}

/** The document as Apollo Client sends it: `__typename` added to every selection set below the operation's. */
function asApolloSends(document: DocumentNode): string {
  const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
  return print(
    visit(document, {
      SelectionSet(node, _key, parent) {
        if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
        return { ...node, selections: [...node.selections, typename] };
      },
    }),
  );
}

// ---- the subscribers' process ---------------------------------------------------------

interface Clients {
  request<T extends FromClients['type']>(message: ToClients, answer: T): Promise<Extract<FromClients, { type: T }>>;
  tell(message: ToClients): void;
  close(): Promise<void>;
}

function startClients(): Clients {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/src/fanout-clients.ts')], {
    cwd: join(ROOT, 'bench'),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const waiting: { answer: string; resolve: (message: FromClients) => void; reject: (error: Error) => void }[] = [];
  child.on('message', (raw: unknown) => {
    const message = raw as FromClients;
    if (message.type === 'failed') {
      for (const w of waiting.splice(0)) w.reject(new Error(`subscribers: ${message.message}`));
      return;
    }
    const index = waiting.findIndex((w) => w.answer === message.type);
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(message);
  });
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`the subscribers' process exited (${code})`));
  });
  return {
    request<T extends FromClients['type']>(message: ToClients, answer: T) {
      return new Promise<Extract<FromClients, { type: T }>>((resolvePromise, reject) => {
        waiting.push({ answer, resolve: resolvePromise as (message: FromClients) => void, reject });
        child.send(message);
      });
    },
    tell(message) {
      child.send(message);
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ type: 'close' } satisfies ToClients);
      await exited;
    },
  };
}

/** Resolves once every subscriber has received at least `target[i]` activities; else, after `withinMs`, with those still short. */
async function untilReceived(clients: Clients, target: readonly number[], withinMs: number): Promise<number[]> {
  const deadline = performance.now() + withinMs;
  for (;;) {
    const { received } = await clients.request({ type: 'counts' }, 'counts');
    const short = target.flatMap((t, i) => ((received[i] ?? 0) < t ? [i] : []));
    if (short.length === 0 || performance.now() > deadline) return short;
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ---- the writes -------------------------------------------------------------------------

interface TicketToChange {
  id: number;
  priority: string;
}

interface Write {
  ticketId: number;
  /** When it was due, sent and answered: epoch ms of this process's clock. */
  dueAt: number;
  sentAt: number;
  answeredAt: number;
  status: number;
}

const clock = () => performance.timeOrigin + performance.now();

async function changePriority(url: string, authorization: string, ticket: TicketToChange, dueAt: number): Promise<Write> {
  const priority = PRIORITIES[(PRIORITIES.indexOf(ticket.priority as (typeof PRIORITIES)[number]) + 1) % PRIORITIES.length]!;
  const sentAt = clock();
  let status = 0;
  try {
    const res = await fetch(`${url}/api/tickets/${ticket.id}/`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ priority }),
    });
    await res.arrayBuffer();
    status = res.status;
    if (res.ok) ticket.priority = priority;
  } catch {
    // Not answered (the connection failed): counted with status 0.
  }
  return { ticketId: ticket.id, dueAt, sentAt, answeredAt: clock(), status };
}

/** `rate` changes a second for `seconds`, each sent on its own schedule (open loop), each to the next ticket of `tickets`. */
async function drive(url: string, authorization: string, tickets: TicketToChange[], rate: number, seconds: number): Promise<Write[]> {
  const total = Math.round(rate * seconds);
  const start = clock();
  const writes: Promise<Write>[] = [];
  for (let i = 0; i < total; i += 1) {
    const dueAt = start + (i * 1000) / rate;
    const wait = dueAt - clock();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    writes.push(changePriority(url, authorization, tickets.shift()!, dueAt));
  }
  return Promise.all(writes);
}

// ---- the database -----------------------------------------------------------------------

function runSeed(url: string, count: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
    delete env.DATA_DIR;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/scripts/seed.ts', '--count', String(count), '--truncate'], {
      cwd: SERVER_DIR,
      env,
      stdio: ['ignore', process.stderr, 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`seed exited with ${code}`))));
  });
}

/** How far PostgreSQL's clock_timestamp() falls outside the interval of two readings of ours around it (0: inside, every time). */
async function clockCheck(sql: postgres.Sql): Promise<{ outsideMs: number; roundTripMs: number }> {
  let outsideMs = 0;
  let roundTripMs = Infinity;
  for (let i = 0; i < 20; i += 1) {
    const before = clock();
    const [row] = await sql<{ ms: number }[]>`select extract(epoch from clock_timestamp())::float8 * 1000 as ms`;
    const after = clock();
    const pg = Number(row!.ms);
    outsideMs = Math.max(outsideMs, before - pg, pg - after);
    roundTripMs = Math.min(roundTripMs, after - before);
  }
  return { outsideMs: Math.max(0, outsideMs), roundTripMs };
}

/** The commits since `afterEventId`: each one's last event id, and its transaction's now() as epoch ms (µs resolution). */
async function commitsSince(sql: postgres.Sql, afterEventId: number): Promise<Map<number, number>> {
  const rows = await sql<{ id: string; at_ms: number }[]>`
    select max(id)::text as id, extract(epoch from at)::float8 * 1000 as at_ms
    from ticket_events where id > ${afterEventId} group by ticket_id, at`;
  return new Map(rows.map((r) => [Number(r.id), Number(r.at_ms)]));
}

function counted(values: number[]): LatencySummary & { count: number } {
  return { ...summarize(values), count: values.length };
}

async function lastEventId(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ id: string }[]>`select coalesce(max(id), 0)::text as id from ticket_events`;
  return Number(row!.id);
}

// ---- the run ------------------------------------------------------------------------------

interface Figures {
  options: Options;
  postgresVersion: string;
  seededSeconds: number | null;
  ticketCount: number;
  clock: { outsideMs: number; roundTripMs: number; clientSkewMs: number };
  load: { start: number[]; run: number[]; end: number[] };
  memory: { none: ServerMemory; first: ServerMemory; all: ServerMemory; afterRun: ServerMemory };
  writes: Write[];
  commits: number;
  expected: number;
  delivered: number;
  duplicates: number;
  unknown: number;
  errors: number;
  closeCodes: number[];
  /** From the commit (heard announced) to the client: the target's figure. */
  latency: LatencySummary & { count: number };
  /** From the transaction's start (`at`) to the client: the upper bound. */
  fromStart: LatencySummary & { count: number };
  /** From the transaction's start to its commit being heard, per commit. */
  startToCommit: LatencySummary & { count: number };
  unheard: number;
  windows: { from: number; to: number; latency: LatencySummary & { count: number } }[];
  writeLatency: LatencySummary;
  scheduleLagMs: number;
  serverCpuMs: number | null;
  serverPeakRssMiB: number | null;
  clientCpuMs: number;
  clientEventLoopUtilization: number;
  runSeconds: number;
  drainMs: number;
}

async function measure(options: Options): Promise<Figures> {
  const loadStart = os.loadavg();
  await ensurePostgresDatabase(options.url, log);
  const sql = postgres(options.url, { max: 2, onnotice: () => {} });
  try {
    // The server migrates at start; the seed needs the tables first.
    const migrating = await openDatabase({ kind: 'postgres', url: options.url, maxConnections: 1 });
    await migrating.migrate();
    await migrating.close();
    let [{ n: ticketCount } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from tickets`;
    let seededSeconds: number | null = null;
    if (Math.abs(ticketCount - options.tickets) > options.tickets * 0.01) {
      log(`seeding ${options.tickets} tickets (the database has ${ticketCount})`);
      const t0 = performance.now();
      await runSeed(options.url, options.tickets);
      seededSeconds = (performance.now() - t0) / 1000;
      [{ n: ticketCount } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from tickets`;
    }
    const [{ v: postgresVersion } = { v: '?' }] = await sql<{ v: string }[]>`select version() as v`;
    const clockFigures = await clockCheck(sql);
    const writesNeeded = changesNeeded(options);
    const tickets = (
      await sql<{ id: number; priority: string }[]>`select id, priority from tickets order by random() limit ${writesNeeded}`
    ).map((t) => ({ id: Number(t.id), priority: t.priority }));

    const inspectPort = await freePort();
    // As in production: no anonymous access, and the first admin created on a fresh database.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: options.url,
      ...benchAdminEnv(),
      ANONYMOUS_ACCESS: '',
      LIVE_MAX_CONNECTIONS: String(Math.max(1_000, options.subscribers + 10)),
    };
    delete env.DATA_DIR;
    const server: RunningServer = await startServer(env, { nodeArgs: [`--inspect=127.0.0.1:${inspectPort}`] });
    const clients = startClients();
    try {
      const authorization = `Token ${await obtainToken(server.url)}`;
      const query = asApolloSends(TicketsLiveDocument);
      const wsUrl = `${server.url.replace('http://', 'ws://')}/graphql`;
      // One change before anything is measured: the write path warmed, as it is during the run.
      await changePriority(server.url, authorization, tickets.shift()!, clock());

      const inspector = await attachInspector(inspectPort);
      const memoryNone = await inspector.memoryAfterGc();
      /** Opens `count` subscribers and proves every one is subscribed: a change reaches all of them. */
      const openAndProve = async (count: number) => {
        await clients.request({ type: 'open', url: wsUrl, authorization, count, query, operationName: 'TicketsLive' }, 'opened');
        // The subscribe messages are sent; the server sets their subscriptions up a moment
        // later. A change that reaches every subscriber proves they all are; one that
        // came too early for some is followed by another.
        const { received } = await clients.request({ type: 'counts' }, 'counts');
        for (let attempt = 1; ; attempt += 1) {
          await changePriority(server.url, authorization, tickets.shift()!, clock());
          const short = await untilReceived(
            clients,
            received.map((n) => n + 1),
            PROOF_WAIT_MS,
          );
          if (short.length === 0) return;
          if (attempt === PROOF_ATTEMPTS) throw new Error(`${short.length} subscribers received none of ${attempt} changes`);
        }
      };
      log(`opening ${FIRST_SUBSCRIBERS} subscribers, then ${options.subscribers - FIRST_SUBSCRIBERS} more`);
      await openAndProve(FIRST_SUBSCRIBERS);
      const memoryFirst = await inspector.memoryAfterGc();
      await openAndProve(options.subscribers - FIRST_SUBSCRIBERS);
      const memoryAll = await inspector.memoryAfterGc();
      if (!options.profile) await inspector.close();

      log(`warming up: ${options.rate}/s for ${WARM_UP_SECONDS} s`);
      const beforeWarmUp = await lastEventId(sql);
      const { received: atWarmUp } = await clients.request({ type: 'counts' }, 'counts');
      await drive(server.url, authorization, tickets, options.rate, WARM_UP_SECONDS);
      const warmUpCommits = (await commitsSince(sql, beforeWarmUp)).size;
      await untilReceived(
        clients,
        atWarmUp.map((n) => n + warmUpCommits),
        DRAIN_MS,
      );

      const since = await lastEventId(sql);
      // Commits as PostgreSQL announces them, heard here (payload: ticket_id, first_event_id, last_event_id).
      const heard = new Map<number, number>();
      const listening = await sql.listen(TICKET_EVENTS_CHANNEL, (payload) => {
        const at = clock();
        heard.set(Number((JSON.parse(payload) as { last_event_id: number }).last_event_id), at);
      });
      const { received: atStart } = await clients.request({ type: 'counts' }, 'counts');
      clients.tell({ type: 'mark' });
      const loadRun = os.loadavg();
      const cpuBefore = server.cpuMs();
      if (options.profile) await inspector.startProfile();
      log(`measuring: ${options.rate}/s for ${options.duration} s to ${options.subscribers} subscribers`);
      const runStart = clock();
      const writes = await drive(server.url, authorization, tickets, options.rate, options.duration);
      const drainStart = clock();
      const runSeconds = (drainStart - runStart) / 1000;
      const commits = await commitsSince(sql, since);
      await untilReceived(
        clients,
        atStart.map((n) => n + commits.size),
        DRAIN_MS,
      );
      const drainMs = clock() - drainStart;
      await listening.unlisten();
      const cpuAfter = server.cpuMs();
      if (options.profile) {
        await mkdir(dirname(options.profile), { recursive: true });
        await writeFile(options.profile, await inspector.stopProfile());
        await inspector.close();
        log(`wrote ${options.profile}`);
      }
      const records = await clients.request({ type: 'collect' }, 'records');
      const afterRunInspector = await attachInspector(inspectPort);
      const memoryAfterRun = await afterRunInspector.memoryAfterGc();
      await afterRunInspector.close();

      // Each message against its commit: latency, and who got what.
      const seen = new Set<number>();
      const latencies: number[] = [];
      const fromStart: number[] = [];
      const byWindow = new Map<number, number[]>();
      let duplicates = 0;
      let unknown = 0;
      for (let i = 0; i < records.eventId.length; i += 1) {
        const eventId = records.eventId[i]!;
        const at = commits.get(eventId);
        if (at === undefined) {
          if (eventId > since) unknown += 1;
          continue;
        }
        const key = eventId * 10_000 + records.subscriber[i]!;
        if (seen.has(key)) {
          duplicates += 1;
          continue;
        }
        seen.add(key);
        fromStart.push(records.receivedAt[i]! - at);
        const committed = heard.get(eventId);
        if (committed === undefined) continue;
        const latency = records.receivedAt[i]! - committed;
        latencies.push(latency);
        const window = Math.floor((at - runStart) / 5_000);
        if (!byWindow.has(window)) byWindow.set(window, []);
        byWindow.get(window)!.push(latency);
      }
      const successes = writes.filter((w) => w.status >= 200 && w.status < 300);
      return {
        options,
        postgresVersion,
        seededSeconds,
        ticketCount,
        clock: { ...clockFigures, clientSkewMs: records.clockSkewMs },
        load: { start: loadStart, run: loadRun, end: os.loadavg() },
        memory: { none: memoryNone, first: memoryFirst, all: memoryAll, afterRun: memoryAfterRun },
        writes,
        commits: commits.size,
        expected: commits.size * options.subscribers,
        delivered: seen.size,
        duplicates,
        unknown,
        errors: records.errors,
        closeCodes: records.closeCodes,
        latency: counted(latencies),
        fromStart: counted(fromStart),
        startToCommit: counted([...commits].flatMap(([id, at]) => (heard.has(id) ? [heard.get(id)! - at] : []))),
        unheard: [...commits.keys()].filter((id) => !heard.has(id)).length,
        windows: [...byWindow.entries()]
          .sort(([a], [b]) => a - b)
          .map(([w, values]) => ({ from: w * 5, to: w * 5 + 5, latency: counted(values) })),
        writeLatency: summarize(successes.map((w) => w.answeredAt - w.sentAt)),
        scheduleLagMs: Math.max(0, ...writes.map((w) => w.sentAt - w.dueAt)),
        serverCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
        serverPeakRssMiB: server.peakRssMiB(),
        clientCpuMs: records.cpuMs,
        clientEventLoopUtilization: records.eventLoopUtilization,
        runSeconds,
        drainMs,
      };
    } finally {
      await clients.close();
      await server.stop();
    }
  } finally {
    await sql.end();
  }
}

// ---- the report ---------------------------------------------------------------------------

function render(f: Figures): string {
  const ms = (n: number) => n.toFixed(1);
  const mib = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const o = f.options;
  const ok = f.writes.filter((w) => w.status >= 200 && w.status < 300).length;
  const lost = f.expected - f.delivered;
  const met = f.latency.p95 < TARGET_P95_MS && lost === 0 && f.errors === 0;
  const n = o.subscribers - FIRST_SUBSCRIBERS;
  const per = (key: keyof ServerMemory) => (f.memory.all[key] - f.memory.first[key]) / n;
  const memoryRow = (label: string, m: ServerMemory) =>
    `| ${label} | ${mib(m.rss)} | ${mib(m.heapUsed)} | ${mib(m.heapTotal)} | ${mib(m.external)} |`;
  const cpuShare = f.serverCpuMs === null ? '–' : `${((f.serverCpuMs / (f.runSeconds * 1000)) * 100).toFixed(0)} % of one core`;
  return [
    '# Subscription fan-out: commit to client, and memory per idle connection',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; ${f.postgresVersion.split(' on ')[0]} on 127.0.0.1 (same machine)`,
    `- Load average (1 / 5 / 15 min): ${loads(f.load.start)} at start, ${loads(f.load.run)} when the timed changes began, ${loads(f.load.end)} at the end`,
    `- \`npm run bench:fanout -w bench -- --subscribers ${o.subscribers} --rate ${o.rate} --duration ${o.duration}\`: ${f.ticketCount.toLocaleString('en')} tickets${f.seededSeconds === null ? '' : ` (seeded in ${f.seededSeconds.toFixed(1)} s)`}; the server in production mode, one process; ${o.subscribers} subscribers in a separate process, each its own WebSocket with the web app's TicketsLive subscription (as Apollo Client sends it) and the benchmark admin's token in connection_init; ${o.rate} priority changes a second (REST PATCH, open loop, each a different ticket) for ${o.duration} s after ${WARM_UP_SECONDS} s of warm-up${o.profile ? '; a CPU profile of the server was recorded during the timed changes (it slows the server a little)' : ''}`,
    `- Target (issue #16): p95 from commit to client < ${TARGET_P95_MS} ms, every subscriber told of every change: **${met ? 'met' : 'missed'}** (p95 ${f.latency.p95.toFixed(1)} ms from the commit; ${f.fromStart.p95.toFixed(1)} ms from the transaction's start)`,
    '',
    '## Commit to client',
    '',
    '| measured from | messages | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|',
    `| **the commit** (announced by PostgreSQL, heard by the benchmark) | ${f.latency.count.toLocaleString('en')} | ${ms(f.latency.p50)} | **${ms(f.latency.p95)}** | ${ms(f.latency.p99)} | ${ms(f.latency.max)} |`,
    `| the transaction's start (\`at\`): an upper bound | ${f.fromStart.count.toLocaleString('en')} | ${ms(f.fromStart.p50)} | ${ms(f.fromStart.p95)} | ${ms(f.fromStart.p99)} | ${ms(f.fromStart.max)} |`,
    '',
    `Between the two, per commit, the transaction's own work, its commit (the WAL flush) and the announcement: p50 ${ms(f.startToCommit.p50)} / p95 ${ms(f.startToCommit.p95)} / max ${ms(f.startToCommit.max)} ms over ${f.startToCommit.count} commits${f.unheard ? ` (${f.unheard} commits not heard: their messages are only in the second row)` : ''}. The PATCH that made each change was answered in p50 ${ms(f.writeLatency.p50)} / p95 ${ms(f.writeLatency.p95)} / max ${ms(f.writeLatency.max)} ms.`,
    '',
    'From the commit, by when the change was made (5-s windows of the run: a backlog building up would show as a rising p95):',
    '',
    '| seconds | messages | p50 ms | p95 ms | max ms |',
    '|---|---:|---:|---:|---:|',
    ...f.windows.map(
      (w) => `| ${w.from}–${w.to} | ${w.latency.count} | ${ms(w.latency.p50)} | ${ms(w.latency.p95)} | ${ms(w.latency.max)} |`,
    ),
    '',
    `Clocks: each message is timed on receipt in the subscribers' process (\`performance.timeOrigin + performance.now()\`, first thing in the socket's message handler). The commit is when this process, listening on \`${TICKET_EVENTS_CHANNEL}\` as the server does, heard PostgreSQL announce it: PostgreSQL notifies its listeners once the commit is durable, all at once, so that is never before the commit (by how much after is the announcement's delivery, which the server waits for too). The transaction's start is the event's \`at\` (PostgreSQL's now(), read back after the run): nothing can make it late. All three clocks are this machine's CLOCK_REALTIME: over 20 round trips PostgreSQL's clock_timestamp() fell ${f.clock.outsideMs === 0 ? 'every time between' : `at most ${f.clock.outsideMs.toFixed(3)} ms outside`} two readings of ours around it (shortest round trip ${f.clock.roundTripMs.toFixed(2)} ms), and the subscribers' µs clock was ${f.clock.clientSkewMs.toFixed(2)} ms from their Date.now() at the end.`,
    '',
    '## Delivery',
    '',
    `- Changes: ${f.writes.length} sent, ${ok} answered 2xx, ${f.commits} commits with events in the database; the driver's schedule fell at most ${ms(f.scheduleLagMs)} ms behind; ${f.runSeconds.toFixed(1)} s`,
    `- Messages: ${f.expected.toLocaleString('en')} expected (${f.commits} commits × ${o.subscribers} subscribers), ${f.delivered.toLocaleString('en')} delivered, **${lost} lost**, ${f.duplicates} duplicated, ${f.unknown} naming no commit of the run, ${f.errors} with errors; ${f.closeCodes.length} connections closed by the server${f.closeCodes.length ? ` (codes ${[...new Set(f.closeCodes)].join(', ')})` : ''}; everything had arrived ${ms(f.drainMs)} ms after the last write's answer${lost > 0 ? ` (gave up after ${DRAIN_MS / 1000} s)` : ''}`,
    `- CPU during the timed changes: server ${f.serverCpuMs === null ? '–' : `${Math.round(f.serverCpuMs)} ms (${cpuShare})`}; subscribers' process ${Math.round(f.clientCpuMs)} ms, event loop busy ${(f.clientEventLoopUtilization * 100).toFixed(0)} % of the time (it kept up: its own queueing is part of the latency)`,
    '',
    '## Memory of the server',
    '',
    "After a full garbage collection (through the inspector), `process.memoryUsage()` in the server. Each step's subscribers are connected, subscribed and idle, and each was proven subscribed by a change it received.",
    '',
    '| state | RSS MiB | heap used MiB | heap total MiB | external MiB |',
    '|---|---:|---:|---:|---:|',
    memoryRow('started, token obtained, one change made, no live connection', f.memory.none),
    memoryRow(`${FIRST_SUBSCRIBERS} subscribers`, f.memory.first),
    memoryRow(`${o.subscribers} subscribers`, f.memory.all),
    memoryRow(`${o.subscribers} subscribers, after the run`, f.memory.afterRun),
    '',
    `**Per idle connection** (the ${n} connected after the first ${FIRST_SUBSCRIBERS}, which also pay for what the first subscription warms once): heap used ${kib(per('heapUsed'))} KiB, external ${kib(per('external'))} KiB, RSS ${kib(per('rss'))} KiB. Peak RSS of the server over the whole run: ${f.serverPeakRssMiB === null ? '–' : `${f.serverPeakRssMiB.toFixed(0)} MiB`}. The kernel's socket buffers are not in these figures.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions();
  const figures = await measure(options);
  const markdown = render(figures);
  const out = options.out ?? join(ROOT, 'bench/results', `${new Date().toISOString().slice(0, 10)}-subscription-fanout.md`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, markdown);
  process.stdout.write(markdown);
  log(`wrote ${out}`);
}

await main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
