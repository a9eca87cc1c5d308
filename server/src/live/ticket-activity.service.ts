// What subscribers are told of a commit: its events on one ticket, grouped into
// activities (a creation, a change naming its fields, a note), with the ticket. The
// one rule for grouping, shared by every process.
import type { Db } from '../db/client.js';
import { TICKET_EVENT_FIELDS, TicketEventField, TicketEventKind } from '../tickets/ticket.enums.js';
import { toTicketEvent } from '../tickets/ticket-event.mapper.js';
import type { TicketEventRow } from '../tickets/ticket-event.repository.js';
import { toTicket } from '../tickets/ticket.mapper.js';
import { toTicketNote } from '../tickets/ticket-note.type.js';
import type { TicketRow } from '../tickets/ticket.repository.js';
import { TICKET_ACTIVITY_EVENTS_MAX, TicketActivityKind } from './ticket-activity.enums.js';
import { findTicketsByIds, listEventsInRanges, type EventRange } from './ticket-activity.repository.js';
import type { TicketActivity } from './ticket-activity.type.js';

export type { EventRange };

/** An activity before its ticket is attached. */
export interface ActivityDraft {
  kind: TicketActivityKind;
  ticketId: number;
  changedFields: TicketEventField[];
  events: TicketEventRow[];
}

/** The field an event changes, for `changedFields`; null for events that change none (created, a note). */
function changedField(event: TicketEventRow): TicketEventField | null {
  switch (event.kind) {
    case TicketEventKind.FIELD_CHANGED:
      return event.field;
    case TicketEventKind.ASSIGNED:
    case TicketEventKind.UNASSIGNED:
      return TicketEventField.ASSIGNEE;
    case TicketEventKind.CREATED:
    case TicketEventKind.NOTE_ADDED:
      return null;
  }
}

function changeOf(ticketId: number, events: TicketEventRow[]): ActivityDraft {
  const fields = new Set(events.map(changedField));
  return { kind: TicketActivityKind.CHANGED, ticketId, changedFields: TICKET_EVENT_FIELDS.filter((f) => fields.has(f)), events };
}

/**
 * The activities of one commit's events on one ticket, oldest first: a creation
 * carries all of them (the assignment a ticket was created with included); otherwise
 * each note is its own NOTE_ADDED and the other events one CHANGED, cut into pieces
 * of at most TICKET_ACTIVITY_EVENTS_MAX should a commit ever change a field twice.
 */
export function groupActivities(ticketId: number, events: readonly TicketEventRow[]): ActivityDraft[] {
  if (events.length === 0) return [];
  if (events.some((e) => e.kind === TicketEventKind.CREATED)) {
    return [{ kind: TicketActivityKind.CREATED, ticketId, changedFields: [], events: [...events] }];
  }
  const activities: ActivityDraft[] = [];
  let change: TicketEventRow[] = [];
  const flush = () => {
    if (change.length > 0) activities.push(changeOf(ticketId, change));
    change = [];
  };
  for (const event of events) {
    if (event.kind === TicketEventKind.NOTE_ADDED) {
      flush();
      activities.push({ kind: TicketActivityKind.NOTE_ADDED, ticketId, changedFields: [], events: [event] });
      continue;
    }
    change.push(event);
    if (change.length === TICKET_ACTIVITY_EVENTS_MAX) flush();
  }
  flush();
  return activities;
}

function toTicketActivity(draft: ActivityDraft, ticket: TicketRow): TicketActivity {
  const noted = draft.kind === TicketActivityKind.NOTE_ADDED ? draft.events[0]?.note : null;
  return {
    kind: draft.kind,
    ticket: toTicket(ticket),
    changedFields: draft.changedFields,
    events: draft.events.map(toTicketEvent),
    note: noted ? toTicketNote(noted) : null,
  };
}

/**
 * The activities of a batch of commits, in the order given (commit order), each
 * ticket read once: two statements whatever the batch's size. A ticket gone since
 * (deleted with its events) has none.
 */
export async function loadTicketActivities(db: Db, commits: readonly EventRange[]): Promise<TicketActivity[]> {
  const [events, rows] = await Promise.all([
    listEventsInRanges(db, commits),
    findTicketsByIds(db, [...new Set(commits.map((c) => c.ticketId))]),
  ]);
  const ticketsById = new Map(rows.map((t) => [t.id, t]));
  return commits.flatMap((commit) => {
    const ticket = ticketsById.get(commit.ticketId);
    if (!ticket) return [];
    const own = events.filter((e) => e.ticketId === commit.ticketId && e.id >= commit.firstEventId && e.id <= commit.lastEventId);
    return groupActivities(commit.ticketId, own).map((draft) => toTicketActivity(draft, ticket));
  });
}
