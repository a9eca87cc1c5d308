// A small in-memory cache bounded both in size (least recently used entry evicted first) and in
// age (entries expire after ttlMs), with an injectable clock so expiry is testable without waiting.

export interface TtlLruCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** Forgets every entry (e.g. when what they were computed from changed). */
  clear(): void;
  readonly size: number;
}

export interface TtlLruCacheOptions {
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
}

export function createTtlLruCache<V>({ maxEntries, ttlMs, now = Date.now }: TtlLruCacheOptions): TtlLruCache<V> {
  // A Map iterates in insertion order, so re-inserting on read keeps the oldest-used entry first.
  const entries = new Map<string, { value: V; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= now()) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value) {
      if (maxEntries <= 0 || ttlMs <= 0) return;
      entries.delete(key);
      entries.set(key, { value, expiresAt: now() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
