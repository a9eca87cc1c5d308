// A bulk change of the selected tickets, saved as useBulkUpdateTickets saves it, then
// offered for undo in the note (common/undo-toast.tsx), as a change of one row is
// (use-ticket-change-with-undo.ts): Undo puts each ticket's own values back through the
// same bulk mutation (bulk-undo.ts), based on the versions the change saved, so a
// ticket a colleague changed meanwhile is named in the note and keeps their change.
// When the change's window closes, the tickets leave the lists they no longer match
// and move to their place in sorted ones.
import { useCallback } from 'react';
import { useUndoToast } from '../../common/undo-toast.js';
import { bulkChangedSaid, bulkNotUndoneSaid, bulkUndo, bulkUndoneSaid } from './bulk-undo.js';
import { useBulkUpdateTickets, type BulkChange, type BulkError, type BulkOutcome } from './use-bulk-update-tickets.js';
import { useListDeparture } from './use-list-departure.js';

interface Options {
  /** An undo was refused, in part or whole: the list may be stale. */
  onUndoRefused(): void;
}

export function useBulkChangeWithUndo({ onUndoRefused }: Options) {
  const [bulkUpdateTickets, state] = useBulkUpdateTickets();
  const { show } = useUndoToast();
  const settleInLists = useListDeparture();

  const change = useCallback(
    async (tickets: readonly { id: string; title: string }[], edit: BulkChange): Promise<BulkOutcome> => {
      const ids = tickets.map((t) => t.id);
      const outcome = await bulkUpdateTickets(ids, edit);
      if (!outcome.ok) return outcome;
      const titles = new Map(tickets.map((t) => [t.id, t.title]));
      const titleOf = (id: string) => titles.get(id) ?? `#${id}`;
      show({
        message: bulkChangedSaid(ids.length),
        undo: async () => {
          const { steps, unknown } = bulkUndo(edit, outcome.saved);
          const refusals: BulkError[] = [];
          let undone = 0;
          // One step at a time: each is all or nothing on its own.
          for (const step of steps) {
            const result = await bulkUpdateTickets(step.ids, step.change, step.basedOn);
            if (result.ok) undone += step.ids.length;
            else refusals.push(...result.errors);
          }
          if (refusals.length === 0 && unknown.length === 0) return { ok: true, message: bulkUndoneSaid(ids.length) };
          onUndoRefused();
          return { ok: false, message: bulkNotUndoneSaid({ total: ids.length, undone, refusals, unknown, titleOf }) };
        },
        onSettled: () => settleInLists(ids),
      });
      return outcome;
    },
    [bulkUpdateTickets, show, settleInLists, onUndoRefused],
  );

  return { change, saving: state.loading };
}
