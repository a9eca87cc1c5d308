// A per-client token bucket, shared by every adapter that exposes a costly
// operation (the classifier calls Gemini), so GraphQL and REST draw on one budget.

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until one more call would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  take(clientKey: string): RateLimitDecision;
}

export interface RateLimiterOptions {
  /** Calls allowed per window, also the burst size. */
  limit: number;
  windowMs: number;
  /** Distinct clients remembered at most; the least recently seen are forgotten first. */
  maxClients?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export function createRateLimiter({ limit, windowMs, maxClients = 10_000, now = Date.now }: RateLimiterOptions): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = limit / windowMs;
  return {
    take(clientKey) {
      const t = now();
      const previous = buckets.get(clientKey);
      const bucket = previous
        ? { tokens: Math.min(limit, previous.tokens + (t - previous.updatedAt) * refillPerMs), updatedAt: t }
        : { tokens: limit, updatedAt: t };
      // Re-insert so Map order is least-recently-seen first.
      buckets.delete(clientKey);
      buckets.set(clientKey, bucket);
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
  };
}
