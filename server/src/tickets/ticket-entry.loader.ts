// The history and notes of the tickets of one GraphQL operation, loaded a page per
// query rather than one query per ticket: `tickets(first: 100) { nodes { history(first: 5)
// notes(first: 5) } }` runs one statement for the events and one for the notes.
import DataLoader from 'dataloader';
import type { Db } from '../db/client.js';
import type { EntryPageRequest } from './ticket-entry-page.js';
import { listTicketEventsOfTickets, type TicketEventRow } from './ticket-event.repository.js';
import { listTicketNotesOfTickets, type TicketNoteRow } from './ticket-note.repository.js';

interface PageKey extends EntryPageRequest {
  ticketId: number;
}

export interface TicketEntryLoaders {
  historyPages: DataLoader<PageKey, TicketEventRow[], string>;
  notePages: DataLoader<PageKey, TicketNoteRow[], string>;
}

/**
 * Batches page requests by their shape (`after`, page size): the tickets asking for
 * the same page share one statement. In a list every ticket asks the same, so that
 * is one statement per list.
 */
function pagesLoader<Row extends { ticketId: number }>(
  read: (ticketIds: readonly number[], page: EntryPageRequest) => Promise<Row[]>,
): DataLoader<PageKey, Row[], string> {
  const shapeOf = (key: EntryPageRequest) => `${key.afterId ?? ''}:${key.limit}`;
  return new DataLoader(
    async (keys) => {
      const shapes = new Map<string, { page: EntryPageRequest; ticketIds: Set<number> }>();
      for (const key of keys) {
        const shape = shapes.get(shapeOf(key)) ?? { page: { afterId: key.afterId, limit: key.limit }, ticketIds: new Set() };
        shape.ticketIds.add(key.ticketId);
        shapes.set(shapeOf(key), shape);
      }
      const pages = new Map<string, Row[]>();
      await Promise.all(
        [...shapes].map(async ([shape, { page, ticketIds }]) => {
          for (const row of await read([...ticketIds], page)) {
            const key = `${row.ticketId}:${shape}`;
            const rows = pages.get(key);
            if (rows) rows.push(row);
            else pages.set(key, [row]);
          }
        }),
      );
      return keys.map((key) => pages.get(`${key.ticketId}:${shapeOf(key)}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.ticketId}:${shapeOf(key)}` },
  );
}

export function createTicketEntryLoaders(db: Db): TicketEntryLoaders {
  return {
    historyPages: pagesLoader((ticketIds, page) => listTicketEventsOfTickets(db, ticketIds, page)),
    notePages: pagesLoader((ticketIds, page) => listTicketNotesOfTickets(db, ticketIds, page)),
  };
}
