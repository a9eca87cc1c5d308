// The tickets feature's operations. GraphQL resolvers and REST handlers are thin
// adapters over these functions: input is validated here, once, for both.
import type { Db } from '../db/client.js';
import { TicketError } from './ticket.errors.js';
import {
  countTicketsBounded,
  findTicketById,
  insertTicket,
  listTicketsCounted,
  listTicketsKeyset,
  updateTicketById,
  type TicketCount,
  type TicketOrderDirection,
  type TicketRow,
} from './ticket.repository.js';
import { selectTicketStats, selectTicketsPerDay, type DayCount, type TicketStatsRow } from './ticket-stats.repository.js';
import {
  parseTicketId,
  validateCreateTicket,
  validateTicketQuery,
  validateUpdateTicket,
  type CreateTicketInput,
  type RawTicketFilter,
  type TicketQuery,
  type UpdateTicketInput,
  isStorableDate,
} from './ticket.validation.js';

export type { TicketRow, TicketQuery, DayCount, TicketStatsRow };

export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;

export async function createTicket(db: Db, input: CreateTicketInput): Promise<TicketRow> {
  const valid = validateCreateTicket(input);
  return insertTicket(db, {
    title: valid.title,
    description: valid.description,
    category: valid.category,
    priority: valid.priority,
    status: valid.status,
    suggestedCategory: valid.suggestion?.category ?? null,
    suggestedPriority: valid.suggestion?.priority ?? null,
    classificationSource: valid.suggestion?.source ?? null,
  });
}

export async function updateTicket(db: Db, rawId: unknown, input: UpdateTicketInput): Promise<TicketRow> {
  const id = parseTicketId(rawId);
  if (id === null) throw TicketError.notFound();
  let patch;
  try {
    patch = validateUpdateTicket(input);
  } catch (error) {
    // As Django REST Framework looks the object up before validating, an unknown
    // ticket is "not found" whatever the body; the lookup runs only on this path.
    if (error instanceof TicketError && !(await findTicketById(db, id))) throw TicketError.notFound();
    throw error;
  }
  // An empty patch still answers with the ticket (and 404s on an unknown id).
  const row = Object.keys(patch).length === 0 ? await findTicketById(db, id) : await updateTicketById(db, id, patch);
  if (!row) throw TicketError.notFound();
  return row;
}

export async function getTicket(db: Db, rawId: unknown): Promise<TicketRow | null> {
  const id = parseTicketId(rawId);
  if (id === null) return null;
  return (await findTicketById(db, id)) ?? null;
}

// ---- cursor pagination ------------------------------------------------------

export type TicketOrder = 'NEWEST_FIRST' | 'OLDEST_FIRST';

interface Cursor {
  createdAt: Date;
  id: number;
}

export function encodeCursor(row: Pick<TicketRow, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

// Bounds of what a cursor may hold: ids of the integer column, and timestamps
// PostgreSQL can compare (a forged far-past date would otherwise be a SQL error).
const CURSOR_MAX_ID = 2_147_483_647;

export function decodeCursor(cursor: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [iso, id] = value as [unknown, unknown];
    if (typeof iso !== 'string' || typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > CURSOR_MAX_ID) return null;
    const createdAt = new Date(iso);
    return isStorableDate(createdAt) ? { createdAt, id } : null;
  } catch {
    return null;
  }
}

export interface ListTicketsParams {
  filter?: RawTicketFilter | null;
  search?: string | null;
  first?: number | null;
  after?: string | null;
  orderBy?: TicketOrder | null;
  /** Count the matches too (GraphQL `totalCount`): a search is then paged and counted together. */
  withCount?: boolean;
}

export interface TicketPage {
  rows: TicketRow[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  query: TicketQuery;
  /** The bounded count, when `withCount` was asked. */
  count?: TicketCount;
}

export async function listTickets(db: Db, params: ListTicketsParams): Promise<TicketPage> {
  const query = validateTicketQuery(params.filter, params.search);
  const first = params.first ?? PAGE_SIZE_DEFAULT;
  if (!Number.isInteger(first) || first < 0 || first > PAGE_SIZE_MAX) {
    throw new TicketError('VALIDATION_FAILED', [
      { field: 'first', code: 'OUT_OF_RANGE', message: `Ensure this value is between 0 and ${PAGE_SIZE_MAX}.` },
    ]);
  }
  let after: Cursor | undefined;
  if (params.after != null) {
    after = decodeCursor(params.after) ?? undefined;
    if (!after) throw new TicketError('VALIDATION_FAILED', [{ field: 'after', code: 'INVALID', message: 'Invalid cursor.' }]);
  }
  const direction: TicketOrderDirection = params.orderBy === 'OLDEST_FIRST' ? 'asc' : 'desc';
  // One extra row tells whether another page follows, without a count.
  const page = { direction, after, limit: first + 1 };
  const { rows, count } = params.withCount
    ? await listTicketsCounted(db, query, page)
    : { rows: await listTicketsKeyset(db, { query, ...page }), count: undefined };
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first, hasPreviousPage: after !== undefined, query, count };
}

/** Bounded: exact for enum-only filters, otherwise capped (see `countTicketsBounded`). */
export function countMatchingTickets(db: Db, query: TicketQuery): Promise<TicketCount> {
  return countTicketsBounded(db, query);
}

// ---- numbered pages (REST) --------------------------------------------------

export interface NumberedPage {
  rows: TicketRow[];
  total: number;
  /** False when more tickets match than a bounded count reads: `total` is then a lower bound. */
  totalExact: boolean;
  page: number;
  pageSize: number;
}

export async function listTicketsByPage(
  db: Db,
  params: { filter?: RawTicketFilter | null; search?: string | null; page: number; pageSize: number },
): Promise<NumberedPage> {
  const query = validateTicketQuery(params.filter, params.search);
  const { rows, count } = await listTicketsCounted(db, query, {
    direction: 'desc',
    offset: (params.page - 1) * params.pageSize,
    limit: params.pageSize,
  });
  return { rows, total: count.count, totalExact: count.exact, page: params.page, pageSize: params.pageSize };
}

// ---- statistics ---------------------------------------------------------------

export async function getTicketStats(db: Db, filter?: RawTicketFilter | null): Promise<TicketStatsRow & { query: TicketQuery }> {
  const query = validateTicketQuery(filter, null);
  return { ...(await selectTicketStats(db, query)), query };
}

export const TICKETS_PER_DAY_MAX = 366;

export async function getTicketsPerDay(db: Db, query: TicketQuery, days: number): Promise<DayCount[]> {
  if (!Number.isInteger(days) || days < 1 || days > TICKETS_PER_DAY_MAX) {
    throw new TicketError('VALIDATION_FAILED', [
      { field: 'days', code: 'OUT_OF_RANGE', message: `Ensure this value is between 1 and ${TICKETS_PER_DAY_MAX}.` },
    ]);
  }
  return selectTicketsPerDay(db, query, days);
}
