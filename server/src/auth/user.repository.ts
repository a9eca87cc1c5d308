// SQL for users: plain functions over a `Db` (a database or a transaction).
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { cachedQuery } from '../db/query-cache.js';
import { isAnyOf } from '../db/statements.js';
import { users } from '../db/schema.js';
import type { UserRole } from './auth.enums.js';

export type UserRow = typeof users.$inferSelect;

/** Case-insensitive, through the unique index on lower(email). */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** Users by id, in no particular order: one prepared statement, built once, for any number of ids (the authors loader's). */
export function findUsersByIds(db: Db, ids: readonly number[]): Promise<UserRow[]> {
  const query = cachedQuery(db, 'users:by-ids', () =>
    db
      .select()
      .from(users)
      .where(isAnyOf(users.id, sql.placeholder('ids')))
      .prepare('users_by_ids'),
  );
  return query.execute({ ids: [...ids] });
}

/** The most users one list answers: a team, not a customer base (and a bound on the response). */
export const USER_LIST_MAX = 1_000;

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.displayName), asc(users.id)).limit(USER_LIST_MAX);
}

/** Active users who can sign in (an invited person has no password yet), by name. */
export function listAssignableUsers(db: Db): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(and(eq(users.active, true), isNotNull(users.passwordHash)))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(USER_LIST_MAX);
}

export async function insertUser(
  db: Db,
  values: { email: string; displayName: string; role: UserRole; passwordHash: string | null },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUserById(
  db: Db,
  id: number,
  patch: Partial<Pick<UserRow, 'displayName' | 'role' | 'active' | 'passwordHash'>>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/**
 * An admin who can sign in: active, with a password. An invited admin who has not
 * accepted yet does not count, or demoting the last real admin in favour of an
 * invitation nobody accepts would lock everyone out (and stop the setup link).
 */
export async function adminExists(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), isNotNull(users.passwordHash)))
    .limit(1);
  return row !== undefined;
}

/**
 * How many active admins other than `userId` there are, with every active admin
 * (`userId` included) locked until the transaction ends, always in id order: two
 * admins demoting each other at once then queue on the same first row and run one
 * after the other, and the second sees that it would leave none. (Locking only the
 * others let each hold the row the other was about to update: a deadlock.)
 */
export async function lockOtherActiveAdmins(db: Db, userId: number): Promise<number> {
  const rows = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for('update');
  // Those who can sign in (see adminExists).
  return rows.filter((row) => row.id !== userId && row.passwordHash !== null).length;
}

/** Unique violation on the email index: the address is taken. */
export function isEmailTaken(error: unknown): boolean {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const { code, constraint_name, constraint } = (cause ?? {}) as { code?: string; constraint_name?: string; constraint?: string };
  return code === '23505' && (constraint_name ?? constraint) === 'users_email_lower_key';
}
