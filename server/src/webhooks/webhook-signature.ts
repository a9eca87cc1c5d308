// How deliveries are signed, Stripe-style: `X-Webhook-Signature: t=<unix seconds>,v1=<hex>`
// where v1 is HMAC-SHA256 of `${t}.${body}` under the endpoint's secret. Receivers
// recompute it over the raw body and refuse old timestamps (replays).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-webhook-signature';
export const WEBHOOK_ID_HEADER = 'x-webhook-id';
export const EVENT_TYPE_HEADER = 'x-webhook-event';

const SECRET_PREFIX = 'whsec_';
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * What a receiver does (and the tests do): true when `header` signs `body` under
 * `secret` with a timestamp at most `toleranceSeconds` from `now`.
 */
export function verifySignature(secret: string, header: string, body: string, now = Date.now(), toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds || typeof parts.v1 !== 'string') return false;
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
