// SQL of bulk updates: the locks they take before changing any ticket, so that a bulk
// update and the single writes around it cannot deadlock.
import { asc, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ticketAssigneeCounts, ticketCounts, ticketDailyCounts, tickets } from '../db/schema.js';

/**
 * Locks the tickets of `ids` that exist, in id order, until the transaction ends, and
 * returns their ids. One statement in one order: two bulk updates over overlapping
 * tickets queue on the first ticket they share instead of each holding what the other
 * needs.
 */
export async function lockTicketsInIdOrder(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(inArray(tickets.id, [...ids]))
    .orderBy(asc(tickets.id))
    .for('update');
  return rows.map((row) => row.id);
}

/**
 * Keeps every other ticket write out of the counter tables until the transaction ends
 * (reads go on). A bulk update writes tickets one statement at a time, and each
 * statement's trigger locks the counter rows of its keys: across statements those
 * come in no global order, so a concurrent write locking the same counter rows in its
 * own order could deadlock with it. Taken after the tickets are locked: a write that
 * already holds counter rows never waits for a ticket, so it finishes and lets this through.
 * The tables are locked in the order every write's triggers reach them (the triggers
 * fire in name order: drizzle/0011_ticket_assignee_counts.sql); another order would let
 * a write hold one and wait for the next while this holds the next and waits for the one.
 */
export async function lockTicketCounters(db: Db): Promise<void> {
  await db.execute(sql`lock table ${ticketCounts}, ${ticketDailyCounts}, ${ticketAssigneeCounts} in exclusive mode`);
}
