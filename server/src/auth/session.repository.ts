// SQL for web sessions: plain functions over a `Db`.
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sessions, users } from '../db/schema.js';
import type { UserRole } from './auth.enums.js';

export interface SessionLookup {
  userId: number;
  role: UserRole;
  active: boolean;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function insertSession(
  db: Db,
  values: { secretHash: string; userId: number; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findSession(db: Db, secretHash: string): Promise<SessionLookup | undefined> {
  const [row] = await db
    .select({
      userId: sessions.userId,
      role: users.role,
      active: users.active,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.secretHash, secretHash))
    .limit(1);
  return row;
}

export async function touchSession(db: Db, secretHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.secretHash, secretHash));
}

export async function deleteSession(db: Db, secretHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.secretHash, secretHash));
}

/** Ends every session of a user, or every one but `keep` (the one changing its password). */
export async function deleteSessionsOfUser(db: Db, userId: number, keep?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(keep === undefined ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.secretHash, keep)));
}

/** Sessions past their absolute lifetime or idle too long: purged as new ones start. */
export async function deleteEndedSessions(db: Db, now: Date, idleMs: number): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMs))));
}
