// Pages of a ticket's append-only entries (its history events, its notes): oldest
// first, `first` at a time (the ticket list's page sizes), after an opaque cursor that
// names an entry id. One rule for both, so they page alike.
import { TicketError } from './ticket.errors.js';
import { validatePageSize } from './ticket-query.js';

/** Where a page starts and how many rows it reads (one more than `first`, to tell whether another follows). */
export interface EntryPageRequest {
  afterId?: number;
  limit: number;
}

export interface EntryPage<T> {
  rows: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface EntryCursor {
  encode(row: { id: number }): string;
  /** The entry id a cursor names; null for anything else (another kind's cursor included). */
  decode(cursor: string): number | null;
}

/** Cursors of one kind of entry; the prefix keeps another kind's (or a ticket list's) cursor from being taken for one. */
export function createEntryCursor(prefix: string): EntryCursor {
  return {
    encode: (row) => Buffer.from(`${prefix}${row.id}`).toString('base64url'),
    decode(cursor) {
      const text = Buffer.from(cursor, 'base64url').toString('utf8');
      if (!text.startsWith(prefix)) return null;
      const digits = text.slice(prefix.length);
      if (!/^[1-9][0-9]{0,15}$/.test(digits)) return null;
      const id = Number(digits);
      return Number.isSafeInteger(id) ? id : null;
    },
  };
}

/** Validates `first` and `after`, reads one row more than the page, and tells whether another page follows. */
export async function readEntryPage<T>(
  cursor: EntryCursor,
  params: { first?: number | null; after?: string | null },
  read: (page: EntryPageRequest) => Promise<T[]>,
): Promise<EntryPage<T>> {
  const first = validatePageSize(params.first);
  let afterId: number | undefined;
  if (params.after != null) {
    afterId = cursor.decode(params.after) ?? undefined;
    if (afterId === undefined)
      throw new TicketError('VALIDATION_FAILED', [{ field: 'after', code: 'INVALID', message: 'Invalid cursor.' }]);
  }
  const rows = await read({ afterId, limit: first + 1 });
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first, hasPreviousPage: afterId !== undefined };
}

/** Numbered pages (REST): the page asked for, `last` resolved, from the entry count. */
function numberedPage(total: number, params: { page: number | 'last'; pageSize: number }) {
  const lastPage = Math.max(1, Math.ceil(total / params.pageSize));
  return { page: params.page === 'last' ? lastPage : params.page, lastPage };
}

/** A ticket's entries from an offset, with how many it has; null when the ticket does not exist. */
export type OffsetPageReader<T> = (page: { offset: number; limit: number }) => Promise<{ total: number; rows: T[] } | null>;

export interface NumberedPage<T> {
  rows: T[];
  /** How many entries the ticket has: exact, as one ticket's entries are few (an index-only count). */
  total: number;
  page: number;
  lastPage: number;
}

/**
 * A numbered page of a ticket's entries (REST), oldest first: `page` may be 'last'.
 * A page past the last comes back empty; an unknown ticket is NOT_FOUND. One read
 * (the count comes with the page); 'last' past the first page takes a second, as
 * which page is last depends on the count.
 */
export async function readNumberedPage<T>(
  read: OffsetPageReader<T>,
  params: { page: number | 'last'; pageSize: number },
): Promise<NumberedPage<T>> {
  const at = (page: number) => read({ offset: (page - 1) * params.pageSize, limit: params.pageSize });
  let found = await at(params.page === 'last' ? 1 : params.page);
  if (found === null) throw TicketError.notFound();
  const { page, lastPage } = numberedPage(found.total, params);
  if (params.page === 'last' && page > 1) {
    found = await at(page);
    if (found === null) throw TicketError.notFound();
  }
  return { rows: found.rows, total: found.total, page, lastPage };
}
