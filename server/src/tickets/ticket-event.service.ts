// The tickets' history: which events a write records (the one rule, used by every
// write path, so REST and GraphQL record the same events), and reading it a page at
// a time, oldest first.
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { TicketEventField, TicketEventKind, type RecordedEventField } from './ticket.enums.js';
import { TicketError } from './ticket.errors.js';
import {
  readTicketEventPage,
  type NamedTicketEventRow,
  type NewTicketEvent,
  type TicketEventDraft,
  type TicketEventRow,
} from './ticket-event.repository.js';
import {
  createEntryCursor,
  readEntryPage,
  readNumberedPage,
  type EntryPage,
  type EntryPageRequest,
  type NumberedPage,
} from './ticket-entry-page.js';
import type { TicketRow } from './ticket.repository.js';
import { parseTicketId, type ValidUpdateTicket } from './ticket.validation.js';

export type { TicketEventRow };

type UpdatableField = keyof Required<ValidUpdateTicket>;
/** The assignee has events of its own (assigned, unassigned); every other field a field_changed. */
type RecordedField = Exclude<UpdatableField, 'assigneeUserId'>;

// Exhaustive: a field an update can change fails to compile until history records it.
const EVENT_FIELD: Record<RecordedField, RecordedEventField> = {
  title: TicketEventField.TITLE,
  description: TicketEventField.DESCRIPTION,
  category: TicketEventField.CATEGORY,
  priority: TicketEventField.PRIORITY,
  status: TicketEventField.STATUS,
};

/** In the order events are written (and so read back): the fields, then the assignment. */
const UPDATABLE_FIELDS: readonly UpdatableField[] = [...(Object.keys(EVENT_FIELD) as RecordedField[]), 'assigneeUserId'];

function actorColumns(actor: Actor): Pick<NewTicketEvent, 'actorUserId' | 'actorTokenId'> {
  return { actorUserId: actor.userId, actorTokenId: actor.tokenId };
}

/**
 * `created`, with the suggestion the ticket is saved with and whether it was kept;
 * for the ticket the same statement inserts (ticket.repository.ts `insertTicketWithEvents`).
 */
export function createdEvent(
  actor: Actor,
  ticket: Pick<TicketRow, 'suggestedCategory' | 'suggestedPriority' | 'classificationSource' | 'suggestionAccepted'>,
): TicketEventDraft {
  return {
    kind: TicketEventKind.CREATED,
    ...actorColumns(actor),
    suggestedCategory: ticket.suggestedCategory,
    suggestedPriority: ticket.suggestedPriority,
    classificationSource: ticket.classificationSource,
    suggestionAccepted: ticket.suggestionAccepted,
  };
}

/** The fields of `patch` whose value differs from the ticket's: only these are written. */
export function changedFields(before: TicketRow, patch: ValidUpdateTicket): UpdatableField[] {
  return UPDATABLE_FIELDS.filter((field) => patch[field] !== undefined && patch[field] !== before[field]);
}

/**
 * One event per changed field: `field_changed` from the stored value before to the one
 * after, and for the assignee `assigned` or `unassigned`.
 */
export function fieldChangedEvents(actor: Actor, before: TicketRow, after: TicketRow, fields: readonly UpdatableField[]): NewTicketEvent[] {
  return fields.map((field) =>
    field === 'assigneeUserId'
      ? { ticketId: after.id, ...assignmentEvent(actor, before.assigneeUserId, after.assigneeUserId) }
      : {
          ticketId: after.id,
          kind: TicketEventKind.FIELD_CHANGED,
          ...actorColumns(actor),
          field: EVENT_FIELD[field],
          fromValue: before[field],
          toValue: after[field],
        },
  );
}

/** `assigned` to the new assignee (with the one before, on a reassignment), or `unassigned` naming the one removed. */
function assignmentEvent(actor: Actor, from: number | null, to: number | null): TicketEventDraft {
  return to === null
    ? { kind: TicketEventKind.UNASSIGNED, ...actorColumns(actor), assigneeUserId: from }
    : { kind: TicketEventKind.ASSIGNED, ...actorColumns(actor), assigneeUserId: to, previousAssigneeUserId: from };
}

/** A ticket created with an assignee: `assigned`, after its `created` (for the statement that inserts the ticket). */
export function assignedAtCreate(actor: Actor, ticket: Pick<TicketRow, 'assigneeUserId'>): TicketEventDraft[] {
  return ticket.assigneeUserId === null ? [] : [assignmentEvent(actor, null, ticket.assigneeUserId)];
}

// ---- reading ------------------------------------------------------------------

const EVENT_CURSOR = createEntryCursor('event:');

export function encodeEventCursor(row: Pick<TicketEventRow, 'id'>): string {
  return EVENT_CURSOR.encode(row);
}

/** Reads a page of one ticket's events: straight from the database, or batched with other tickets' (ticket-entry.loader.ts). */
export type TicketEventReader = (ticketId: number, page: EntryPageRequest) => Promise<TicketEventRow[]>;

/**
 * A page of a ticket's history, oldest first: at most `first` events (the ticket
 * list's page sizes) after the cursor `after`.
 */
export function listTicketHistory(
  read: TicketEventReader,
  ticketId: number,
  params: { first?: number | null; after?: string | null },
): Promise<EntryPage<TicketEventRow>> {
  return readEntryPage(EVENT_CURSOR, params, (page) => read(ticketId, page));
}

/**
 * A numbered page of a ticket's history, oldest first (REST), each event with
 * everyone it names: `page` may be 'last'. A page past the last comes back empty; an
 * unknown ticket is NOT_FOUND.
 */
export function listTicketHistoryByPage(
  db: Db,
  rawTicketId: unknown,
  params: { page: number | 'last'; pageSize: number },
): Promise<NumberedPage<NamedTicketEventRow>> {
  const id = parseTicketId(rawTicketId);
  if (id === null) throw TicketError.notFound();
  return readNumberedPage((page) => readTicketEventPage(db, id, page), params);
}
