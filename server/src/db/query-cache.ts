// Built queries, kept per database handle. drizzle turns a query builder into SQL
// text and parameters on every call, and for the cheap, frequent reads (the
// dashboard's statistics, enum-only counts, a filtered page) that building cost more
// Node CPU than the database spent answering: at 1M tickets and 8 concurrent
// clients, building the two dozen stats aggregates was over half of the server's
// CPU per stats request. A cached prepared query is built once and only executed
// afterwards (its values bound as placeholders, or part of the key).
import type { Db } from './client.js';

/** Entries per database handle: enough for every filter the web app offers in a session. */
const MAX_ENTRIES = 256;

const caches = new WeakMap<Db, Map<string, unknown>>();

/**
 * The query `build` makes for `key` on `db`, built on first use. `key` must
 * determine the SQL text and every value that is not a placeholder.
 */
export function cachedQuery<T>(db: Db, key: string, build: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Re-inserted so that eviction drops the least recently used entry.
    cache.delete(key);
    cache.set(key, hit);
    return hit as T;
  }
  const built = build();
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, built);
  return built;
}
