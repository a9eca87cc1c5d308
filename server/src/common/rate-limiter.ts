// A per-client token bucket, shared by every adapter that exposes a costly
// operation (the classifier calls Gemini), so GraphQL and REST draw on one budget;
// kept in the database (rate_limit_buckets), so every server process on one
// PostgreSQL draws on it too, rather than each granting a budget of its own.
import type { Db } from '../db/client.js';
import { deleteIdleRateLimitBuckets, takeRateLimitToken } from './rate-limit.repository.js';

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until one more call would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  take(clientKey: string): Promise<RateLimitDecision>;
  /** Deletes buckets idle for a whole window; also done now and then by `take`. */
  purge(): Promise<void>;
}

export interface RateLimiterOptions {
  /** Which limit: buckets of different limits never mix. */
  name: string;
  /** Calls allowed per window, also the burst size. */
  limit: number;
  windowMs: number;
  /** The clock (tests); by default the database's, which every process shares. */
  now?: () => Date;
}

/** One take in this many also purges idle buckets: cheap, and enough to keep the table to the active clients. */
const PURGE_EVERY = 100;

export function createRateLimiter(db: Db, { name, limit, windowMs, now }: RateLimiterOptions): RateLimiter {
  const refillPerMs = limit / windowMs;
  let takes = 0;
  const purge = () => deleteIdleRateLimitBuckets(db, { prefix: `${name}:`, windowMs, at: now?.() });
  return {
    purge,
    async take(clientKey) {
      takes += 1;
      if (takes % PURGE_EVERY === 0) await purge();
      const { allowed, tokens } = await takeRateLimitToken(db, { key: `${name}:${clientKey}`, limit, refillPerMs, at: now?.() });
      if (allowed) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)) };
    },
  };
}
