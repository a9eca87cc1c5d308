// Unit tables for the GraphQL list's page arguments: the opaque cursor (a round trip, and
// every forged shape refused rather than reaching SQL) and the checks on `first` and `after`
// that run before the database is asked anything.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { TicketError } from '../../src/tickets/ticket.errors.js';
import { decodeCursor, encodeCursor, GRAPHQL_PAGE_SIZE, TICKET_ORDERS, TicketOrder } from '../../src/tickets/ticket-query.js';
import { TicketPriority } from '../../src/tickets/ticket.enums.js';
import { listTickets } from '../../src/tickets/ticket.service.js';
import { EARLIEST_DATE, LATEST_DATE } from '../../src/tickets/ticket.validation.js';

const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const row = (createdAt: Date, id: number, priority = TicketPriority.HIGH) => ({
  id,
  createdAt,
  updatedAt: new Date(createdAt.getTime() + 1000),
  priority,
});

describe('encodeCursor and decodeCursor', () => {
  it.each<[string, Date, number]>([
    ['an ordinary row', new Date('2024-05-01T12:34:56.789Z'), 42],
    ['the first id', new Date('2024-01-01T00:00:00.000Z'), 1],
    ['the largest int4 id', new Date('2024-01-01T00:00:00.000Z'), 2_147_483_647],
    ['the earliest storable instant', EARLIEST_DATE, 7],
    ['the latest storable instant', new Date(LATEST_DATE.getTime() - 1000), 7],
  ])('round-trips %s in every order', (_case, createdAt, id) => {
    for (const order of TICKET_ORDERS) {
      const cursor = encodeCursor(order, row(createdAt, id));
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      const at = order === TicketOrder.RECENTLY_CHANGED ? new Date(createdAt.getTime() + 1000) : createdAt;
      const priority = order === TicketOrder.PRIORITY ? { priority: TicketPriority.HIGH } : {};
      expect(decodeCursor(cursor)).toEqual({ order, ...priority, at, id });
    }
  });

  it('names its order, so the same row gives each order its own cursor', () => {
    const cursors = TICKET_ORDERS.map((order) => encodeCursor(order, row(new Date('2024-05-01T00:00:00Z'), 3)));
    expect(new Set(cursors).size).toBe(TICKET_ORDERS.length);
  });

  it.each<[string, string]>([
    ['empty', ''],
    ['not base64url JSON', 'not-a-cursor'],
    ['JSON, not an array', forge({ order: 'n', createdAt: '2024-01-01T00:00:00Z', id: 1 })],
    ['without its order (the shape before orders were named)', forge(['2024-01-01T00:00:00Z', 1])],
    ['an unknown order', forge(['x', '2024-01-01T00:00:00Z', 1])],
    ['an array of two', forge(['n', '2024-01-01T00:00:00Z'])],
    ['an array of four for a created-at order', forge(['n', '2024-01-01T00:00:00Z', 1, 2])],
    ['a priority cursor without its priority', forge(['p', '2024-01-01T00:00:00Z', 1])],
    ['a priority that is none', forge(['p', 'urgent', '2024-01-01T00:00:00Z', 1])],
    ['the id as a string', forge(['n', '2024-01-01T00:00:00Z', '1'])],
    ['a fractional id', forge(['n', '2024-01-01T00:00:00Z', 1.5])],
    ['id zero', forge(['n', '2024-01-01T00:00:00Z', 0])],
    ['a negative id', forge(['c', '2024-01-01T00:00:00Z', -1])],
    ['an id beyond int4', forge(['o', '2024-01-01T00:00:00Z', 2_147_483_648])],
    ['the date as a number', forge(['n', 1704067200000, 1])],
    ['a date that is not one', forge(['p', 'high', 'yesterday', 1])],
    ['a date before year 1', forge(['n', '-000001-12-31T23:59:59.999Z', 1])],
    ['a date after year 9999', forge(['n', '+010000-01-01T00:00:00.000Z', 1])],
    ['null', forge(null)],
  ])('refuses %s', (_case, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});

/** A database that fails the test if a query reaches it: these arguments must be refused first. */
const untouchedDb = new Proxy({} as Db, {
  get() {
    throw new Error('the database was used before the arguments were checked');
  },
});

async function refusal(params: Omit<Parameters<typeof listTickets>[1], 'caller'>) {
  const error = await listTickets(untouchedDb, { caller: { userId: null }, ...params }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TicketError);
  const { code, issues } = error as TicketError;
  return { code, issues: issues.map(({ field, code }) => ({ field, code })) };
}

describe('listTickets page arguments', () => {
  it.each<[string, number]>([
    ['negative', -1],
    ['one past the maximum', GRAPHQL_PAGE_SIZE.max + 1],
    ['fractional', 2.5],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('refuses `first` %s', async (_case, first) => {
    expect(await refusal({ first })).toEqual({ code: 'VALIDATION_FAILED', issues: [{ field: 'first', code: 'OUT_OF_RANGE' }] });
  });

  it.each<[string, string]>([
    ['garbage', '???'],
    ['a forged id', forge(['n', '2024-01-01T00:00:00Z', 0])],
    ['a forged date', forge(['n', '+275760-09-13T00:00:00.000Z', 1])],
  ])('refuses an `after` cursor that is %s', async (_case, after) => {
    expect(await refusal({ after })).toEqual({ code: 'VALIDATION_FAILED', issues: [{ field: 'after', code: 'INVALID' }] });
  });

  it.each(TICKET_ORDERS.flatMap((from) => TICKET_ORDERS.filter((to) => to !== from).map((to) => [from, to] as const)))(
    'refuses a cursor of %s used with %s',
    async (from, to) => {
      const after = encodeCursor(from, row(new Date('2024-05-01T00:00:00Z'), 3));
      expect(await refusal({ after, orderBy: to })).toEqual({ code: 'VALIDATION_FAILED', issues: [{ field: 'after', code: 'INVALID' }] });
    },
  );

  it('refuses an order that is none', async () => {
    expect(await refusal({ orderBy: 'SIDEWAYS' as TicketOrder })).toEqual({
      code: 'VALIDATION_FAILED',
      issues: [{ field: 'orderBy', code: 'INVALID_CHOICE' }],
    });
  });

  it('checks the filter and search before the page', async () => {
    expect(await refusal({ search: 'x'.repeat(10_000), first: -1 })).toEqual({
      code: 'VALIDATION_FAILED',
      issues: [{ field: 'search', code: 'TOO_LONG' }],
    });
  });
});
