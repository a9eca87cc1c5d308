// SQL of saved views: plain functions over a `Db` (a database or a transaction), each
// reading or writing one person's views only: every statement names the owner, so no
// caller reaches another person's view by its id.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { savedViews, users } from '../db/schema.js';
import type { SavedViewQuery } from './saved-view.validation.js';

export type SavedViewRow = typeof savedViews.$inferSelect;

/** A person's views, in the order they were saved. */
export function listSavedViewsOf(db: Db, userId: number, limit: number): Promise<SavedViewRow[]> {
  return db.select().from(savedViews).where(eq(savedViews.userId, userId)).orderBy(asc(savedViews.id)).limit(limit);
}

export async function findSavedViewOf(db: Db, userId: number, id: number): Promise<SavedViewRow | undefined> {
  const [row] = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.id, id)))
    .limit(1);
  return row;
}

/**
 * Locks the person's row until the transaction ends: their creates and renames queue
 * here, so the count and the name checks that follow see each other's writes.
 */
export async function lockViewsOf(db: Db, userId: number): Promise<void> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
}

export async function countSavedViewsOf(db: Db, userId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(savedViews).where(eq(savedViews.userId, userId));
  return row?.n ?? 0;
}

/** Whether the person has another view of this name, case aside (as the unique index compares). */
export async function nameTakenBy(db: Db, userId: number, name: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(
      and(
        eq(savedViews.userId, userId),
        sql`lower(${savedViews.name}) = lower(${name})`,
        exceptId === undefined ? undefined : sql`${savedViews.id} <> ${exceptId}`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function insertSavedView(db: Db, values: { userId: number; name: string; query: SavedViewQuery }): Promise<SavedViewRow> {
  const [row] = await db.insert(savedViews).values(values).returning();
  return row!;
}

/** Undefined when the person has no view of that id. */
export async function updateSavedViewOf(
  db: Db,
  userId: number,
  id: number,
  patch: { name?: string; query?: SavedViewQuery },
): Promise<SavedViewRow | undefined> {
  const [row] = await db
    .update(savedViews)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(savedViews.userId, userId), eq(savedViews.id, id)))
    .returning();
  return row;
}

export async function deleteSavedViewOf(db: Db, userId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.id, id)))
    .returning({ id: savedViews.id });
  return rows.length > 0;
}
