// The tickets feature's operations. GraphQL resolvers and REST handlers are thin
// adapters over these functions: input is validated here, once, for both.
import { createHash } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import { findUserById } from '../auth/user.repository.js';
import type { Db } from '../db/client.js';
import { deleteExpiredIdempotencyKeys, findIdempotencyKey, insertIdempotencyKey } from './idempotency-key.repository.js';
import { validateIdempotencyKey } from './idempotency-key.validation.js';
import { TICKET_DEFAULTS } from './ticket.enums.js';
import { TicketError, type TicketIssue } from './ticket.errors.js';
import { redeemSuggestion } from './ticket-suggestion.service.js';
import { learnFromTicketChange, learningStatement } from '../classifier/learning.service.js';
import { countTicketsBounded, listTicketsCounted, type TicketCount } from './ticket-count.repository.js';
import { assignedAtCreate, changedFields, createdEvent, fieldChangedEvents } from './ticket-event.service.js';
import {
  findTicketById,
  findTicketByIdForUpdate,
  insertTicketWithEvents,
  listTicketsPage,
  updateTicketWithEvents,
  type TicketRow,
} from './ticket.repository.js';
import {
  selectActiveByAssignee,
  selectTicketStats,
  selectTicketsPerDay,
  type AssigneeCountRow,
  type DayCountRow,
  type TicketStatsRow,
} from './ticket-stats.repository.js';
import {
  DEFAULT_TICKET_ORDER,
  validateKeysetPage,
  validateTicketQuery,
  type QueryCaller,
  type TicketFilterRequest,
  type TicketOrder,
  type TicketQuery,
} from './ticket-query.js';
import {
  ASSIGNEE_FIELD,
  invalidAssignee,
  parseTicketId,
  parseUserId,
  validateCreateTicket,
  validateExpectedVersion,
  validateUpdateTicket,
  type CreateTicketRequest,
  type UpdateTicketRequest,
  type ValidCreateTicket,
  type ValidUpdateTicket,
} from './ticket.validation.js';

export type { TicketRow, AssigneeCountRow, DayCountRow, TicketStatsRow };

export interface CreateTicketOptions {
  /** The client's idempotency key (REST `Idempotency-Key`, GraphQL `idempotencyKey`), if any. */
  idempotencyKey?: unknown;
}

export interface CreatedTicket {
  ticket: TicketRow;
  /**
   * A suggestion was referred to but was not one the server issued for this
   * description in the last day (unknown, expired, already used, or for another
   * text): the ticket was saved with no suggestion.
   */
  suggestionIgnored: boolean;
}

/**
 * Creates a ticket. With an idempotency key, the first create's answer is remembered
 * for a day: the same key with the same input answers it again (no second ticket,
 * even for concurrent retries), with another input it is refused.
 */
export async function createTicket(
  db: Db,
  actor: Actor,
  input: CreateTicketRequest,
  options: CreateTicketOptions = {},
): Promise<CreatedTicket> {
  const { valid, key: givenKey } = await validateWithAssignee(db, input.assigneeId, () => validateCreate(input, options));
  const author = authorOf(actor);
  if (givenKey === undefined) {
    // Redeeming a suggestion and saving the ticket stand or fall together; without a
    // suggestion the ticket, its events and what it teaches are one statement.
    if (valid.suggestion === null) return insertCreated(db, actor, valid);
    return db.transaction((tx) => insertCreated(tx as unknown as Db, actor, valid));
  }
  // Each caller has its own keys: another client's key can neither replay its answer nor block one.
  const key = `${author.userId === null ? 'anonymous' : `user:${author.userId}`}:${givenKey}`;
  const requestHash = createRequestHash(valid);
  await deleteExpiredIdempotencyKeys(db);
  // Always through the transaction, retries included: its key insert is what waits
  // for a concurrent create with the key and detects it; a second turn is only
  // needed if the winner's row expired in between.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const created = await db
      .transaction(async (tx) => {
        const result = await insertCreated(tx as unknown as Db, actor, valid);
        const stored = await insertIdempotencyKey(tx as unknown as Db, {
          key,
          requestHash,
          ticketId: result.ticket.id,
          response: toStoredResponse(result),
        });
        // Rolls the ticket (and a redeemed suggestion) back: the key's first create stands.
        if (!stored) throw KEY_TAKEN;
        return result;
      })
      .catch((error: unknown) => {
        if (error === KEY_TAKEN) return null;
        throw error;
      });
    if (created) return created;
    const earlier = await findIdempotencyKey(db, key);
    if (earlier) return replay(earlier, requestHash);
  }
  throw new Error('idempotency key still contended after a retry');
}

const KEY_TAKEN = Symbol('idempotency key taken');

function validateCreate(input: CreateTicketRequest, options: CreateTicketOptions): { valid: ValidCreateTicket; key: string | undefined } {
  const keyIssues: TicketIssue[] = [];
  const key = validateIdempotencyKey(keyIssues, 'idempotencyKey', options.idempotencyKey);
  let valid: ValidCreateTicket;
  try {
    valid = validateCreateTicket(input);
  } catch (error) {
    // Every failing field at once, the key's included.
    if (error instanceof TicketError && keyIssues.length > 0) throw new TicketError('VALIDATION_FAILED', [...error.issues, ...keyIssues]);
    throw error;
  }
  if (keyIssues.length > 0) throw new TicketError('VALIDATION_FAILED', keyIssues);
  return { valid, key };
}

/** Whether `userId` may be given tickets: an active user who has set a password. */
async function isAssignable(db: Db, userId: number): Promise<boolean> {
  const user = await findUserById(db, userId);
  return user !== undefined && user.active && user.passwordHash !== null;
}

/**
 * Runs `validate` (input rules that throw every failing field at once) and looks up
 * the assignee the input names, so that one nobody can assign is reported with the
 * other fields rather than after them.
 */
export async function validateWithAssignee<T>(db: Db, rawAssignee: unknown, validate: () => T): Promise<T> {
  let valid: T | undefined;
  let issues: readonly TicketIssue[] = [];
  try {
    valid = validate();
  } catch (error) {
    if (!(error instanceof TicketError) || error.code !== 'VALIDATION_FAILED') throw error;
    issues = error.issues;
  }
  // A malformed id was already refused by the rules; a well-formed one is looked up.
  const id = issues.some((i) => i.field === ASSIGNEE_FIELD) ? null : parseUserId(rawAssignee);
  if (id !== null && !(await isAssignable(db, id))) issues = [...issues, invalidAssignee(rawAssignee)];
  if (issues.length > 0 || valid === undefined) throw new TicketError('VALIDATION_FAILED', issues);
  return valid;
}

/** The author columns of a write: the person, and the token when one was used; nulls when anonymous. */
function authorOf(actor: Actor): { userId: number | null; tokenId: number | null } {
  return { userId: actor.userId, tokenId: actor.tokenId };
}

/** The ticket and its `created` event; within the caller's transaction. */
async function insertCreated(db: Db, actor: Actor, valid: ValidCreateTicket): Promise<CreatedTicket> {
  const author = authorOf(actor);
  const suggested = valid.suggestion === null ? null : await redeemSuggestion(db, valid.suggestion, valid.description);
  const values = {
    title: valid.title,
    description: valid.description,
    // Explicit defaults: the created event is computed from the values before the insert.
    category: valid.category ?? TICKET_DEFAULTS.category,
    priority: valid.priority ?? TICKET_DEFAULTS.priority,
    status: valid.status ?? TICKET_DEFAULTS.status,
    // Always the server's own record, never the client's words.
    suggestedCategory: suggested?.category ?? null,
    suggestedPriority: suggested?.priority ?? null,
    classificationSource: suggested?.source ?? null,
    // Decided here, once: later edits do not turn an accepted suggestion into an overridden one.
    suggestionAccepted: suggested
      ? suggested.category === (valid.category ?? TICKET_DEFAULTS.category) &&
        suggested.priority === (valid.priority ?? TICKET_DEFAULTS.priority)
      : null,
    filedCategory: suggested ? (valid.category ?? TICKET_DEFAULTS.category) : null,
    filedPriority: suggested ? (valid.priority ?? TICKET_DEFAULTS.priority) : null,
    assigneeUserId: valid.assigneeUserId,
    suggestionConfidence: suggested?.confidence ?? null,
    createdByUserId: author.userId,
    createdByTokenId: author.tokenId,
    updatedByUserId: author.userId,
    updatedByTokenId: author.tokenId,
  };
  // The ticket, its events and what it teaches the classifier in one statement: a
  // write as fast as one without history, and the next suggestion reflects it.
  const ticket = await insertTicketWithEvents(
    db,
    values,
    [createdEvent(actor, values), ...assignedAtCreate(actor, values)],
    learningStatement(null, values),
  );
  return { ticket, suggestionIgnored: valid.suggestion !== null && suggested === null };
}

/**
 * "The same input" for an idempotency key: the validated values (text trimmed,
 * defaults applied), so JSON key order, formatting and an explicit default do not
 * make a retry look different, while any change to what would be stored does.
 */
function createRequestHash(valid: ValidCreateTicket): string {
  const s = valid.suggestion;
  const canonical = [
    valid.title,
    valid.description,
    valid.category ?? TICKET_DEFAULTS.category,
    valid.priority ?? TICKET_DEFAULTS.priority,
    valid.status ?? TICKET_DEFAULTS.status,
    s === null ? null : 'id' in s ? { id: s.id } : [s.category, s.priority, s.source],
    // Only when given, so that the keys of creates from before assignment keep their hash.
    ...(valid.assigneeUserId === null ? [] : [{ assignee: valid.assigneeUserId }]),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

interface StoredResponse {
  ticket: Omit<TicketRow, 'createdAt' | 'updatedAt' | 'resolvedAt'> & { createdAt: string; updatedAt: string; resolvedAt: string | null };
  suggestionIgnored: boolean;
}

function toStoredResponse({ ticket, suggestionIgnored }: CreatedTicket): StoredResponse {
  return {
    ticket: {
      ...ticket,
      createdAt: ticket.createdAt.toISOString(),
      updatedAt: ticket.updatedAt.toISOString(),
      resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
    },
    suggestionIgnored,
  };
}

/** The first create's answer, as it was then (later edits of the ticket do not show). */
function replay(earlier: { requestHash: string; response: unknown }, requestHash: string): CreatedTicket {
  if (earlier.requestHash !== requestHash) throw TicketError.idempotencyKeyReused('idempotencyKey');
  const { ticket, suggestionIgnored } = earlier.response as StoredResponse;
  return {
    ticket: {
      ...ticket,
      // Answers stored before authors were recorded name none.
      createdByUserId: ticket.createdByUserId ?? null,
      createdByTokenId: ticket.createdByTokenId ?? null,
      updatedByUserId: ticket.updatedByUserId ?? null,
      updatedByTokenId: ticket.updatedByTokenId ?? null,
      // Answers stored before versions existed were of a ticket just created.
      version: ticket.version ?? 1,
      // Answers stored before acceptance was recorded were of a ticket just created, as saved.
      suggestionAccepted:
        ticket.suggestionAccepted ??
        (ticket.suggestedCategory === null
          ? null
          : ticket.suggestedCategory === ticket.category && ticket.suggestedPriority === ticket.priority),
      // Answers stored before the filed values were recorded were of a ticket just created, as saved.
      filedCategory: ticket.filedCategory ?? (ticket.suggestedCategory === null ? null : ticket.category),
      filedPriority: ticket.filedPriority ?? (ticket.suggestedCategory === null ? null : ticket.priority),
      // Answers stored before confidence was recorded have none.
      suggestionConfidence: ticket.suggestionConfidence ?? null,
      createdAt: new Date(ticket.createdAt),
      updatedAt: new Date(ticket.updatedAt),
      resolvedAt: ticket.resolvedAt === null ? null : new Date(ticket.resolvedAt),
    },
    suggestionIgnored,
  };
}

export interface UpdateTicketOptions {
  /**
   * The version the change is based on (GraphQL `expectedVersion`; REST `If-Match`,
   * which may list several): when the ticket is at another, nothing changes and the
   * answer is CONFLICT. Omitted, the last write wins, as for the original API's clients.
   */
  expectedVersion?: unknown;
}

/**
 * Changes the fields of `input` that differ from the ticket's, bumps its version and
 * records one `field_changed` event per field, in one transaction. A change to nothing
 * writes nothing (no version, no event, no `updatedAt`).
 */
export async function updateTicket(
  db: Db,
  actor: Actor,
  rawId: unknown,
  input: UpdateTicketRequest,
  options: UpdateTicketOptions = {},
): Promise<TicketRow> {
  const id = parseTicketId(rawId);
  if (id === null) throw TicketError.notFound();
  let patch, expected;
  try {
    ({ patch, expected } = await validateWithAssignee(db, input.assigneeId, () => validateUpdate(input, options)));
  } catch (error) {
    // As Django REST Framework looks the object up before validating, an unknown
    // ticket is "not found" whatever the body; the lookup runs only on this path.
    if (error instanceof TicketError && !(await findTicketById(db, id))) throw TicketError.notFound();
    throw error;
  }
  // Optimistic first: read, then write the change with its events in one statement
  // that applies only at the version read. No transaction, so no lock is held across
  // round trips; the write is about as fast as one without history.
  const read = await findTicketById(db, id);
  if (!read) throw TicketError.notFound();
  const plan = planUpdate(actor, read, patch, expected);
  if (plan === null) return read;
  // A change the classifier learns from (text, category, priority) is taught in the
  // write's transaction, so it takes the locked path; the rest write in one statement.
  if (!teachesClassifier(plan.changes)) {
    const written = await updateTicketWithEvents(db, id, plan.changes, authorOf(actor), read.version, plan.events);
    if (written) return written;
  }
  // Locked, so that concurrent writers of one ticket queue instead of retrying each
  // other out (also after the optimistic write found the ticket changed since the read).
  return db.transaction((tx) => applyUpdate(tx as unknown as Db, actor, id, patch, expected));
}

/**
 * One ticket's update within the caller's transaction (the retry of a single update,
 * or each of a bulk update's): locks the ticket, checks the version, writes the fields
 * that differ and their events in one statement. NOT_FOUND or CONFLICT (on
 * `expectedVersion`) before any write.
 */
export async function applyUpdate(
  tx: Db,
  actor: Actor,
  id: number,
  patch: ValidUpdateTicket,
  expected: readonly number[] | undefined,
): Promise<TicketRow> {
  // Locked: the version compared is the one the update will replace.
  const before = await findTicketByIdForUpdate(tx, id);
  if (!before) throw TicketError.notFound();
  const locked = planUpdate(actor, before, patch, expected);
  if (locked === null) return before;
  const after = await updateTicketWithEvents(tx, id, locked.changes, authorOf(actor), before.version, locked.events);
  if (!after) throw new Error(`ticket ${id} changed while locked`);
  if (teachesClassifier(locked.changes)) await learnFromTicketChange(tx, before, after);
  return after;
}

/** Whether a change moves what the classifier learned: the words, or the labels the team gave them. */
function teachesClassifier(changes: ValidUpdateTicket): boolean {
  return changes.description !== undefined || changes.category !== undefined || changes.priority !== undefined;
}

/**
 * What an update writes over `before`: the changed fields and one event per field;
 * null when nothing changes. A stale expected version is CONFLICT.
 */
function planUpdate(actor: Actor, before: TicketRow, patch: ValidUpdateTicket, expected: readonly number[] | undefined) {
  if (expected !== undefined && !expected.includes(before.version)) throw TicketError.conflict(EXPECTED_VERSION_FIELD);
  const fields = changedFields(before, patch);
  if (fields.length === 0) return null;
  const changes: ValidUpdateTicket = Object.fromEntries(fields.map((field) => [field, patch[field]]));
  return { changes, events: fieldChangedEvents(actor, before, { ...before, ...changes }, fields) };
}

const EXPECTED_VERSION_FIELD = 'expectedVersion';

function validateUpdate(input: UpdateTicketRequest, options: UpdateTicketOptions) {
  const versionIssues: TicketIssue[] = [];
  const expected = validateExpectedVersion(versionIssues, EXPECTED_VERSION_FIELD, options.expectedVersion);
  let patch;
  try {
    patch = validateUpdateTicket(input);
  } catch (error) {
    // Every failing field at once, the version's included.
    if (error instanceof TicketError && versionIssues.length > 0)
      throw new TicketError('VALIDATION_FAILED', [...error.issues, ...versionIssues]);
    throw error;
  }
  if (versionIssues.length > 0) throw new TicketError('VALIDATION_FAILED', versionIssues);
  return { patch, expected };
}

export async function getTicket(db: Db, rawId: unknown): Promise<TicketRow | null> {
  const id = parseTicketId(rawId);
  if (id === null) return null;
  return (await findTicketById(db, id)) ?? null;
}

// ---- keyset pages (GraphQL) ---------------------------------------------------

export interface ListTicketsParams {
  /** Whose tickets `assignee.me` means. */
  caller: QueryCaller;
  filter?: TicketFilterRequest | null;
  search?: string | null;
  first?: number | null;
  after?: string | null;
  /** A TicketOrder (GraphQL's enum has coerced it); default NEWEST_FIRST. */
  orderBy?: TicketOrder | null;
  /** Count the matches too (GraphQL `totalCount`): a search is then paged and counted together. */
  withCount?: boolean;
}

export interface TicketPage {
  rows: TicketRow[];
  /** The order of the page: its cursors are good for it only. */
  order: TicketOrder;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  query: TicketQuery;
  /** The bounded count, when `withCount` was asked. */
  count?: TicketCount;
}

export async function listTickets(db: Db, params: ListTicketsParams): Promise<TicketPage> {
  const query = validateTicketQuery(params.filter, params.search, params.caller);
  const { first, after, order } = validateKeysetPage(params.first, params.after, params.orderBy);
  // One extra row tells whether another page follows, without a count.
  const page = { order, after, limit: first + 1 };
  const { rows, count } = params.withCount
    ? await listTicketsCounted(db, query, page)
    : { rows: await listTicketsPage(db, query, page), count: undefined };
  return { rows: rows.slice(0, first), order, hasNextPage: rows.length > first, hasPreviousPage: after !== undefined, query, count };
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
  params: {
    caller: QueryCaller;
    filter?: TicketFilterRequest | null;
    search?: string | null;
    /** Default NEWEST_FIRST, the original API's order. */
    order?: TicketOrder;
    page: number;
    pageSize: number;
  },
): Promise<NumberedPage> {
  const query = validateTicketQuery(params.filter, params.search, params.caller);
  const { rows, count } = await listTicketsCounted(db, query, {
    order: params.order ?? DEFAULT_TICKET_ORDER,
    offset: (params.page - 1) * params.pageSize,
    limit: params.pageSize,
  });
  return { rows, total: count.count, totalExact: count.exact, page: params.page, pageSize: params.pageSize };
}

// ---- statistics ---------------------------------------------------------------

/** `caller`: whose tickets `assignee.me` means. */
export async function getTicketStats(
  db: Db,
  filter: TicketFilterRequest | null | undefined,
  caller: QueryCaller,
): Promise<TicketStatsRow & { query: TicketQuery }> {
  const query = validateTicketQuery(filter, null, caller);
  return { ...(await selectTicketStats(db, query)), query };
}

/** Most groups of `activeByAssignee`: a team's agents and the unassigned, biggest first. */
export const ACTIVE_BY_ASSIGNEE_MAX = 50;

/** Active tickets (open, in progress) matching `query` per assignee: the ACTIVE_BY_ASSIGNEE_MAX biggest groups. */
export function getActiveByAssignee(db: Db, query: TicketQuery): Promise<AssigneeCountRow[]> {
  return selectActiveByAssignee(db, query, ACTIVE_BY_ASSIGNEE_MAX);
}

export const TICKETS_PER_DAY_MAX = 366;

export async function getTicketsPerDay(db: Db, query: TicketQuery, days: number): Promise<DayCountRow[]> {
  if (!Number.isInteger(days) || days < 1 || days > TICKETS_PER_DAY_MAX) {
    throw new TicketError('VALIDATION_FAILED', [
      { field: 'days', code: 'OUT_OF_RANGE', message: `Ensure this value is between 1 and ${TICKETS_PER_DAY_MAX}.` },
    ]);
  }
  return selectTicketsPerDay(db, query, days);
}
