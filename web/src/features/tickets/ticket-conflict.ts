// What a colleague changed since the version an agent's change was based on, read from
// the ticket's history; and the agent's own change in words. Pure, so it is tested
// directly. The history has no version per event, but every write that bumps the
// version records at least one event, all with the time of its transaction, and a
// write that changes nothing records nothing and bumps nothing: so the last writes of
// the history, counted back from the current version, are the versions after the
// agent's.
import type { TicketEventKind, UpdateTicketInput } from '../../gql/graphql.js';
import { EVENT_FIELD_LABEL, fieldValueLabel } from './ticket-enums.js';
import type { TicketEventField } from '../../gql/graphql.js';

/** Whether an event of this kind comes with a new version of the ticket (a note does not). */
const BUMPS_VERSION: Record<TicketEventKind, boolean> = {
  CREATED: true,
  FIELD_CHANGED: true,
  ASSIGNED: true,
  UNASSIGNED: true,
  NOTE_ADDED: false,
};

interface HistoryEvent {
  kind: TicketEventKind;
  /** The time of the transaction that wrote it: the same for all events of one write. */
  at: string;
}

/**
 * The events of the writes after `baseVersion`, oldest first, given the whole history
 * (oldest first) and the version the ticket is at now.
 */
export function eventsSince<E extends HistoryEvent>(history: readonly E[], baseVersion: number, currentVersion: number): E[] {
  const since: E[] = [];
  let version = currentVersion;
  let writeAt: string | null = null;
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const event = history[i]!;
    if (!BUMPS_VERSION[event.kind]) continue;
    if (event.at !== writeAt) {
      // An earlier write: the version before the one just read.
      if (writeAt !== null) version -= 1;
      if (version <= baseVersion) break;
      writeAt = event.at;
    }
    since.push(event);
  }
  return since.reverse();
}

/** An agent's change, as sent without its version. */
export type TicketChanges = Omit<UpdateTicketInput, 'expectedVersion'>;

/** Each field of a change and the history field it shows as; the assignee by name. */
const CHANGE_FIELDS: { [K in keyof Required<TicketChanges>]: TicketEventField | 'ASSIGNEE' } = {
  title: 'TITLE',
  description: 'DESCRIPTION',
  category: 'CATEGORY',
  priority: 'PRIORITY',
  status: 'STATUS',
  assigneeId: 'ASSIGNEE',
};

/**
 * "Priority → High", one line per changed field, in the form's order; the assignee by
 * `assigneeName` (null `assigneeId` unassigns: "Assignee → nobody").
 */
export function describeChanges(changes: TicketChanges, assigneeName: (id: string) => string = (id) => `user #${id}`): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(CHANGE_FIELDS) as (keyof TicketChanges)[]) {
    const value = changes[key];
    const field = CHANGE_FIELDS[key];
    if (value === undefined || (value === null && field !== 'ASSIGNEE')) continue;
    if (field === 'ASSIGNEE') lines.push(`Assignee → ${value === null ? 'nobody' : assigneeName(String(value))}`);
    else lines.push(`${EVENT_FIELD_LABEL[field]} → ${fieldValueLabel(field, String(value))}`);
  }
  return lines;
}
