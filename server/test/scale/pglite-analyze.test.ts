// PGlite runs no autovacuum: the start refreshes the planner's statistics of
// `tickets` when they are missing or have drifted, and leaves them alone otherwise.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { afterAll, expect, it } from 'vitest';
import { analyzeTicketsIfStale, migratePglite } from '../../src/db/migrate.js';

const client = new PGlite({ extensions: { pg_trgm } });
afterAll(() => client.close());

const addTickets = (n: number) =>
  client.exec(`insert into tickets (title, description) select 'Ticket ' || i, 'Description ' || i from generate_series(1, ${n}) as i`);
const planned = async () =>
  (await client.query<{ n: number }>(`select reltuples::float8 as n from pg_class where oid = 'tickets'::regclass`)).rows[0]!.n;

it('analyzes tickets after migrations when statistics are missing or stale, and only then', async () => {
  await migratePglite(client);
  // Empty and never analyzed: nothing to learn yet.
  expect(await analyzeTicketsIfStale(client)).toBe(false);

  await addTickets(3_000);
  expect(await analyzeTicketsIfStale(client)).toBe(true);
  expect(await planned()).toBe(3_000);
  expect(await analyzeTicketsIfStale(client)).toBe(false);

  // A small change keeps the statistics; a large one refreshes them (as a restart's migrate does).
  await addTickets(100);
  expect(await analyzeTicketsIfStale(client)).toBe(false);
  await addTickets(2_000);
  await migratePglite(client);
  expect(await planned()).toBe(5_100);
});
