// SQL for the live feed: the events of a batch of commits (ranges of one ticket's
// event ids, as the NOTIFY of each commit names them) and their tickets, one
// statement each for the whole batch.
import { and, asc, between, eq, getTableColumns, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ticketEvents, ticketNotes, tickets } from '../db/schema.js';
import type { TicketEventRow } from '../tickets/ticket-event.repository.js';
import type { TicketRow } from '../tickets/ticket.repository.js';

/** One commit's events on one ticket: ids `firstEventId`..`lastEventId` of `ticketId`. */
export interface EventRange {
  ticketId: number;
  firstEventId: number;
  lastEventId: number;
}

/** The events of every range, with their notes, oldest first. */
export function listEventsInRanges(db: Db, ranges: readonly EventRange[]): Promise<TicketEventRow[]> {
  if (ranges.length === 0) return Promise.resolve([]);
  return db
    .select({ ...getTableColumns(ticketEvents), note: ticketNotes })
    .from(ticketEvents)
    .leftJoin(ticketNotes, eq(ticketNotes.id, ticketEvents.noteId))
    .where(or(...ranges.map((r) => and(eq(ticketEvents.ticketId, r.ticketId), between(ticketEvents.id, r.firstEventId, r.lastEventId)))))
    .orderBy(asc(ticketEvents.id));
}

export function findTicketsByIds(db: Db, ids: readonly number[]): Promise<TicketRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(tickets)
    .where(inArray(tickets.id, [...ids]));
}
