// SQL for the tickets' internal notes: append and read, nothing else. Notes are never
// updated or deleted (a correction is a new note): no function here can.
import { and, asc, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { cachedQuery } from '../db/query-cache.js';
import { decodeRow, executeRows } from '../db/statements.js';
import { apiTokens, ticketEvents, ticketNotes, tickets, users, type TicketNoteRow } from '../db/schema.js';
import { listedTickets, ofListedTicket } from './ticket-entry.repository.js';
import type { EntryPageRequest } from './ticket-entry-page.js';
import type { NamedRow } from '../auth/actor-name.repository.js';
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

/** A note with its author's name: the user, or the token when one was used (each null when not the author's, or gone). */
export interface NamedTicketNoteRow extends TicketNoteRow {
  authorUser: NamedRow | null;
  authorToken: NamedRow | null;
}

const noteUsers = alias(users, 'author_user');
const noteTokens = alias(apiTokens, 'author_token');

/**
 * A page of a ticket's notes, oldest first, from an offset (REST's numbered pages),
 * with their authors' names and the ticket's note count, in one statement (as
 * `readTicketEventPage`). Built once per handle and prepared. Null when the ticket
 * does not exist.
 */
export async function readTicketNotePage(
  db: Db,
  ticketId: number,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: NamedTicketNoteRow[] } | null> {
  const query = cachedQuery(db, 'ticket-notes:numbered-page', () => {
    const notes = db
      .select()
      .from(ticketNotes)
      .where(eq(ticketNotes.ticketId, tickets.id))
      .orderBy(asc(ticketNotes.id))
      .offset(sql.placeholder('offset'))
      .limit(sql.placeholder('limit'))
      .as('n');
    return db
      .select({
        total: sql<number>`(select count(*) from ${ticketNotes} where ${ticketNotes.ticketId} = ${tickets.id})::integer`.mapWith(Number),
        note: notes._.selectedFields,
        authorUser: { id: noteUsers.id, name: noteUsers.displayName },
        authorToken: { id: noteTokens.id, name: noteTokens.name },
      })
      .from(tickets)
      .leftJoinLateral(notes, sql`true`)
      .leftJoin(noteUsers, eq(noteUsers.id, notes.authorUserId))
      .leftJoin(noteTokens, eq(noteTokens.id, notes.authorTokenId))
      .where(eq(tickets.id, sql.placeholder('ticketId')))
      .orderBy(asc(notes.id))
      .prepare('ticket_notes_numbered_page');
  });
  const found = await query.execute({ ticketId, offset: page.offset, limit: page.limit });
  if (found.length === 0) return null;
  return {
    total: found[0]!.total,
    // A ticket without notes on this page is one row without a note.
    rows: found.flatMap(({ total: _total, note, ...authors }) => (note === null ? [] : [{ ...note, ...authors }])),
  };
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
