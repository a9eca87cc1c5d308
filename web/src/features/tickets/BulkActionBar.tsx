// The bar over the list while tickets are selected: how many, and status, priority,
// category and assignee to set on all of them in one action (each left as it is when
// not chosen). All or nothing: a ticket that could not be changed (changed meanwhile
// by a colleague, gone) is named with why, and none was changed. Once changed, the note
// of changes made in place says so and offers Undo (each ticket's own values put back),
// and tickets that no longer match the list's filter leave it when the note's window
// closes, as a row changed on its own does (use-bulk-change-with-undo.ts).
import { useState, type FormEvent } from 'react';
import { OptionalSelectField } from '../../common/form/SelectField.js';
import type { TicketCategory, TicketPriority, TicketStatus } from '../../gql/graphql.js';
import { BULK_UPDATE_MAX_TICKETS } from '../../gql/limits.js';
import type { AssignableUser } from './TicketAssignee.js';
import { CATEGORIES, CATEGORY_LABEL, PRIORITIES, PRIORITY_LABEL, STATUSES, STATUS_LABEL } from './ticket-enums.js';
import { useBulkChangeWithUndo } from './use-bulk-change-with-undo.js';
import type { BulkChange, BulkError } from './use-bulk-update-tickets.js';

interface Props {
  /** The selected tickets, with their titles to name them in errors. */
  selected: readonly { id: string; title: string }[];
  users: readonly AssignableUser[];
  onClear(): void;
  /** The change, or its undo, was refused: the list may be stale. */
  onRefused(): void;
}

const UNASSIGN = 'none';

interface Choices {
  status: TicketStatus | null;
  priority: TicketPriority | null;
  category: TicketCategory | null;
  /** A user id, UNASSIGN, or null: unchanged. */
  assignee: string | null;
}

const NO_CHOICES: Choices = { status: null, priority: null, category: null, assignee: null };

export function BulkActionBar({ selected, users, onClear, onRefused }: Props) {
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  const [errors, setErrors] = useState<BulkError[]>([]);
  const { change: changeAll, saving: loading } = useBulkChangeWithUndo({ onUndoRefused: onRefused });
  const assigneeValues = [UNASSIGN, ...users.map((u) => u.id)];
  const assigneeLabels: Record<string, string> = Object.fromEntries([[UNASSIGN, 'Unassigned'], ...users.map((u) => [u.id, u.displayName])]);
  const nothingChosen = Object.values(choices).every((v) => v === null);
  const tooMany = selected.length > BULK_UPDATE_MAX_TICKETS;
  const titleOf = (id: string | null) => selected.find((t) => t.id === id)?.title;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (nothingChosen || tooMany) return;
    const change: BulkChange = {};
    if (choices.status) change.status = choices.status;
    if (choices.priority) change.priority = choices.priority;
    if (choices.category) change.category = choices.category;
    if (choices.assignee) change.assigneeId = choices.assignee === UNASSIGN ? null : choices.assignee;
    setErrors([]);
    const outcome = await changeAll(selected, change);
    if (!outcome.ok) {
      setErrors(outcome.errors);
      onRefused();
      return;
    }
    setChoices(NO_CHOICES);
    onClear();
  }

  if (selected.length === 0) return null;
  return (
    <form className="bulk-bar" aria-label="Change selected tickets" onSubmit={(e) => void onSubmit(e)}>
      <p className="bulk-bar__count" role="status">
        {selected.length} selected
      </p>
      <OptionalSelectField
        label="Status"
        values={STATUSES}
        labels={STATUS_LABEL}
        value={choices.status}
        emptyLabel="Keep"
        onChange={(status) => setChoices({ ...choices, status })}
      />
      <OptionalSelectField
        label="Priority"
        values={PRIORITIES}
        labels={PRIORITY_LABEL}
        value={choices.priority}
        emptyLabel="Keep"
        onChange={(priority) => setChoices({ ...choices, priority })}
      />
      <OptionalSelectField
        label="Category"
        values={CATEGORIES}
        labels={CATEGORY_LABEL}
        value={choices.category}
        emptyLabel="Keep"
        onChange={(category) => setChoices({ ...choices, category })}
      />
      <OptionalSelectField
        label="Assignee"
        values={assigneeValues}
        labels={assigneeLabels}
        value={choices.assignee}
        emptyLabel="Keep"
        onChange={(assignee) => setChoices({ ...choices, assignee })}
      />
      <div className="bulk-bar__actions">
        <button type="submit" className="button button--primary" disabled={loading || nothingChosen || tooMany}>
          {loading ? 'Applying…' : `Apply to ${selected.length} ${selected.length === 1 ? 'ticket' : 'tickets'}`}
        </button>
        <button type="button" className="button" onClick={onClear}>
          Clear selection
        </button>
      </div>
      {tooMany ? (
        <p className="bulk-bar__problem" role="alert">
          At most {BULK_UPDATE_MAX_TICKETS} tickets can be changed at once.
        </p>
      ) : null}
      {errors.length ? (
        <div className="callout callout--error bulk-bar__problem" role="alert">
          <strong>Nothing was changed.</strong>
          <ul aria-label="Tickets not changed">
            {errors.map((e, i) => (
              <li key={i}>
                {e.ticketId ? `#${e.ticketId} ${titleOf(e.ticketId) ?? ''}: ` : ''}
                {e.code === 'CONFLICT' ? 'changed meanwhile by someone else (the list now shows their change)' : e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
