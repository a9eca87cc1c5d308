// SQL for the tickets' history: append and read, nothing else. Events are never
// updated or deleted (the table is append-only by contract: no function here can).
import { and, asc, count, eq, getTableColumns, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ticketEvents, ticketNotes, type NewTicketEventRow, type TicketEventRow as StoredEventRow } from '../db/schema.js';
import { listedTickets, ofListedTicket } from './ticket-entry.repository.js';
import type { EntryPageRequest } from './ticket-entry-page.js';
import type { TicketNoteRow } from './ticket-note.repository.js';

/** An event as read: with its note (note_added), read in the same statement. */
export type TicketEventRow = StoredEventRow & { note: TicketNoteRow | null };
export type NewTicketEvent = Omit<NewTicketEventRow, 'id' | 'at'>;

const ticketEventColumns = getTableColumns(ticketEvents);

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
    .select({ ...ticketEventColumns, note: ticketNotes })
    .from(ticketEvents)
    .leftJoin(ticketNotes, eq(ticketNotes.id, ticketEvents.noteId))
    .where(and(eq(ticketEvents.ticketId, ticketId), page.afterId === undefined ? undefined : gt(ticketEvents.id, page.afterId)))
    .orderBy(asc(ticketEvents.id));
  return (page.offset === undefined ? select : select.offset(page.offset)).limit(page.limit);
}

/** The same page of each ticket's history, in one statement (see ticket-entry.repository.ts). */
export function listTicketEventsOfTickets(db: Db, ticketIds: readonly number[], page: EntryPageRequest): Promise<TicketEventRow[]> {
  const perTicket = db
    .select()
    .from(ticketEvents)
    .where(and(ofListedTicket(ticketEvents.ticketId), page.afterId === undefined ? undefined : gt(ticketEvents.id, page.afterId)))
    .orderBy(asc(ticketEvents.id))
    .limit(page.limit)
    .as('e');
  return db
    .select({ ...perTicket._.selectedFields, note: ticketNotes })
    .from(listedTickets(ticketIds))
    .crossJoinLateral(perTicket)
    .leftJoin(ticketNotes, eq(ticketNotes.id, perTicket.noteId))
    .orderBy(asc(perTicket.id));
}

/** How many events a ticket has: an index-only count of one ticket's entries. */
export async function countTicketEvents(db: Db, ticketId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId));
  return row?.n ?? 0;
}
