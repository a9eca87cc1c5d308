// Random secrets (session ids, API tokens, one-time links) and the digests stored
// in their place. The secrets carry 256 bits of entropy, so a fast SHA-256 is the
// right digest: nothing can be guessed, and a lookup costs one index probe.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** API tokens start with this, so that secret scanners and people recognise them. */
const API_TOKEN_PREFIX = 'stk_';
/** How many characters of a token are kept in clear to recognise it in lists. */
export const API_TOKEN_SHOWN_LENGTH = 12;

/** The longest credential worth looking up (a token, session id or link secret): ours are under 60 characters. */
export const CREDENTIAL_MAX_LENGTH = 200;

/** How stale a session's `last_seen_at` or a token's `last_used_at` may get: one write a minute, not one per request. */
export const TOUCH_INTERVAL_MS = 60_000;

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${newSecret()}`;
}

export function digestSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of two strings (the CSRF double submit). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
