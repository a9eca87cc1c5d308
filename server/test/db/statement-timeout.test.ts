// DATABASE_STATEMENT_TIMEOUT_MS on a real PostgreSQL: an update that waits on a row
// another session holds is cancelled by the server when the timeout passes, answered
// 503 (REST, DRF-shaped) or SERVICE_UNAVAILABLE (GraphQL), and leaves nothing written.
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { createCaller, createTicket } from '../support/factories.js';
import { testConfig } from '../support/harness.js';
import { createPgDatabase, TEST_DATABASE_URL, type PgDatabase } from '../ops/support/pg-database.js';

// Before the fix the update waited for the lock for as long as it was held; the lock
// is released after this, so that such a run fails on its answer rather than hanging.
const LOCK_HELD_AT_MOST_MS = 5_000;

// PostgreSQL only (PGlite has no statement timeout: see the README); CI sets TEST_DATABASE_URL.
describe.runIf(TEST_DATABASE_URL)('a statement past DATABASE_STATEMENT_TIMEOUT_MS [postgres]', () => {
  let pg: PgDatabase;
  let database: Database;
  let app: FastifyInstance;
  let locker: postgres.Sql;
  let authorization: string;

  beforeAll(async () => {
    pg = await createPgDatabase();
    const config = testConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '300', REQUEST_TIMEOUT_MS: '10000' });
    database = await openDatabase({ kind: 'postgres', url: pg.url, maxConnections: 4, timeouts: config.timeouts });
    await database.migrate();
    app = await buildApp({ config, database });
    ({ authorization } = await createCaller(database.db));
    locker = postgres(pg.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await locker?.end({ timeout: 1 });
    await pg?.drop();
  });

  /** Runs `work` while another session holds the ticket's row lock. */
  async function whileLocked<T>(id: number, work: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const transaction = locker
      .begin(async (tx) => {
        await tx`select id from tickets where id = ${id} for update`;
        locked();
        await Promise.race([released, new Promise((resolve) => setTimeout(resolve, LOCK_HELD_AT_MOST_MS))]);
        await tx`rollback`.catch(() => {});
      })
      .catch(() => {});
    await holding;
    try {
      return await work();
    } finally {
      release();
      await transaction;
    }
  }

  it('REST: 503 with a DRF detail, and the ticket unchanged', async () => {
    const ticket = await createTicket(database.db, { title: 'Locked elsewhere', status: 'open' });
    const res = await whileLocked(ticket.id, () =>
      app.inject({
        method: 'PATCH',
        url: `/api/tickets/${ticket.id}/`,
        headers: { authorization },
        payload: { status: 'resolved', title: 'Changed' },
      }),
    );
    expect(res.statusCode).toBe(503);
    expect(Object.keys(res.json())).toEqual(['detail']);

    const after = await app.inject({ method: 'GET', url: `/api/tickets/${ticket.id}/`, headers: { authorization } });
    expect(after.json()).toMatchObject({ title: 'Locked elsewhere', status: 'open' });
  });

  it('GraphQL: SERVICE_UNAVAILABLE with HTTP 503, and the ticket unchanged', async () => {
    const ticket = await createTicket(database.db, { title: 'Locked elsewhere', status: 'open' });
    const res = await whileLocked(ticket.id, () =>
      app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { authorization },
        payload: {
          query: 'mutation ($id: ID!) { updateTicket(id: $id, input: { status: RESOLVED, title: "Changed" }) { ticket { id } } }',
          variables: { id: String(ticket.id) },
        },
      }),
    );
    expect(res.statusCode).toBe(503);
    expect(res.json().errors.map((e: any) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);

    const after = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { authorization },
      payload: { query: `{ ticket(id: "${ticket.id}") { title status } }` },
    });
    expect(after.json().data.ticket).toEqual({ title: 'Locked elsewhere', status: 'OPEN' });
  });
});
