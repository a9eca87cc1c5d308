// `npm run bench:writes -w bench -- [--db pglite|postgres] [--rounds N] [--out FILE]`
//
// Issue #13's target: writing the history events adds at most 1 ms to a write's p50.
// The HTTP benchmark's p50s move by milliseconds between runs on a shared 2-core
// machine, so this measures the database work of a write alone, in one process: the
// create and the status change of a ticket as the service runs them now (the row and
// its events in one statement), as the first history shipped them (a transaction:
// lock, update, insert the events), and with no history at all (the single statement
// the API ran before history). The variants alternate in short blocks, so that drift
// (a neighbour's load, caches) weighs on all alike, one write at a time and with 8 in
// flight. Writes a markdown table.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { anonymousActor } from '../../server/src/auth/actor.js';
import { openDatabase, type Db } from '../../server/src/db/client.js';
import { tickets } from '../../server/src/db/schema.js';
import { insertTicketEvents } from '../../server/src/tickets/ticket-event.repository.js';
import { changedFields, createdEvent, fieldChangedEvents } from '../../server/src/tickets/ticket-event.service.js';
import { RESOLVED_STATUSES, TicketStatus } from '../../server/src/tickets/ticket.enums.js';
import { findTicketByIdForUpdate, insertTicket, updateTicketById, type NewTicket } from '../../server/src/tickets/ticket.repository.js';
import { createTicket, updateTicket } from '../../server/src/tickets/ticket.service.js';
import { createTicketGenerator } from '../../server/src/scripts/seed.generator.js';
import { summarize, type LatencySummary } from './stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET_MS = 1;
const TICKETS = 2_000;
const BLOCK = 25;

const { values } = parseArgs({
  options: { db: { type: 'string', default: 'pglite' }, rounds: { type: 'string', default: '40' }, out: { type: 'string' } },
});
if (values.db !== 'pglite' && values.db !== 'postgres') throw new Error(`--db: expected pglite or postgres, got "${values.db}"`);
const rounds = Number(values.rounds);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_writes';

const database = await openDatabase(
  values.db === 'pglite' ? { kind: 'pglite', dataDir: undefined } : { kind: 'postgres', url, maxConnections: 8 },
);
await database.migrate();
const db = database.db;
const actor = anonymousActor(['tickets:read', 'tickets:write']);
const author = { userId: null, tokenId: null };
const generate = createTicketGenerator({ seed: 13 });
const authorColumns = { createdByUserId: null, createdByTokenId: null, updatedByUserId: null, updatedByTokenId: null };
const ticketValues = (): NewTicket => {
  const t = generate();
  return {
    title: t.title,
    description: t.description,
    category: t.category,
    priority: t.priority,
    status: TicketStatus.OPEN,
    ...authorColumns,
  };
};

// Tickets to change, each moved to the next status every time (always a real change).
const firstId = (await insertTicket(db, ticketValues())).id;
for (let i = 1; i < TICKETS; i += 1) await insertTicket(db, ticketValues());
const STATUSES = [TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, TicketStatus.CLOSED];
const statusOf = new Map<number, number>();
const nextChange = () => {
  const id = firstId + Math.floor(Math.random() * TICKETS);
  const next = ((statusOf.get(id) ?? 0) + 1) % STATUSES.length;
  statusOf.set(id, next);
  return { id, status: STATUSES[next]! };
};

type Variant = { name: string; run: () => Promise<unknown> };

const CASES: { name: string; variants: Variant[] }[] = [
  {
    name: 'create',
    variants: [
      { name: 'no history', run: () => insertTicket(db, ticketValues()) },
      {
        name: 'history: transaction (as first shipped)',
        run: () =>
          db.transaction(async (t) => {
            const tx = t as unknown as Db;
            const ticket = await insertTicket(tx, ticketValues());
            await insertTicketEvents(tx, [{ ticketId: ticket.id, ...createdEvent(actor, ticket) }]);
          }),
      },
      {
        name: 'history: one statement (now)',
        run: () => {
          const v = generate();
          return createTicket(db, actor, { title: v.title, description: v.description, category: v.category, priority: v.priority });
        },
      },
    ],
  },
  {
    name: 'status change',
    variants: [
      {
        name: 'no history',
        run: () => {
          const { id, status } = nextChange();
          // As the API wrote a change before history: one UPDATE (resolved_at as the status says).
          return db
            .update(tickets)
            .set({
              status,
              version: sql`${tickets.version} + 1`,
              updatedAt: sql`now()`,
              resolvedAt: RESOLVED_STATUSES.includes(status) ? sql`coalesce(${tickets.resolvedAt}, now())` : null,
            })
            .where(eq(tickets.id, id))
            .returning();
        },
      },
      {
        name: 'history: transaction (as first shipped)',
        run: () => {
          const { id, status } = nextChange();
          return db.transaction(async (t) => {
            const tx = t as unknown as Db;
            const before = (await findTicketByIdForUpdate(tx, id))!;
            const fields = changedFields(before, { status });
            const after = (await updateTicketById(tx, id, { status }, author, before.version))!;
            await insertTicketEvents(tx, fieldChangedEvents(actor, before, after, fields));
          });
        },
      },
      {
        name: 'history: one statement (now)',
        run: () => {
          const { id, status } = nextChange();
          return updateTicket(db, actor, id, { status });
        },
      },
    ],
  },
];

/** `count` writes, `inFlight` at a time; each one's latency in ms. */
async function block(variant: Variant, count: number, inFlight: number, into: number[]): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started += 1;
      const t0 = performance.now();
      await variant.run();
      into.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

interface Row {
  case: string;
  inFlight: number;
  variant: string;
  latency: LatencySummary;
  addedP50: number | null;
}

const rows: Row[] = [];
for (const inFlight of [1, 8]) {
  for (const c of CASES) {
    const latencies = c.variants.map(() => [] as number[]);
    // Warm-up: plans cached, pages in memory.
    for (const v of c.variants) await block(v, BLOCK, inFlight, []);
    for (let r = 0; r < rounds; r += 1) {
      // Rotated order, so that no variant always follows the same one.
      for (let k = 0; k < c.variants.length; k += 1) {
        const i = (r + k) % c.variants.length;
        await block(c.variants[i]!, BLOCK, inFlight, latencies[i]!);
      }
    }
    const base = summarize(latencies[0]!).p50;
    c.variants.forEach((v, i) => {
      const latency = summarize(latencies[i]!);
      rows.push({ case: c.name, inFlight, variant: v.name, latency, addedP50: i === 0 ? null : latency.p50 - base });
      process.stderr.write(
        `${c.name.padEnd(14)} ${String(inFlight).padStart(2)} in flight  ${v.name.padEnd(40)} p50 ${latency.p50.toFixed(2)}  p95 ${latency.p95.toFixed(2)} ms\n`,
      );
    });
  }
}
await database.close();

const fmt = (n: number) => n.toFixed(2);
const lines = [
  `# Writing history events: what they add to a write (${values.db === 'pglite' ? 'PGlite, in memory' : 'PostgreSQL'})`,
  '',
  `- Date: ${new Date().toISOString()}; machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')} at the end`,
  `- ${TICKETS.toLocaleString('en')} tickets; ${rounds} rounds of ${BLOCK} writes per variant, variants alternating; \`npm run bench:writes -w bench -- --db ${values.db} --rounds ${rounds}\``,
  `- Target: the events add at most ${TARGET_MS} ms to the p50 of the write without history.`,
  '',
  '| Write | In flight | Variant | p50 ms | p95 ms | p99 ms | added p50 ms | target |',
  '|---|---:|---|---:|---:|---:|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.case} | ${r.inFlight} | ${r.variant} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p95)} | ${fmt(r.latency.p99)} | ${r.addedP50 === null ? '–' : fmt(r.addedP50)} | ${r.addedP50 === null ? '' : r.addedP50 <= TARGET_MS ? 'met' : 'missed'} |`,
  ),
  '',
];
const markdown = lines.join('\n');
const out = values.out
  ? resolve(values.out)
  : join(ROOT, 'bench/results', `${new Date().toISOString().slice(0, 10)}-write-events-${values.db}.md`);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, markdown);
process.stdout.write(markdown);
