// `BENCH_DATABASE_URL=… npm run bench:orders -w bench -- [--runs N]`
//
// The ticket list's orders on a seeded PostgreSQL database (`npm run seed`): the first
// page and the hundredth (a keyset cursor 2,475 tickets deep) of each order, unfiltered
// and with the filters agents use most, as the service runs them (median of --runs, in
// ms, planning and the driver's round trip included). The seed assigns no tickets: this
// assigns every 1,500th one to a user of its own, once, for "my tickets". Writes a
// markdown table to stdout.
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '../../server/src/db/client.js';
import { tickets, users } from '../../server/src/db/schema.js';
import { encodeCursor, TicketOrder, type TicketFilterRequest } from '../../server/src/tickets/ticket-query.js';
import { listTickets } from '../../server/src/tickets/ticket.service.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL: a seeded PostgreSQL database');

const database = await openDatabase({ kind: 'postgres', url, maxConnections: 2 });
await database.migrate();
const db = database.db;
const EMAIL = 'bench-orders@example.com';
let [agent] = await db.select({ id: users.id }).from(users).where(eq(users.email, EMAIL));
if (!agent) {
  [agent] = await db.insert(users).values({ email: EMAIL, displayName: 'Bench orders', role: 'agent' }).returning({ id: users.id });
  await db
    .update(tickets)
    .set({ assigneeUserId: agent!.id })
    .where(sql`${tickets.id} % 1500 = 7`);
}
await db.execute(sql`analyze tickets`);
const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(tickets);

const CASES: [string, TicketFilterRequest | null, string | null][] = [
  ['all', null, null],
  ['active (open, in progress)', { statuses: ['open', 'in_progress'] }, null],
  ['mine (1 in 1,500)', { assignee: { me: true } }, null],
  ['critical and account', { priorities: ['critical'], categories: ['account'] }, null],
  ['search "password" (common)', null, 'password'],
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`${n.toLocaleString('en')} tickets, PostgreSQL, median of ${runs}.\n`);
console.log('| case | order | first page (ms) | page 100 (ms) |');
console.log('|---|---|---:|---:|');
for (const [name, filter, search] of CASES) {
  for (const orderBy of Object.values(TicketOrder)) {
    const page = (after?: string) =>
      listTickets(db, { caller: { userId: agent!.id }, filter, search, first: 25, after, orderBy, withCount: false });
    let deep: string | undefined;
    for (let i = 0; i < 99; i += 1) {
      const { rows, hasNextPage } = await page(deep);
      if (!hasNextPage) break;
      deep = encodeCursor(orderBy, rows.at(-1)!);
    }
    const timed = async (after?: string) => {
      const start = performance.now();
      await page(after);
      return performance.now() - start;
    };
    const first: number[] = [];
    const hundredth: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      first.push(await timed());
      hundredth.push(await timed(deep));
    }
    console.log(`| ${name} | ${orderBy} | ${median(first).toFixed(2)} | ${median(hundredth).toFixed(2)} |`);
  }
}
await database.close();
