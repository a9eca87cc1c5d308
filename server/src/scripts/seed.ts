// `npm run seed -- --count 1000000 [--truncate] [--seed 1]`: fills the configured
// database (DATABASE_URL, else the embedded one at DATA_DIR) with realistic tickets,
// worked by a seeded team of agents, and their history (about five events a ticket,
// with notes, each with who did it), for demos and benchmarks. PostgreSQL loads
// through COPY, PGlite through COPY from an in-memory blob; both in one transaction,
// so an interrupted seed leaves nothing.
// The counter tables stay exact: into a table that already holds tickets the
// statement-level triggers add each COPY chunk's counts as one grouped upsert; an
// empty table is loaded with the insert trigger off and the counters recomputed by
// one aggregate at the end.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import { hashPassword } from '../auth/password.js';
import { relearnFromEveryTicket } from '../classifier/learning.service.js';
import { parseConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { createRandom, createTicketGenerator, type SeedTicket } from './seed.generator.js';

const COLUMNS = [
  'title',
  'description',
  'category',
  'priority',
  'status',
  'created_at',
  'updated_at',
  'resolved_at',
  'suggested_category',
  'suggested_priority',
  'classification_source',
  'suggestion_accepted',
  'filed_category',
  'filed_priority',
  'created_by_user_id',
  'assignee_user_id',
] as const;

/**
 * The agents who wrote and worked the seeded tickets. Each has the hash of a random
 * password nobody is told, so nobody signs in as them, while they count as people who
 * have joined (an invited person who has not is neither listed as pending nor assignable).
 */
const SEED_TEAM = [
  ['Alex Morgan', 'alex.morgan@example.com'],
  ['Sam Rivera', 'sam.rivera@example.com'],
  ['Priya Shah', 'priya.shah@example.com'],
  ['Jonas Weber', 'jonas.weber@example.com'],
  ['Mei Chen', 'mei.chen@example.com'],
  ['Tomás Silva', 'tomas.silva@example.com'],
] as const;

/** Who created a ticket and who has it: the user ids of the team, or null. */
interface SeedPeople {
  createdBy: number | null;
  assignee: number | null;
}

/**
 * Picks the people of each ticket from the team, from a random stream of its own (the
 * tickets generated stay those of earlier seeds): most tickets were filed by an agent
 * (the rest came from an integration), half of the open ones are taken, nearly all
 * in progress, and most finished ones were finished by someone.
 */
function createPeoplePicker(team: readonly number[], seed: number): (ticket: SeedTicket) => SeedPeople {
  const random = createRandom(seed ^ 0x3c6ef372);
  const member = () => (team.length === 0 ? null : team[Math.floor(random() * team.length)]!);
  const assignedShare: Record<string, number> = { open: 0.5, in_progress: 0.95 };
  return (ticket) => {
    const createdBy = random() < 0.85 ? member() : null;
    const assignee = random() < (assignedShare[ticket.status] ?? 0.9) ? member() : null;
    return { createdBy, assignee };
  };
}

// Rows per COPY statement: bounds the counter trigger's transition table (when it
// runs) and, on PGlite, the memory a chunk of generated text holds.
const CHUNK_ROWS = 50_000;

export interface SeedOptions {
  count: number;
  truncate: boolean;
  seed: number;
  /** Drop the tickets indexes before loading into an empty table and rebuild them after. */
  rebuildIndexes: boolean;
  progress: (done: number) => void;
}

/** COPY text format: backslash, tab, newline and carriage return escaped; \N is null. */
function copyField(value: string | Date | null): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function copyLine(t: SeedTicket, people: SeedPeople): string {
  return (
    [
      t.title,
      t.description,
      t.category,
      t.priority,
      t.status,
      t.createdAt,
      t.updatedAt,
      t.resolvedAt,
      t.suggestedCategory,
      t.suggestedPriority,
      t.classificationSource,
      t.suggestedCategory === null ? null : String(t.suggestedCategory === t.category && t.suggestedPriority === t.filedPriority),
      t.suggestedCategory === null ? null : t.category,
      t.filedPriority,
      people.createdBy === null ? null : String(people.createdBy),
      people.assignee === null ? null : String(people.assignee),
    ]
      .map(copyField)
      .join('\t') + '\n'
  );
}

/** The next generated ticket, with its people. */
type NextRow = () => [SeedTicket, SeedPeople];

function chunkText(next: NextRow, rows: number): string {
  let text = '';
  for (let i = 0; i < rows; i += 1) text += copyLine(...next());
  return text;
}

// Rows generated per write into a COPY stream: small enough that PostgreSQL parses
// one batch while the next is generated, so the generator's CPU and the server's
// overlap instead of taking turns.
const BATCH_ROWS = 1_000;

const copySql = (freeze: boolean) => `copy tickets (${COLUMNS.join(', ')}) from stdin${freeze ? ' with (freeze)' : ''}`;

/** What loading needs from a driver, inside one transaction. */
interface LoadSession {
  exec(statement: string): Promise<void>;
  rows<T>(statement: string): Promise<T[]>;
  /**
   * Loads `rows` generated tickets into tickets with one COPY; `freeze` writes them
   * already frozen and visible (allowed when the table was truncated in this transaction).
   */
  copy(next: NextRow, rows: number, freeze: boolean, progress: (rows: number) => void): Promise<void>;
}

// The counter trigger that a load into an empty table switches off (migration
// drizzle/0003_ticket_counter_triggers.sql); ticket_counters_rebuild() replaces it.
const INSERT_COUNTER_TRIGGER = 'tickets_counters_insert';

/** Where a seed's time went, in seconds, for the closing line. */
export type SeedPhases = Record<string, number>;

// Secondary indexes of `tickets` (not those backing constraints), read from the
// catalog so that the seed always rebuilds exactly what the migrations created.
const SECONDARY_INDEXES = `
  select indexname as name, indexdef as def from pg_indexes
  where schemaname = current_schema() and tablename = 'tickets'
    and indexname not in (select conname from pg_constraint where conrelid = 'tickets'::regclass)`;

async function timed<T>(phases: SeedPhases, name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    phases[name] = (phases[name] ?? 0) + (performance.now() - started) / 1000;
  }
}

const NOTE_BODIES = [
  'Asked the customer for a screenshot and the exact time it happened.',
  'Reproduced on staging; escalating to the on-call engineer.',
  'Customer confirmed the workaround helps for now.',
  'Refund approved by billing, waiting for the payment provider.',
  'Same issue as last week, linked to the incident report.',
  'Called the customer back, no answer; will try again tomorrow.',
  'Checked the logs: the request never reached us. Probably their proxy.',
  'Handing over to the next shift: waiting on the customer.',
];

/**
 * The history of the tickets just loaded (ids above `afterId`), a realistic mix of
 * about five events a ticket, with notes: each ticket's `created` event (with the
 * suggestion shown and whether it was kept) by its author, its assignment, a priority
 * change for two in five, the status changes that led to its status, and a note (one in
 * three; two for one in ten) with its `note_added` event; the assignee (else the
 * author) made the changes and wrote the notes. Derived in SQL from each ticket's id and `seed`, so it
 * is reproducible, and its times lie between the ticket's creation and last change.
 */
function historySql(afterId: number, seed: number): string[] {
  const mix = `hashint4(id + ${seed * 1_000_003 + 17})::bigint & 2147483647`;
  const priorities = `array['low', 'medium', 'high', 'critical']`;
  const notes = `array[${NOTE_BODIES.map((b) => `'${b.replace(/'/g, "''")}'`).join(', ')}]`;
  const loaded = `
    select t.*, t.updated_at - t.created_at as span,
      case when t.filed_priority is null then (t.h / 100) % 100 < 40 else t.filed_priority <> t.priority end as reprioritised,
      coalesce(t.filed_priority, (${priorities})[1 + ((array_position(${priorities}, t.priority) + (t.h / 10000) % 3) % 4)]) as first_priority,
      coalesce(t.assignee_user_id, t.created_by_user_id) as worker
    from (select *, ${mix} as h from tickets where id > ${afterId}) as t`;
  return [
    `insert into ticket_notes (ticket_id, body, created_at, author_user_id)
     select id, (${notes})[1 + h % ${NOTE_BODIES.length}], created_at + span * 0.4, worker from (${loaded}) as t where h % 100 < 33
     union all
     select id, (${notes})[1 + (h / 7) % ${NOTE_BODIES.length}], created_at + span * 0.7, worker from (${loaded}) as t where h % 100 < 10
     order by 1, 3`,
    `insert into ticket_events (ticket_id, kind, actor_user_id, at, field, from_value, to_value,
       suggested_category, suggested_priority, classification_source, suggestion_accepted, assignee_user_id, note_id)
     select ticket_id, kind, actor, at, field, from_value, to_value, sc, sp, cs, accepted, assignee, note_id from (
       select id as ticket_id, 0 as step, 'created' as kind, created_by_user_id as actor, created_at as at,
         null as field, null as from_value, null as to_value,
         suggested_category as sc, suggested_priority as sp, classification_source as cs,
         suggestion_accepted as accepted, null::int as assignee,
         null::bigint as note_id
       from (${loaded}) as t
       union all
       select id, 1, 'assigned', assignee_user_id, created_at + span * 0.05, null, null, null, null, null, null, null, assignee_user_id, null
       from (${loaded}) as t where assignee_user_id is not null
       union all
       select id, 2, 'field_changed', worker, created_at + span * 0.1, 'priority', first_priority, priority, null, null, null, null, null, null
       from (${loaded}) as t where reprioritised
       union all
       select id, 3, 'field_changed', worker, created_at + span * 0.2, 'status', 'open', 'in_progress', null, null, null, null, null, null
       from (${loaded}) as t where status <> 'open'
       union all
       select id, 4, 'field_changed', worker, coalesce(resolved_at, created_at + span * 0.8), 'status', 'in_progress', 'resolved', null, null, null, null, null, null
       from (${loaded}) as t where status in ('resolved', 'closed')
       union all
       select id, 5, 'field_changed', worker, updated_at, 'status', 'resolved', 'closed', null, null, null, null, null, null
       from (${loaded}) as t where status = 'closed'
       union all
       select ticket_id, 6, 'note_added', author_user_id, created_at, null, null, null, null, null, null, null, null, id
       from ticket_notes where ticket_id > ${afterId}
     ) as e
     order by ticket_id, at, step`,
  ];
}

/** The seeded team's user ids, creating those missing (an earlier seed's are reused). */
async function ensureTeam(session: LoadSession): Promise<number[]> {
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const hashes = await Promise.all(SEED_TEAM.map(() => hashPassword(randomBytes(32).toString('base64url'))));
  await session.exec(
    `insert into users (email, display_name, role, password_hash)
     values ${SEED_TEAM.map(([name, email], i) => `(${quote(email)}, ${quote(name)}, 'agent', ${quote(hashes[i]!)})`).join(', ')}
     on conflict ((lower(email))) do nothing`,
  );
  const rows = await session.rows<{ id: number }>(
    `select id from users where lower(email) in (${SEED_TEAM.map(([, email]) => quote(email)).join(', ')}) and active order by id`,
  );
  return rows.map((row) => Number(row.id));
}

async function load(session: LoadSession, options: SeedOptions, chunkRows: number, phases: SeedPhases): Promise<void> {
  const generate = createTicketGenerator({ seed: options.seed, count: options.count });
  const people = createPeoplePicker(await ensureTeam(session), options.seed);
  const next: NextRow = () => {
    const ticket = generate();
    return [ticket, people(ticket)];
  };
  if (options.truncate) await session.exec('truncate table tickets restart identity cascade');
  const [{ max_id: afterId } = { max_id: 0 }] = await session.rows<{ max_id: number }>(
    'select coalesce(max(id), 0)::int as max_id from tickets',
  );
  // The tables that reference tickets (history, notes, the webhook outbox, and whatever a
  // later migration adds), read from the catalog: the truncate below takes them along, so
  // the load counts as into an empty table only when they are empty too.
  const referencing = await session.rows<{ name: string }>(
    `select distinct conrelid::regclass::text as name from pg_constraint where confrelid = 'tickets'::regclass and contype = 'f'`,
  );
  const [{ empty } = { empty: false }] = await session.rows<{ empty: boolean }>(
    `select ${['tickets', ...referencing.map((t) => t.name)].map((name) => `not exists (select 1 from ${name})`).join(' and ')} as empty`,
  );
  // Into an empty table: building an index once over all rows is several times
  // faster than inserting every row into it (the trigram GIN index above all), and
  // one aggregate at the end is cheaper than the counter trigger's upsert per COPY.
  // Truncating the (empty) table in this transaction lets COPY write the rows frozen,
  // so that nothing rewrites a million pages' hint bits later. Identities are kept.
  const bulk = options.rebuildIndexes && empty;
  const indexes = bulk ? await session.rows<{ name: string; def: string }>(SECONDARY_INDEXES) : [];
  if (bulk) {
    // Cascade reaches only empty tables: those referencing tickets are empty (above), and
    // so are those referencing them in turn (each of their rows would need a row there).
    if (!options.truncate) await session.exec('truncate table tickets cascade');
    for (const index of indexes) await session.exec(`drop index "${index.name}"`);
    await session.exec(`alter table tickets disable trigger ${INSERT_COUNTER_TRIGGER}`);
  }
  let done = 0;
  await timed(phases, 'generate + copy', async () => {
    while (done < options.count) {
      const rows = Math.min(chunkRows, options.count - done);
      await session.copy(next, rows, bulk, (n) => options.progress(done + n));
      done += rows;
    }
  });
  if (bulk) {
    await session.exec(`alter table tickets enable trigger ${INSERT_COUNTER_TRIGGER}`);
    await timed(phases, 'counters', () => session.exec('select ticket_counters_rebuild()'));
  }
  for (const index of indexes) await timed(phases, `index ${index.name}`, () => session.exec(index.def));
  for (const statement of historySql(Number(afterId), options.seed)) await timed(phases, 'history', () => session.exec(statement));
}

async function seedPostgres(sql: Sql, options: SeedOptions, phases: SeedPhases): Promise<void> {
  await sql.begin(async (tx) => {
    // Index builds and the counters' grouping sort in memory instead of spilling.
    await tx`set local maintenance_work_mem = '1GB'`;
    await tx`set local work_mem = '64MB'`;
    await load(
      {
        exec: async (statement) => void (await tx.unsafe(statement)),
        rows: async <T>(statement: string) => (await tx.unsafe(statement)) as unknown as T[],
        copy: async (next, rows, freeze, progress) => {
          const stream = await tx.unsafe(copySql(freeze)).writable();
          const finished = new Promise<void>((resolve, reject) => {
            stream.on('error', reject);
            stream.on('finish', resolve);
          });
          for (let sent = 0; sent < rows;) {
            const batch = Math.min(BATCH_ROWS, rows - sent);
            // Honour backpressure: wait while the socket drains, so memory stays flat
            // and the batch generated meanwhile overlaps the server's work.
            if (!stream.write(chunkText(next, batch))) await new Promise((resolve) => stream.once('drain', resolve));
            sent += batch;
            progress(sent);
          }
          stream.end();
          await finished;
        },
      },
      options,
      CHUNK_ROWS,
      phases,
    );
  });
  // Fresh statistics for the planner, and the counter rows' old versions cleared.
  await timed(phases, 'analyze', async () => {
    await sql`analyze tickets, ticket_events, ticket_notes`;
    await sql`vacuum analyze ticket_counts, ticket_daily_counts`;
  });
}

async function seedPglite(client: PGlite, options: SeedOptions, phases: SeedPhases): Promise<void> {
  await client.transaction(async (tx) => {
    await tx.exec(`set local maintenance_work_mem = '256MB'`);
    await load(
      {
        exec: async (statement) => void (await tx.exec(statement)),
        rows: async <T>(statement: string) => (await tx.query<T>(statement)).rows,
        copy: async (next, rows, freeze, progress) => {
          // PGlite reads COPY input from a blob, so a chunk is generated whole first.
          const blob = new Blob([chunkText(next, rows)]);
          await tx.query(`copy tickets (${COLUMNS.join(', ')}) from '/dev/blob'${freeze ? ' with (freeze)' : ''}`, [], { blob });
          progress(rows);
        },
      },
      options,
      CHUNK_ROWS / 5,
      phases,
    );
  });
  await timed(phases, 'analyze', async () => {
    await client.exec('analyze tickets, ticket_events, ticket_notes');
    await client.exec('vacuum analyze ticket_counts, ticket_daily_counts');
  });
}

/** A progress bar on stderr with rate and time left; plain lines when not a terminal. */
export function createProgress(total: number, label = 'seeding'): (done: number) => void {
  const start = Date.now();
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  return (done) => {
    const elapsed = (Date.now() - start) / 1000;
    const rate = done / Math.max(elapsed, 0.001);
    const eta = rate > 0 ? (total - done) / rate : 0;
    const pct = total === 0 ? 1 : done / total;
    const width = 30;
    const bar = '#'.repeat(Math.round(pct * width)).padEnd(width, '.');
    const line =
      `${label} [${bar}] ${(pct * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ` +
      `${Math.round(rate).toLocaleString('en')} rows/s, ${done >= total ? `done in ${elapsed.toFixed(1)}s` : `ETA ${eta.toFixed(0)}s`}`;
    if (tty) {
      if (done < total && Date.now() - lastLine < 100) return;
      lastLine = Date.now();
      process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
    } else if (done >= total || Date.now() - lastLine > 2000) {
      lastLine = Date.now();
      process.stderr.write(`${line}\n`);
    }
  };
}

function parseOptions(argv: string[]): Omit<SeedOptions, 'progress'> {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string', default: '10000' },
      truncate: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      'keep-indexes': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'Usage: npm run seed -- [--count N] [--truncate] [--seed N] [--keep-indexes]\n' +
        '  --count N        tickets to add (default 10000)\n' +
        '  --truncate       delete every ticket first\n' +
        '  --seed N         random seed, for reproducible data (default 1)\n' +
        '  --keep-indexes   PostgreSQL: load into the live indexes instead of rebuilding them (slower)\n',
    );
    process.exit(0);
  }
  const count = Number(values.count);
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`--count: expected a whole number, got "${values.count}"`);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed: expected a whole number, got "${values.seed}"`);
  return { count, truncate: values.truncate, seed, rebuildIndexes: !values['keep-indexes'] };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const config = parseConfig();
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, maxConnections: 1 } : { kind: 'pglite', dataDir: config.dataDir },
  );
  try {
    await database.migrate();
    const started = Date.now();
    const progress = createProgress(options.count);
    const phases: SeedPhases = {};
    // The drivers' own clients: COPY is not part of the query builder.
    const client = (database.db as unknown as { $client: unknown }).$client;
    if (database.kind === 'postgres') await seedPostgres(client as Sql, { ...options, progress }, phases);
    else await seedPglite(client as PGlite, { ...options, progress }, phases);
    if (options.count === 0) progress(0);
    // COPY bypasses the writes that teach the classifier: the seeded agents' tickets
    // teach it as tickets filed through the API would (and similar tickets, which picks
    // its probe words by how rare the counts say they are, reads what production reads).
    await timed(phases, 'learning', () => relearnFromEveryTicket(database.db));
    process.stderr.write(
      `seeded ${options.count.toLocaleString('en')} tickets into ${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite at ${config.dataDir}`} ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)}s (${Object.entries(phases)
          .map(([name, s]) => `${name} ${s.toFixed(1)}s`)
          .join(', ')})\n`,
    );
  } finally {
    await database.close();
  }
}

await main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
