// Unit tests for the size- and age-bounded cache.
import { describe, expect, it } from 'vitest';
import { createTtlLruCache } from '../../src/common/ttl-lru.cache.js';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createTtlLruCache', () => {
  it.each([
    ['just before expiry', 999, 'v'],
    ['at expiry', 1000, undefined],
    ['after expiry', 5000, undefined],
  ])('an entry read %s', (_name, elapsed, expected) => {
    const c = clock();
    const cache = createTtlLruCache<string>({ maxEntries: 10, ttlMs: 1000, now: c.now });
    cache.set('k', 'v');
    c.advance(elapsed);
    expect(cache.get('k')).toBe(expected);
  });

  it('evicts the least recently used entry beyond maxEntries', () => {
    const cache = createTtlLruCache<number>({ maxEntries: 2, ttlMs: 1000 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a'); // a is now more recent than b
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it('drops expired entries when they are read', () => {
    const c = clock();
    const cache = createTtlLruCache<number>({ maxEntries: 5, ttlMs: 10, now: c.now });
    cache.set('a', 1);
    c.advance(10);
    cache.get('a');
    expect(cache.size).toBe(0);
  });

  it.each([
    ['maxEntries 0', 0, 1000],
    ['ttlMs 0', 10, 0],
  ])('stores nothing with %s', (_name, maxEntries, ttlMs) => {
    const cache = createTtlLruCache<number>({ maxEntries, ttlMs });
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });
});
