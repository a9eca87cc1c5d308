// Who works a ticket, on its page: the assignee, changed with a menu of the people who
// can be assigned (or "Unassigned"), and "Assign to me". Saved at once, based on the
// version on screen, with Undo for a few seconds; a colleague's change meanwhile is
// shown, not overwritten.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useState } from 'react';
import { ChoiceMenu } from '../../common/form/ChoiceMenu.js';
import { refusalText } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import { useSession } from '../auth/session.js';
import { describeChanges } from './ticket-conflict.js';
import { TicketConflictNotice } from './TicketConflictNotice.js';
import { isConflict } from './use-save-ticket-change.js';
import { useTicketChangeWithUndo } from './use-ticket-change-with-undo.js';

export const TicketAssigneeFragment = graphql(`
  fragment TicketAssignee_ticket on Ticket {
    id
    title
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
  const { change, saving, conflict, reapply, dismiss } = useTicketChangeWithUndo();
  const [problem, setProblem] = useState<string | null>(null);
  if (!complete) return null;
  const shown = { id: data.id, title: data.title, version: data.version };
  const current = data.assignee;
  // The current assignee stays a choice even when no longer assignable (deactivated).
  const choices = data.assignee && !users.some((u) => u.id === data.assignee!.id) ? [data.assignee, ...users] : users;
  const nameOf = (userId: string) => choices.find((u) => u.id === userId)?.displayName ?? `user #${userId}`;

  const assignedTo = (userId: string | null) =>
    userId === null ? `“${data.title}” unassigned.` : `“${data.title}” assigned to ${userId === me?.id ? 'you' : nameOf(userId)}.`;

  async function assign(assigneeId: string | null) {
    setProblem(null);
    const outcome = await change(shown, {
      changes: { assigneeId },
      previous: { assigneeId: current?.id ?? null },
      said: assignedTo(assigneeId),
      undoneSaid: current ? `“${data.title}” is assigned to ${current.displayName} again.` : `“${data.title}” is unassigned again.`,
    });
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
        <span className="field__label" aria-hidden="true">
          Assignee
        </span>
        <ChoiceMenu
          label="Assignee"
          values={[NOBODY, ...choices.map((u) => u.id)]}
          labels={{ [NOBODY]: 'Unassigned', ...Object.fromEntries(choices.map((u) => [u.id, u.displayName])) }}
          value={current?.id ?? NOBODY}
          onChoose={(userId) => void assign(userId === NOBODY ? null : userId)}
        />
        {me && data.assignee?.id !== me.id ? (
          <button type="button" className="button" data-shortcut="assign-to-me" disabled={saving} onClick={() => void assign(me.id)}>
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
