// SQL for the tickets' history: append and read, nothing else. Events are never
// updated or deleted (the table is append-only by contract: no function here can).
import { and, asc, count, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ticketEvents, type NewTicketEventRow, type TicketEventRow } from '../db/schema.js';

export type { TicketEventRow };
export type NewTicketEvent = Omit<NewTicketEventRow, 'id' | 'at'>;

/** Appends events in one statement; their ids follow the order given. */
export async function insertTicketEvents(db: Db, events: readonly NewTicketEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(ticketEvents).values([...events]);
}

/**
 * One page of a ticket's history, oldest first, after an event id (GraphQL) or an
 * offset (REST's numbered pages): a range scan of (ticket_id, id) either way.
 */
export function listTicketEventsPage(
  db: Db,
  ticketId: number,
  page: { afterId?: number; offset?: number; limit: number },
): Promise<TicketEventRow[]> {
  const select = db
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), page.afterId === undefined ? undefined : gt(ticketEvents.id, page.afterId)))
    .orderBy(asc(ticketEvents.id));
  return (page.offset === undefined ? select : select.offset(page.offset)).limit(page.limit);
}

/** How many events a ticket has: an index-only count of one ticket's entries. */
export async function countTicketEvents(db: Db, ticketId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId));
  return row?.n ?? 0;
}
