// Notes as the REST API shows them: snake_case keys, the author as `{type, id, name}`,
// UTC ISO 8601 times.
import { createActorLoaders, loadAuthor, type ActorLoaders } from '../auth/actor.loader.js';
import type { Db } from '../db/client.js';
import type { TicketNoteRow } from '../tickets/ticket-note.service.js';
import { toRestAuthor, type RestAuthor } from './ticket.serializer.js';

export interface RestTicketNote {
  id: number;
  body: string;
  author: RestAuthor;
  created_at: string;
}

/** A note, its author read through `loaders` (shared by a page, so one query per kind for all). */
export async function toRestTicketNoteWith(loaders: ActorLoaders, row: TicketNoteRow): Promise<RestTicketNote> {
  return {
    id: row.id,
    body: row.body,
    author: toRestAuthor(await loadAuthor(loaders, { userId: row.authorUserId, tokenId: row.authorTokenId })),
    created_at: row.createdAt.toISOString(),
  };
}

export function toRestTicketNotes(db: Db, rows: readonly TicketNoteRow[]): Promise<RestTicketNote[]> {
  const loaders = createActorLoaders(db);
  return Promise.all(rows.map((row) => toRestTicketNoteWith(loaders, row)));
}
