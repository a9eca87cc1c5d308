// The classify rate limit's token bucket, kept in the database so that every server
// process on one PostgreSQL draws on the same budget: bursts, refill, one budget per
// client, concurrent takes that never overspend, and forgotten idle buckets. Time is
// injected, so nothing here waits.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/common/rate-limiter.js';
import { executeRows } from '../../src/db/statements.js';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../support/databases.js';

describe.each(TEST_DATABASES)('rate limiter [$name]', (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(target);
  });
  afterAll(async () => database?.destroy());
  beforeEach(async () => database.reset());

  const at = (ms: number) => () => new Date(Date.UTC(2026, 0, 1) + ms);

  it('allows a burst up to the limit, then refuses with the wait until the next token', async () => {
    let now = at(0);
    const limiter = createRateLimiter(database.db, { name: 'classify', limit: 3, windowMs: 60_000, now: () => now() });
    const burst = [];
    for (let i = 0; i < 3; i += 1) burst.push((await limiter.take('a')).allowed);
    expect(burst).toEqual([true, true, true]);
    expect(await limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    now = at(19_000);
    expect(await limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = at(20_000);
    expect((await limiter.take('a')).allowed).toBe(true);
  });

  it('keeps one budget per client and per limiter name', async () => {
    const limiter = createRateLimiter(database.db, { name: 'classify', limit: 1, windowMs: 60_000, now: at(0) });
    const other = createRateLimiter(database.db, { name: 'other', limit: 1, windowMs: 60_000, now: at(0) });
    expect((await limiter.take('a')).allowed).toBe(true);
    expect((await limiter.take('a')).allowed).toBe(false);
    expect((await limiter.take('b')).allowed).toBe(true);
    expect((await other.take('a')).allowed).toBe(true);
  });

  it('shares the budget between limiters over one database, as processes do, and concurrent takes never overspend', async () => {
    const options = { name: 'classify', limit: 5, windowMs: 60_000, now: at(0) };
    const processes = [createRateLimiter(database.db, options), createRateLimiter(database.db, options)];
    const decisions = await Promise.all(Array.from({ length: 12 }, (_, i) => processes[i % 2]!.take('a')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  });

  it('does not refill past the limit, and a clock that steps back refunds nothing', async () => {
    let now = at(10 * 60_000);
    const limiter = createRateLimiter(database.db, { name: 'classify', limit: 2, windowMs: 60_000, now: () => now() });
    expect((await limiter.take('a')).allowed).toBe(true);
    now = at(0);
    expect((await limiter.take('a')).allowed).toBe(true);
    expect((await limiter.take('a')).allowed).toBe(false);
  });

  it('forgets buckets idle for a whole window (they would be full again)', async () => {
    let now = at(0);
    const limiter = createRateLimiter(database.db, { name: 'classify', limit: 1, windowMs: 60_000, now: () => now() });
    for (let i = 0; i < 20; i += 1) await limiter.take(`client-${i}`);
    now = at(61_000);
    await limiter.purge();
    const [row] = await executeRows<{ n: number }>(database.db, sql`select count(*)::int as n from rate_limit_buckets`);
    expect(row!.n).toBe(0);
  });
});
