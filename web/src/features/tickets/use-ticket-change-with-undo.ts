// A change made in place (a status from the list, "Assign to me"), saved as
// useSaveTicketChange saves every change, then offered for undo in the note
// (common/undo-toast.tsx): Undo saves the previous values back through the same hook,
// based on the version the change produced, so that a colleague's change meanwhile is
// a conflict, shown beside the ticket and in the note, never overwritten. When the
// change's window closes, the ticket leaves the lists it no longer matches and moves
// to its place in sorted ones.
import { useCallback } from 'react';
import type { MutationOutcome } from '../../common/mutation-outcome.js';
import { useUndoToast } from '../../common/undo-toast.js';
import type { TicketChanges } from './ticket-conflict.js';
import { isConflict, useSaveTicketChange } from './use-save-ticket-change.js';
import { useListDeparture } from './use-list-departure.js';
import type { SavedChange } from './use-update-ticket.js';

export interface InPlaceChange {
  changes: TicketChanges;
  /** The same fields, as they were. */
  previous: TicketChanges;
  /** What changed: "Status of “Printer” changed to Resolved." */
  said: string;
  /** What an undo restored: "Status of “Printer” is Open again." */
  undoneSaid: string;
}

/** The sentences of a field changed from one labelled value to another. */
export function fieldChangeSaid(field: string, title: string, from: string, to: string): Pick<InPlaceChange, 'said' | 'undoneSaid'> {
  return { said: `${field} of “${title}” changed to ${to}.`, undoneSaid: `${field} of “${title}” is ${from} again.` };
}

export function useTicketChangeWithUndo() {
  const saving = useSaveTicketChange();
  const { save } = saving;
  const { show } = useUndoToast();
  const settleInLists = useListDeparture();

  const change = useCallback(
    async (ticket: { id: string; title: string; version: number }, edit: InPlaceChange): Promise<MutationOutcome<SavedChange>> => {
      const outcome = await save(ticket.id, ticket.version, edit.changes);
      if (!outcome.ok) return outcome;
      show({
        message: edit.said,
        undo: async () => {
          const undone = await save(ticket.id, outcome.value.version, edit.previous);
          if (undone.ok) return { ok: true, message: edit.undoneSaid };
          const why = isConflict(undone)
            ? `“${ticket.title}” was changed meanwhile by someone else; what they changed is shown with the ticket.`
            : undone.errors.map((e) => e.message).join(' ');
          return { ok: false, message: `Not undone: ${why}` };
        },
        onSettled: () => settleInLists([ticket.id]),
      });
      return outcome;
    },
    [save, show, settleInLists],
  );

  return { ...saving, change };
}
