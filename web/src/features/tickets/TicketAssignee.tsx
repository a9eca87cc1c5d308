// Who works a ticket, on its page: the assignee, changed with a picker of the people
// who can be assigned (or "Unassigned"), and "Assign to me". Saved at once, based on
// the version on screen; a colleague's change meanwhile is shown, not overwritten.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useId, useState } from 'react';
import { refusalText } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import { useSession } from '../auth/session.js';
import { describeChanges } from './ticket-conflict.js';
import { TicketConflictNotice } from './TicketConflictNotice.js';
import { isConflict, useSaveTicketChange } from './use-save-ticket-change.js';

export const TicketAssigneeFragment = graphql(`
  fragment TicketAssignee_ticket on Ticket {
    id
    version
    assignee {
      id
      displayName
    }
  }
`);

export interface AssignableUser {
  id: string;
  displayName: string;
}

const NOBODY = '';

export function TicketAssignee({
  ticket,
  users,
}: {
  ticket: FragmentType<typeof TicketAssigneeFragment>;
  users: readonly AssignableUser[];
}) {
  const { data, complete } = useFragment({ fragment: TicketAssigneeFragment, from: ticket });
  const { user: me } = useSession();
  const id = useId();
  const { save, saving, conflict, reapply, dismiss } = useSaveTicketChange();
  const [problem, setProblem] = useState<string | null>(null);
  if (!complete) return null;
  const ticketId = data.id;
  const version = data.version;
  // The current assignee stays a choice even when no longer assignable (deactivated).
  const choices = data.assignee && !users.some((u) => u.id === data.assignee!.id) ? [data.assignee, ...users] : users;
  const nameOf = (userId: string) => choices.find((u) => u.id === userId)?.displayName ?? `user #${userId}`;

  async function assign(assigneeId: string | null) {
    setProblem(null);
    const outcome = await save(ticketId, version, { assigneeId });
    if (!outcome.ok && !isConflict(outcome)) setProblem(refusalText('Assignee', outcome.errors));
  }
  async function reapplyMine() {
    setProblem(null);
    const outcome = await reapply();
    if (outcome && !outcome.ok && !isConflict(outcome)) setProblem(refusalText('Your change', outcome.errors));
  }

  return (
    <div className="ticket-assignee">
      <div className="field field--inline">
        <label htmlFor={id}>Assignee</label>
        <select
          id={id}
          className="select"
          value={data.assignee?.id ?? NOBODY}
          onChange={(event) => void assign(event.target.value === NOBODY ? null : event.target.value)}
        >
          <option value={NOBODY}>Unassigned</option>
          {choices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </select>
        {me && data.assignee?.id !== me.id ? (
          <button type="button" className="button" disabled={saving} onClick={() => void assign(me.id)}>
            Assign to me
          </button>
        ) : null}
      </div>
      {problem ? (
        <p className="callout callout--error" role="alert">
          {problem}
        </p>
      ) : null}
      {conflict ? (
        <TicketConflictNotice
          conflict={conflict}
          describe={(changes) => describeChanges(changes, nameOf)}
          busy={saving}
          onReapply={() => void reapplyMine()}
          onDismiss={dismiss}
        />
      ) : null}
    </div>
  );
}
