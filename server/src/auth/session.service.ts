// Web sessions: started at sign-in, resolved on every request by the cookie's secret,
// ended by sign-out, idleness, their absolute lifetime, a password change or the
// user's deactivation.
import type { AuthSettings } from '../config.js';
import type { Db } from '../db/client.js';
import { sessionActor, type Actor } from './actor.js';
import { digestSecret, newSecret, TOUCH_INTERVAL_MS } from './secrets.js';
import { deleteEndedSessions, deleteSession, findSession, insertSession, touchSession } from './session.repository.js';

type SessionSettings = Pick<AuthSettings, 'sessionIdleMs' | 'sessionMaxAgeMs'>;

/** What the browser is given: the secret (cookie `sessionid`) and the CSRF value (cookie `csrftoken`). */
export interface NewSession {
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * How stale `last_seen_at` may get before a request refreshes it: one write a minute
 * (not one per request), or a tenth of the idle timeout when that is shorter, so that
 * an active session never ends early by more than that.
 */
function touchInterval(idleMs: number): number {
  return Math.min(TOUCH_INTERVAL_MS, Math.floor(idleMs / 10));
}

export async function startSession(db: Db, settings: SessionSettings, userId: number): Promise<NewSession> {
  const now = new Date();
  // Ended sessions are purged as new ones start: the table holds live sessions only.
  await deleteEndedSessions(db, now, settings.sessionIdleMs);
  const secret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + settings.sessionMaxAgeMs);
  await insertSession(db, { secretHash: digestSecret(secret), userId, csrfToken, expiresAt });
  return { secret, csrfToken, expiresAt };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/** The session a cookie's secret names, if it is still live and its user active. */
export async function resolveSession(db: Db, settings: SessionSettings, secret: string): Promise<ResolvedSession | null> {
  const secretHash = digestSecret(secret);
  const session = await findSession(db, secretHash);
  if (!session || !session.active) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + settings.sessionIdleMs <= now) return null;
  if (now - session.lastSeenAt.getTime() >= touchInterval(settings.sessionIdleMs)) await touchSession(db, secretHash, new Date(now));
  return { actor: sessionActor(session.userId, session.role, secretHash), csrfToken: session.csrfToken };
}

export async function endSession(db: Db, sessionHash: string): Promise<void> {
  await deleteSession(db, sessionHash);
}
