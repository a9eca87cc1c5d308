// Unit tables for the GraphQL list's page arguments: the opaque cursor (a round trip, and
// every forged shape refused rather than reaching SQL) and the checks on `first` and `after`
// that run before the database is asked anything.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { TicketError } from '../../src/tickets/ticket.errors.js';
import { decodeCursor, encodeCursor, GRAPHQL_PAGE_SIZE } from '../../src/tickets/ticket-query.js';
import { listTickets } from '../../src/tickets/ticket.service.js';
import { EARLIEST_DATE, LATEST_DATE } from '../../src/tickets/ticket.validation.js';

const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('encodeCursor and decodeCursor', () => {
  it.each<[string, Date, number]>([
    ['an ordinary row', new Date('2024-05-01T12:34:56.789Z'), 42],
    ['the first id', new Date('2024-01-01T00:00:00.000Z'), 1],
    ['the largest int4 id', new Date('2024-01-01T00:00:00.000Z'), 2_147_483_647],
    ['the earliest storable instant', EARLIEST_DATE, 7],
    ['the latest storable instant', LATEST_DATE, 7],
  ])('round-trips %s', (_case, createdAt, id) => {
    const cursor = encodeCursor({ createdAt, id });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ createdAt, id });
  });

  it.each<[string, string]>([
    ['empty', ''],
    ['not base64url JSON', 'not-a-cursor'],
    ['JSON, not an array', forge({ createdAt: '2024-01-01T00:00:00Z', id: 1 })],
    ['an array of one', forge(['2024-01-01T00:00:00Z'])],
    ['an array of three', forge(['2024-01-01T00:00:00Z', 1, 2])],
    ['the id as a string', forge(['2024-01-01T00:00:00Z', '1'])],
    ['a fractional id', forge(['2024-01-01T00:00:00Z', 1.5])],
    ['id zero', forge(['2024-01-01T00:00:00Z', 0])],
    ['a negative id', forge(['2024-01-01T00:00:00Z', -1])],
    ['an id beyond int4', forge(['2024-01-01T00:00:00Z', 2_147_483_648])],
    ['the date as a number', forge([1704067200000, 1])],
    ['a date that is not one', forge(['yesterday', 1])],
    ['a date before year 1', forge(['-000001-12-31T23:59:59.999Z', 1])],
    ['a date after year 9999', forge(['+010000-01-01T00:00:00.000Z', 1])],
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
    ['a forged id', forge(['2024-01-01T00:00:00Z', 0])],
    ['a forged date', forge(['+275760-09-13T00:00:00.000Z', 1])],
  ])('refuses an `after` cursor that is %s', async (_case, after) => {
    expect(await refusal({ after })).toEqual({ code: 'VALIDATION_FAILED', issues: [{ field: 'after', code: 'INVALID' }] });
  });

  it('checks the filter and search before the page', async () => {
    expect(await refusal({ search: 'x'.repeat(10_000), first: -1 })).toEqual({
      code: 'VALIDATION_FAILED',
      issues: [{ field: 'search', code: 'TOO_LONG' }],
    });
  });
});
