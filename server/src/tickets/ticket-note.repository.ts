// SQL for the tickets' internal notes: append and read, nothing else. Notes are never
// updated or deleted (a correction is a new note): no function here can.
import { and, asc, count, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { cachedQuery } from '../db/query-cache.js';
import { decodeRow, executeRows } from '../db/statements.js';
import { ticketEvents, ticketNotes, type TicketNoteRow } from '../db/schema.js';
import { listedTickets, ofListedTicket } from './ticket-entry.repository.js';
import type { EntryPageRequest } from './ticket-entry-page.js';
import { TicketEventKind } from './ticket.enums.js';

export type { TicketNoteRow };

export interface NewTicketNote {
  ticketId: number;
  body: string;
  authorUserId: number | null;
  authorTokenId: number | null;
}

const NOTE_COLUMNS = getTableColumns(ticketNotes);

/**
 * Appends a note and its `note_added` event (the author as its actor) in one
 * statement, so that both or neither are written without a transaction's extra round
 * trips. Undefined when the ticket does not exist: nothing is written then.
 */
export async function insertTicketNoteWithEvent(db: Db, note: NewTicketNote): Promise<TicketNoteRow | undefined> {
  const [row] = await executeRows(
    db,
    sql`with note as (
      insert into ${ticketNotes} (ticket_id, body, author_user_id, author_token_id)
      select id, ${note.body}, ${note.authorUserId}::integer, ${note.authorTokenId}::integer from tickets where id = ${note.ticketId}
      returning *
    ), event as (
      insert into ${ticketEvents} (ticket_id, kind, actor_user_id, actor_token_id, note_id)
      select ticket_id, ${TicketEventKind.NOTE_ADDED}, author_user_id, author_token_id, id from note
    )
    select * from note`,
  );
  return row === undefined ? undefined : decodeRow(NOTE_COLUMNS, row);
}

/** One page of a ticket's notes, oldest first, after a note id (GraphQL) or an offset (REST). */
export function listTicketNotesPage(
  db: Db,
  ticketId: number,
  page: { afterId?: number; offset?: number; limit: number },
): Promise<TicketNoteRow[]> {
  const select = db
    .select()
    .from(ticketNotes)
    .where(and(eq(ticketNotes.ticketId, ticketId), page.afterId === undefined ? undefined : gt(ticketNotes.id, page.afterId)))
    .orderBy(asc(ticketNotes.id));
  return (page.offset === undefined ? select : select.offset(page.offset)).limit(page.limit);
}

/** The same page of each ticket's notes, in one statement (see ticket-entry.repository.ts). */
export function listTicketNotesOfTickets(db: Db, ticketIds: readonly number[], page: EntryPageRequest): Promise<TicketNoteRow[]> {
  const after = page.afterId !== undefined;
  const query = cachedQuery(db, `ticket-notes:of-tickets:${after ? 'after' : 'first'}`, () => {
    const perTicket = db
      .select()
      .from(ticketNotes)
      .where(and(ofListedTicket(ticketNotes.ticketId), after ? gt(ticketNotes.id, sql.placeholder('afterId')) : undefined))
      .orderBy(asc(ticketNotes.id))
      .limit(sql.placeholder('limit'))
      .as('n');
    return db
      .select(perTicket._.selectedFields)
      .from(listedTickets(sql.placeholder('ticketIds')))
      .crossJoinLateral(perTicket)
      .orderBy(asc(perTicket.id))
      .prepare('ticket_notes_of_tickets');
  });
  return query.execute({ ticketIds: [...ticketIds], afterId: page.afterId, limit: page.limit });
}

/** How many notes a ticket has: an index-only count. */
export async function countTicketNotes(db: Db, ticketId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(ticketNotes).where(eq(ticketNotes.ticketId, ticketId));
  return row?.n ?? 0;
}
