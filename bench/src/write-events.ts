// `npm run bench:writes -w bench -- [--db pglite|postgres|both] [--pairs N] [--out FILE]`
//
// Issue #13's target: writing the history events adds at most 1 ms to a write's p50.
// What the events cost is measured on the one statement that writes them, with and
// without them, and nothing else: the create's INSERT and a status change's UPDATE,
// each exactly as the repository builds it (`insertTicketWithEvents`,
// `updateTicketWithEvents`: the row in a `written` CTE, the events' INSERT in an
// `events` CTE), and the same statement with the `events` CTE cut out. Both are
// sent straight through the driver, as drizzle sends them, one write at a time; the
// two variants alternate write by write (in a random order within each pair), so
// that drift (a neighbour's load, caches, the tables growing) weighs on both alike.
// The service's own work (validation, the ticket read before an update, learning) is
// the same with or without history and is not part of either.
//
// The SQL is the repository's: each write's statement is built by calling the
// repository function on a handle that records what it would send instead of
// sending it; the variant without events is that text minus the `events` CTE, and is
// checked to be the bare statement the repository builds for the same write
// (`insertTicket`, `updateTicketById`) inside the same `written` CTE. Before
// measuring, the statement the service itself sends for a create and for a status
// change is captured and checked to be the same text.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import { anonymousActor } from '../../server/src/auth/actor.js';
import { openDatabase, type Database, type Db } from '../../server/src/db/client.js';
import * as schema from '../../server/src/db/schema.js';
import { changedFields, createdEvent, fieldChangedEvents } from '../../server/src/tickets/ticket-event.service.js';
import { TicketStatus } from '../../server/src/tickets/ticket.enums.js';
import {
  insertTicket,
  insertTicketWithEvents,
  updateTicketById,
  updateTicketWithEvents,
  type NewTicket,
  type TicketRow,
} from '../../server/src/tickets/ticket.repository.js';
import { createTicket, updateTicket } from '../../server/src/tickets/ticket.service.js';
import { createTicketGenerator } from '../../server/src/scripts/seed.generator.js';
import { summarize, type LatencySummary } from './stats.js';
import { outputPath } from './out-path.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET_MS = 1;
const TICKETS = 2_000;
const WARM_UP_PAIRS = 200;

const { values: args } = parseArgs({
  options: { db: { type: 'string', default: 'both' }, pairs: { type: 'string', default: '2000' }, out: { type: 'string' } },
});
if (!['pglite', 'postgres', 'both'].includes(args.db)) throw new Error(`--db: expected pglite, postgres or both, got "${args.db}"`);
const PAIRS = Number(args.pairs);
if (!Number.isInteger(PAIRS) || PAIRS < 10) throw new Error(`--pairs: expected an integer >= 10, got "${args.pairs}"`);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_writes';

interface Statement {
  text: string;
  params: unknown[];
}

/**
 * A handle over the same driver that records the statements drizzle would send and
 * sends none (each answers no rows), so that the repository builds its SQL for us.
 */
function dryDb(database: Database, into: Statement[]): Db {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'postgres') {
    const sql = client as Sql;
    const recording = new Proxy(sql, {
      get(target, property, receiver) {
        if (property === 'unsafe') {
          return (text: string, params: unknown[] = []) => {
            into.push({ text, params });
            return Promise.resolve([]);
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    return drizzlePostgres({ client: recording, schema }) as unknown as Db;
  }
  const pglite = client as PGlite;
  const recording = new Proxy(pglite, {
    get(target, property) {
      if (property === 'query') {
        return (text: string, params: unknown[] = []) => {
          into.push({ text, params });
          return Promise.resolve({ rows: [], fields: [] });
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return drizzlePglite({ client: recording, schema }) as unknown as Db;
}

/** A handle that runs every statement and records it (the service's own, to compare with the built ones). */
function recordingDb(database: Database, into: Statement[]): Db {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'postgres') {
    const wrap = (sql: Sql): Sql =>
      new Proxy(sql, {
        get(target, property, receiver) {
          if (property === 'unsafe') {
            return (text: string, params: unknown[] = [], options?: unknown) => {
              into.push({ text, params });
              return (target.unsafe as (...a: unknown[]) => unknown)(text, params, options);
            };
          }
          if (property === 'begin') {
            return (...a: unknown[]) => {
              const work = a.pop() as (tx: Sql) => unknown;
              return (target.begin as (...b: unknown[]) => unknown)(...a, (tx: Sql) => work(wrap(tx)));
            };
          }
          return Reflect.get(target, property, receiver) as unknown;
        },
      });
    return drizzlePostgres({ client: wrap(client as Sql), schema }) as unknown as Db;
  }
  const logger = { logQuery: (text: string, params: unknown[]) => void into.push({ text, params }) };
  return drizzlePglite({ client: client as PGlite, schema, logger }) as unknown as Db;
}

async function built(database: Database, build: (db: Db) => Promise<unknown>): Promise<Statement> {
  const into: Statement[] = [];
  await build(dryDb(database, into));
  if (into.length !== 1) throw new Error(`expected the repository to build one statement, got ${into.length}`);
  return into[0]!;
}

const WRITTEN_HEAD = 'with written as (';
const EVENTS_CTE = /\),\s+events as \(/;

/**
 * The write with its events, as the repository builds it, and the same statement
 * without the `events` CTE, checked to be the repository's bare statement for the
 * same write (`bare`) inside the same `written` CTE, with its parameters first.
 */
function variants(withEvents: Statement, bare: Statement): { withEvents: Statement; withoutEvents: Statement } {
  const text = withEvents.text;
  const cut = EVENTS_CTE.exec(text);
  if (!text.startsWith(WRITTEN_HEAD) || cut === null) throw new Error(`not a write with an events CTE:\n${text}`);
  const written = text.slice(WRITTEN_HEAD.length, cut.index);
  if (written !== bare.text) throw new Error(`the written CTE is not the bare statement:\n${written}\n---\n${bare.text}`);
  // The events CTE ends at the parenthesis before the final select.
  const tail = /\)\s+select \* from written$/.exec(text);
  if (tail === null) throw new Error(`unexpected end of the write:\n${text}`);
  const params = withEvents.params.slice(0, bare.params.length);
  if (JSON.stringify(params) !== JSON.stringify(bare.params))
    throw new Error('the written CTE does not take the bare statement’s parameters first');
  // Only the bare statement's parameters remain: the events' come after them.
  const withoutText = `${WRITTEN_HEAD}${written}${text.slice(tail.index)}`;
  const highest = Math.max(0, ...[...withoutText.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  if (highest !== bare.params.length) throw new Error(`the variant without events refers to $${highest}`);
  return { withEvents, withoutEvents: { text: withoutText, params } };
}

const ALONGSIDE_CTE = /, alongside as \([\s\S]*\)(\s+select \* from written)$/;

/**
 * A create's statement without what it teaches the classifier (its `alongside` CTE,
 * appended after the events and taking the last parameter): that is learning's cost,
 * not the events', and is left out of both variants.
 */
function withoutAlongside(s: Statement | undefined): Statement | undefined {
  const cut = s === undefined ? null : ALONGSIDE_CTE.exec(s.text);
  if (s === undefined || cut === null) return s;
  const text = s.text.slice(0, cut.index) + cut[1];
  const highest = Math.max(0, ...[...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  return { text, params: s.params.slice(0, highest) };
}

/** Runs a statement as drizzle runs a raw one (unprepared), answering its rows. */
async function send(database: Database, s: Statement): Promise<unknown[]> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'postgres') return (client as Sql).unsafe(s.text, s.params as never[], { prepare: false });
  return (await (client as PGlite).query(s.text, s.params)).rows;
}

interface PairResult {
  write: string;
  with: number[];
  without: number[];
  /** with − without, of each pair. */
  differences: number[];
  /** CPU time of the writes in ms, summed per variant: in total (this process and the backend), and the PostgreSQL backend's alone. */
  cpu: { with: number; without: number };
  backendCpu: { with: number; without: number };
}

/**
 * CPU time used so far, in ms: this process's (PGlite runs in it), and the PostgreSQL
 * backend's from its scheduler statistics (nanoseconds on CPU; the benchmark's one
 * connection, on this machine). Unlike latencies, a busy machine's waits do not count.
 */
function cpuClock(backendPid: number | null): () => { total: number; backend: number } {
  return () => {
    const { user, system } = process.cpuUsage();
    const backend = backendPid === null ? 0 : Number(readFileSync(`/proc/${backendPid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    return { total: (user + system) / 1000 + backend, backend };
  };
}

async function measure(database: Database): Promise<{ results: PairResult[]; check: string[] }> {
  const db = database.db;
  const actor = anonymousActor(['tickets:read', 'tickets:write']);
  const author = { userId: null, tokenId: null };
  const generate = createTicketGenerator({ seed: 13 });
  const newTicket = () => {
    const t = generate();
    return {
      title: t.title,
      description: t.description,
      category: t.category,
      priority: t.priority,
      status: TicketStatus.OPEN,
      suggestedCategory: null,
      suggestedPriority: null,
      classificationSource: null,
      suggestionAccepted: null,
      filedCategory: null,
      filedPriority: null,
      assigneeUserId: null,
      suggestionConfidence: null,
      createdByUserId: null,
      createdByTokenId: null,
      updatedByUserId: null,
      updatedByTokenId: null,
    } satisfies NewTicket;
  };

  // The service's own statements for a create and a status change, to compare.
  const check: string[] = [];
  const serviceStatements: Statement[] = [];
  const t = generate();
  const created = await createTicket(recordingDb(database, serviceStatements), actor, {
    title: t.title,
    description: t.description,
    category: t.category,
    priority: t.priority,
  });
  const serviceCreate = withoutAlongside(serviceStatements.find((s) => /^with written as \(insert into "tickets"/.test(s.text)));
  serviceStatements.splice(0);
  await updateTicket(recordingDb(database, serviceStatements), actor, created.ticket.id, { status: 'in_progress' });
  const serviceUpdate = serviceStatements.find((s) => /^with written as \(update "tickets"/.test(s.text));
  if (!serviceCreate || !serviceUpdate) throw new Error('the service sent no write with events');

  // Tickets to change, each moved to the next status every time (always a real change).
  const rows: TicketRow[] = [];
  for (let i = 0; i < TICKETS; i += 1) rows.push(await insertTicket(db, newTicket()));
  const STATUSES = [TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, TicketStatus.CLOSED];

  const createPair = async () => {
    const values = newTicket();
    const withEvents = await built(database, (dry) => insertTicketWithEvents(dry, values, [createdEvent(actor, values)]).catch(() => null));
    // The variant without events inserts another ticket with the same values.
    const bare = await built(database, (dry) => insertTicket(dry, values).catch(() => null));
    return variants(withEvents, bare);
  };
  // A status change of a random ticket, from the row as it is now (as the service plans it: planUpdate).
  const updatePair = async () => {
    const index = Math.floor(Math.random() * rows.length);
    const before = rows[index]!;
    const status = STATUSES[(STATUSES.indexOf(before.status) + 1) % STATUSES.length]!;
    const fields = changedFields(before, { status });
    const changes = { status };
    const events = fieldChangedEvents(actor, before, { ...before, ...changes }, fields);
    const withEvents = await built(database, (dry) => updateTicketWithEvents(dry, before.id, changes, author, before.version, events));
    const bare = await built(database, (dry) => updateTicketById(dry, before.id, changes, author, before.version).catch(() => null));
    return { ...variants(withEvents, bare), index };
  };

  {
    const create = await createPair();
    const update = await updatePair();
    for (const [name, service, ours] of [
      ['create', serviceCreate, create.withEvents],
      ['status change', serviceUpdate, update.withEvents],
    ] as const) {
      if (service.text !== ours.text)
        throw new Error(`${name}: the service sent other SQL than the repository builds here:\n${service.text}\n---\n${ours.text}`);
      check.push(`${name}: the service's statement is the one measured (${ours.text.length} characters, ${ours.params.length} parameters)`);
    }
  }

  const cpuNow = cpuClock(database.kind === 'postgres' ? await backendPid(database) : null);
  const timed = async (s: Statement) => {
    const cpu0 = cpuNow();
    const t0 = performance.now();
    const answer = await send(database, s);
    const ms = performance.now() - t0;
    const cpu1 = cpuNow();
    const cpu = { total: cpu1.total - cpu0.total, backend: cpu1.backend - cpu0.backend };
    if (answer.length !== 1) throw new Error('a write changed no row');
    return { ms, cpu, row: answer[0] as Record<string, unknown> };
  };

  const results: PairResult[] = [];
  for (const write of ['create', 'status change'] as const) {
    const result: PairResult = {
      write,
      with: [],
      without: [],
      differences: [],
      cpu: { with: 0, without: 0 },
      backendCpu: { with: 0, without: 0 },
    };
    for (let pair = 0; pair < WARM_UP_PAIRS + PAIRS; pair += 1) {
      const withFirst = Math.random() < 0.5;
      const ms = { with: 0, without: 0 };
      const cpu = { with: { total: 0, backend: 0 }, without: { total: 0, backend: 0 } };
      const create = write === 'create' ? await createPair() : null;
      for (const variant of withFirst ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
        // A status change changes a ticket per variant: each planned from the row as it is then.
        const update = create === null ? await updatePair() : null;
        const p = (create ?? update)!;
        const done = await timed(variant === 'with' ? p.withEvents : p.withoutEvents);
        if (update !== null) {
          rows[update.index] = { ...rows[update.index]!, status: done.row.status as TicketStatus, version: Number(done.row.version) };
        }
        ms[variant] = done.ms;
        cpu[variant] = done.cpu;
      }
      if (pair < WARM_UP_PAIRS) continue;
      result.with.push(ms.with);
      result.without.push(ms.without);
      result.differences.push(ms.with - ms.without);
      result.cpu.with += cpu.with.total;
      result.cpu.without += cpu.without.total;
      result.backendCpu.with += cpu.with.backend;
      result.backendCpu.without += cpu.without.backend;
    }
    results.push(result);
    const a = summarize(result.with).p50;
    const b = summarize(result.without).p50;
    process.stderr.write(
      `${database.kind.padEnd(8)} ${write.padEnd(14)} with ${a.toFixed(3)}  without ${b.toFixed(3)}  added ${(a - b).toFixed(3)} ms; CPU added ${((result.cpu.with - result.cpu.without) / PAIRS).toFixed(3)} ms\n`,
    );
  }
  return { results, check };
}

/** A distribution-free 95% confidence interval of a median (order statistics of the binomial). */
function medianInterval(values: number[]): [number, number] {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const half = 1.96 * Math.sqrt(n) * 0.5;
  const lo = Math.max(0, Math.floor(n / 2 - half));
  const hi = Math.min(n - 1, Math.ceil(n / 2 + half));
  return [sorted[lo]!, sorted[hi]!];
}

async function backendPid(database: Database): Promise<number> {
  const rows = (await (database.db as unknown as { $client: Sql }).$client.unsafe('select pg_backend_pid() as pid')) as { pid: number }[];
  return rows[0]!.pid;
}

async function runOn(kind: 'pglite' | 'postgres') {
  // One connection: every write goes through the backend whose CPU time is read.
  const database = await openDatabase(kind === 'pglite' ? { kind, dataDir: undefined } : { kind, url, maxConnections: 1 });
  await database.migrate();
  const before = os.loadavg();
  let firstId: number | null = null;
  if (kind === 'postgres') {
    const rows = (await (database.db as unknown as { $client: Sql }).$client.unsafe(
      'select coalesce(max(id), 0)::int as id from tickets',
    )) as {
      id: number;
    }[];
    firstId = rows[0]!.id + 1;
  }
  try {
    const measured = await measure(database);
    return { kind, ...measured, loadBefore: before, loadAfter: os.loadavg(), version: await versionOf(database) };
  } finally {
    // Leave a shared database as it was found: the benchmark's tickets go (their events with them).
    if (firstId !== null) {
      const sql = (database.db as unknown as { $client: Sql }).$client;
      await sql.unsafe(`delete from tickets where id >= ${firstId}`);
      await sql.unsafe('vacuum analyze tickets, ticket_events');
    }
    await database.close();
  }
}

async function versionOf(database: Database): Promise<string> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  const text = 'select version() as v';
  const rows =
    database.kind === 'postgres' ? await (client as Sql).unsafe(text) : (await (client as PGlite).query<{ v: string }>(text)).rows;
  return String((rows[0] as { v: string }).v).split(' on ')[0]!;
}

const kinds = args.db === 'both' ? (['pglite', 'postgres'] as const) : ([args.db] as const);
const runs = [];
for (const kind of kinds) runs.push(await runOn(kind as 'pglite' | 'postgres'));

const fmt = (n: number) => n.toFixed(3);
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
const lines = [
  '# Writing history events: the one statement with and without its events (fair A/B)',
  '',
  `- Date: ${new Date().toISOString()}; machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB; Node ${process.version}`,
  `- \`npm run bench:writes -w bench -- --db ${args.db} --pairs ${PAIRS}\`: ${PAIRS.toLocaleString('en')} pairs per write after ${WARM_UP_PAIRS} warm-up pairs, one write in flight, the two variants alternating in a random order within each pair; ${TICKETS.toLocaleString('en')} tickets to change`,
  `- Target: the events add at most ${TARGET_MS} ms to the p50 of the write.`,
  '',
  '| Database | Load average before → after (1/5/15 min) | Write | p50 with events ms | p50 without ms | added p50 ms | median of paired differences ms (95% CI) | p95 with | p95 without | CPU per write with / without ms | added CPU ms | of which the backend | target |',
  '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
];
for (const run of runs) {
  for (const r of run.results) {
    const a: LatencySummary = summarize(r.with);
    const b: LatencySummary = summarize(r.without);
    const added = a.p50 - b.p50;
    const [lo, hi] = medianInterval(r.differences);
    const cpuWith = r.cpu.with / r.with.length;
    const cpuWithout = r.cpu.without / r.without.length;
    lines.push(
      `| ${run.version} | ${load(run.loadBefore)} → ${load(run.loadAfter)} | ${r.write} | ${fmt(a.p50)} | ${fmt(b.p50)} | ${fmt(added)} | ${fmt(summarize(r.differences).p50)} (${fmt(lo)} to ${fmt(hi)}) | ${fmt(a.p95)} | ${fmt(b.p95)} | ${fmt(cpuWith)} / ${fmt(cpuWithout)} | ${fmt(cpuWith - cpuWithout)} | ${run.kind === 'postgres' ? fmt((r.backendCpu.with - r.backendCpu.without) / r.with.length) : '–'} | ${added <= TARGET_MS ? 'met' : 'missed'} |`,
    );
  }
}
lines.push(
  '',
  'Columns: latencies are each write as the client saw it, sent as drizzle sends a raw statement (unprepared); the median of ' +
    "paired differences compares the two writes of each pair, so drift between pairs cancels; CPU per write is this process's " +
    "CPU time during the writes (PGlite runs in it) plus, on PostgreSQL, the backend's (from /proc/<pid>/schedstat, the " +
    "benchmark's one connection), averaged per write: what a busy machine's waits do not inflate. Writes wait for the WAL " +
    'flush at commit (synchronous_commit as configured), which is in the latencies and not in the CPU.',
);
lines.push('', 'Checks before measuring:', '');
for (const run of runs) for (const c of run.check) lines.push(`- ${run.kind}: ${c}`);
lines.push('');
const markdown = lines.join('\n');
const out = args.out ? outputPath(args.out) : join(ROOT, 'bench/results', `${new Date().toISOString().slice(0, 10)}-write-events-fair.md`);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, markdown);
process.stdout.write(markdown);
