// SQL for the tickets' history: append and read, nothing else. Events are never
// updated or deleted (the table is append-only by contract: no function here can).
import { and, asc, count, eq, getTableColumns, gt, sql, type SQL } from 'drizzle-orm';
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

// Every column an event is written with, but those the database fills (id, at) and
// the ticket's id, which comes from the row the same statement writes.
const WRITTEN_COLUMNS = Object.entries(ticketEventColumns).filter(([key]) => key !== 'id' && key !== 'at' && key !== 'ticketId') as [
  keyof TicketEventDraft,
  (typeof ticketEventColumns)[keyof typeof ticketEventColumns],
][];

/** An event of a ticket being written by the same statement, which gives it the ticket's id. */
export type TicketEventDraft = Omit<NewTicketEvent, 'ticketId'>;

/**
 * The events of a ticket that the same statement inserts or updates, as a statement
 * to run in its WITH clause: `written` names the CTE returning that ticket's row, and
 * no event is written when it returns none (an update refused at another version).
 * Their ids follow the order given.
 */
export function insertEventsOf(written: string, events: readonly TicketEventDraft[]): SQL {
  // Typed casts in a VALUES list: parameters have no type of their own there.
  const rows = events.map(
    (event, i) =>
      sql`(${i}::integer, ${sql.join(
        WRITTEN_COLUMNS.map(([key, column]) => {
          const value = event[key];
          return sql`${value === undefined || value === null ? null : column.mapToDriverValue(value)}::${sql.raw(column.getSQLType())}`;
        }),
        sql`, `,
      )})`,
  );
  const names = sql.raw(WRITTEN_COLUMNS.map(([, column]) => `"${column.name}"`).join(', '));
  return sql`insert into ${ticketEvents} ("ticket_id", ${names})
    select w.id, ${sql.raw(WRITTEN_COLUMNS.map(([, column]) => `e."${column.name}"`).join(', '))}
    from ${sql.raw(`"${written}"`)} as w, (values ${sql.join(rows, sql`, `)}) as e(ord, ${names})
    order by e.ord`;
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
