// Notes as the REST API shows them: snake_case keys, the author as `{type, id, name}`,
// UTC ISO 8601 times.
import type { Db } from '../db/client.js';
import type { NamedTicketNoteRow, TicketNoteRow } from '../tickets/ticket-note.repository.js';
import { namedAuthor, readRestAuthors, type RestAuthor } from './ticket.serializer.js';

export interface RestTicketNote {
  id: number;
  body: string;
  author: RestAuthor;
  created_at: string;
}

export function toRestTicketNote(row: TicketNoteRow, author: RestAuthor): RestTicketNote {
  return { id: row.id, body: row.body, author, created_at: row.createdAt.toISOString() };
}

/** A page of notes, with their authors read in the page's own statement. */
export function toRestNamedTicketNotes(rows: readonly NamedTicketNoteRow[]): RestTicketNote[] {
  return rows.map((row) =>
    toRestTicketNote(row, namedAuthor({ userId: row.authorUserId, tokenId: row.authorTokenId }, row.authorUser, row.authorToken)),
  );
}

/** Notes with their authors, whose names are read in one statement for all of them. */
export async function toRestTicketNotes(db: Db, rows: readonly TicketNoteRow[]): Promise<RestTicketNote[]> {
  const refs = rows.map((row) => ({ userId: row.authorUserId, tokenId: row.authorTokenId }));
  const authorOf = await readRestAuthors(db, refs);
  return rows.map((row, i) => toRestTicketNote(row, authorOf(refs[i]!)));
}
