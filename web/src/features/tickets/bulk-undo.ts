// What undoing a bulk change sends, and what its note says. The change set one value
// on every ticket; the undo puts back each ticket's own values of the fields it
// changed. bulkUpdateTickets sets one value on all its tickets, so the undo is one bulk
// change per set of values to put back (tickets that had the same go together), each
// based on the versions the change saved: a ticket a colleague changed since is
// refused (CONFLICT) with the tickets it goes with, never overwritten. Pure, tested
// with tables.
import type { TicketCategory, TicketPriority, TicketStatus } from '../../gql/graphql.js';
import type { BulkChange, BulkError, BulkSaved, TicketVersion } from './use-bulk-update-tickets.js';

/** What a bulk change can change, as one ticket has it. */
export interface BulkTicketValues {
  category: TicketCategory;
  priority: TicketPriority;
  status: TicketStatus;
  assigneeId: string | null;
}

/** One bulk change of an undo: these tickets, these values, based on these versions. */
export interface BulkUndoStep {
  ids: string[];
  change: BulkChange;
  basedOn: TicketVersion[];
}

export interface BulkUndo {
  steps: BulkUndoStep[];
  /** Tickets whose values before the change are not known: they cannot be put back. */
  unknown: string[];
}

/** The bulk changes that undo `change` of the `saved` tickets, in the order the tickets were saved. */
export function bulkUndo(change: BulkChange, saved: readonly BulkSaved[]): BulkUndo {
  const steps = new Map<string, BulkUndoStep>();
  const unknown: string[] = [];
  for (const { id, version, before } of saved) {
    if (!before) {
      unknown.push(id);
      continue;
    }
    // Only the fields the change set, in a fixed order (the step's key).
    const back: BulkChange = {};
    if (change.status != null) back.status = before.status;
    if (change.priority != null) back.priority = before.priority;
    if (change.category != null) back.category = before.category;
    if (change.assigneeId !== undefined) back.assigneeId = before.assigneeId;
    const key = JSON.stringify(back);
    const step = steps.get(key) ?? { ids: [], change: back, basedOn: [] };
    step.ids.push(id);
    step.basedOn.push({ id, version });
    steps.set(key, step);
  }
  return { steps: [...steps.values()], unknown };
}

const tickets = (count: number) => `${count} ${count === 1 ? 'ticket' : 'tickets'}`;
const backAsBefore = (count: number) => (count === 1 ? 'is back as it was' : 'are back as they were');

/** The change's note: "3 tickets changed." */
export function bulkChangedSaid(count: number): string {
  return `${tickets(count)} changed.`;
}

/** The note once every ticket is back: "3 tickets are back as they were." */
export function bulkUndoneSaid(count: number): string {
  return `${tickets(count)} ${backAsBefore(count)}.`;
}

/**
 * The note when some tickets could not be put back: how many of how many, and why,
 * each ticket named by its title; and how many are back.
 */
export function bulkNotUndoneSaid({
  total,
  undone,
  refusals,
  unknown,
  titleOf,
}: {
  total: number;
  undone: number;
  refusals: readonly BulkError[];
  unknown: readonly string[];
  titleOf(id: string): string;
}): string {
  const reasons = [
    ...refusals.map((e) => {
      if (e.ticketId === null) return e.message.replace(/\.$/, '');
      if (e.code === 'CONFLICT') return `“${titleOf(e.ticketId)}” was changed meanwhile by someone else`;
      return `“${titleOf(e.ticketId)}”: ${e.message.replace(/\.$/, '')}`;
    }),
    ...unknown.map((id) => `what “${titleOf(id)}” was before is not known`),
  ];
  const why = reasons.length ? `: ${reasons.join('; ')}` : '';
  const others = undone > 0 ? ` The other ${undone} ${backAsBefore(undone)}.` : '';
  return `Not undone for ${total - undone} of ${tickets(total)}${why}.${others}`;
}
