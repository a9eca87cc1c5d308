// Internal notes on a ticket: adding one (the rule for its body, written once for
// GraphQL and REST) and reading them a page at a time, oldest first. A note is
// append-only, and adding one changes nothing on the ticket: no version, no
// `updatedAt` (it is not an edit of the ticket's fields); its `note_added` event is
// written with it.
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { TICKET_NOTE_MAX } from './ticket.enums.js';
import { TicketError, type TicketIssue } from './ticket.errors.js';
import {
  createEntryCursor,
  readEntryPage,
  readNumberedPage,
  type EntryPage,
  type EntryPageRequest,
  type NumberedPage,
} from './ticket-entry-page.js';
import { insertTicketNoteWithEvent, readTicketNotePage, type NamedTicketNoteRow, type TicketNoteRow } from './ticket-note.repository.js';
import { findTicketById } from './ticket.repository.js';
import { parseTicketId, validateText } from './ticket.validation.js';

export type { TicketNoteRow };

export interface AddTicketNoteRequest {
  body?: unknown;
}

// The argument naming the ticket (GraphQL `addTicketNote(ticketId:)`); REST answers a 404 instead.
const TICKET_ID_FIELD = 'ticketId';

function ticketNotFound(): TicketError {
  return new TicketError('NOT_FOUND', [{ field: TICKET_ID_FIELD, code: 'NOT_FOUND', message: 'Not found.' }]);
}

/**
 * Adds a note, trimmed, of at most TICKET_NOTE_MAX code points and not blank, with its
 * author; an unknown ticket is NOT_FOUND whatever the body (as DRF looks the ticket up
 * before validating).
 */
export async function addTicketNote(db: Db, actor: Actor, rawTicketId: unknown, input: AddTicketNoteRequest): Promise<TicketNoteRow> {
  const ticketId = parseTicketId(rawTicketId);
  if (ticketId === null) throw ticketNotFound();
  const issues: TicketIssue[] = [];
  const body = validateText(issues, 'body', input.body, { required: true, max: TICKET_NOTE_MAX });
  if (body === undefined) {
    if (!(await findTicketById(db, ticketId))) throw ticketNotFound();
    throw new TicketError('VALIDATION_FAILED', issues);
  }
  const note = await insertTicketNoteWithEvent(db, { ticketId, body, authorUserId: actor.userId, authorTokenId: actor.tokenId });
  if (!note) throw ticketNotFound();
  return note;
}

// ---- reading ------------------------------------------------------------------

const NOTE_CURSOR = createEntryCursor('note:');

export function encodeNoteCursor(row: Pick<TicketNoteRow, 'id'>): string {
  return NOTE_CURSOR.encode(row);
}

/** Reads a page of one ticket's notes: straight from the database, or batched with other tickets' (ticket-entry.loader.ts). */
export type TicketNoteReader = (ticketId: number, page: EntryPageRequest) => Promise<TicketNoteRow[]>;

/** A page of a ticket's notes, oldest first: at most `first` (the ticket list's page sizes) after the cursor `after`. */
export function listTicketNotes(
  read: TicketNoteReader,
  ticketId: number,
  params: { first?: number | null; after?: string | null },
): Promise<EntryPage<TicketNoteRow>> {
  return readEntryPage(NOTE_CURSOR, params, (page) => read(ticketId, page));
}

/** A numbered page of a ticket's notes, oldest first (REST), with their authors: `page` may be 'last'; an unknown ticket is NOT_FOUND. */
export function listTicketNotesByPage(
  db: Db,
  rawTicketId: unknown,
  params: { page: number | 'last'; pageSize: number },
): Promise<NumberedPage<NamedTicketNoteRow>> {
  const id = parseTicketId(rawTicketId);
  if (id === null) throw TicketError.notFound();
  return readNumberedPage((page) => readTicketNotePage(db, id, page), params);
}
