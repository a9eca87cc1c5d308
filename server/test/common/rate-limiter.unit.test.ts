// Unit tests of the token bucket behind the classify rate limit: bursts, refill, one budget
// per client, and the bounded client map. Time is injected, so nothing here waits.
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/common/rate-limiter.js';

describe('createRateLimiter', () => {
  it('allows a burst up to the limit, then refuses with the wait until the next token', () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => t });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    t = 19_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    t = 20_000;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('keeps one budget per client', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: () => 0 });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('forgets the least recently seen client beyond maxClients', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxClients: 2, now: () => 0 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    // 'a' was evicted, so it starts with a full bucket again.
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('c').allowed).toBe(false);
  });
});
