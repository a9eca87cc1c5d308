// One ticket in the list: what it is about at a glance and who has it, with status and
// priority changeable in place, "Assign to me", and a box to select it for a bulk change. A refused change is rolled back and said so beside the row; one
// refused because a colleague changed the ticket meanwhile shows what they changed,
// with the agent's change to re-apply.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EnumSelect } from '../../common/form/SelectField.js';
import { formatAge, formatDateTime } from '../../common/format.js';
import { refusalText } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import { describeChanges, type TicketChanges } from './ticket-conflict.js';
import { CATEGORY_LABEL, PRIORITIES, PRIORITY_LABEL, STATUSES, STATUS_LABEL } from './ticket-enums.js';
import { TicketConflictNotice } from './TicketConflictNotice.js';
import { isConflict, useSaveTicketChange } from './use-save-ticket-change.js';
import { useSession } from '../auth/session.js';
import { useLiveHighlight } from '../live/live-highlights.js';

const TicketRowFragment = graphql(`
  fragment TicketRow_ticket on Ticket {
    id
    title
    description
    category
    priority
    status
    createdAt
    version
    assignee {
      id
      displayName
    }
  }
`);

const SNIPPET_LENGTH = 160;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH - 1)}…` : flat;
}

interface Props {
  ticket: FragmentType<typeof TicketRowFragment>;
  /** Selected for a bulk change. */
  selected: boolean;
  /** The box was clicked; `shift`: with the shift key (a range). */
  onSelect(shift: boolean): void;
}

export function TicketRow({ ticket, selected, onSelect }: Props) {
  const { data, complete } = useFragment({ fragment: TicketRowFragment, from: ticket });
  const { user: me } = useSession();
  const { save, saving, conflict, reapply, dismiss } = useSaveTicketChange();
  const [problem, setProblem] = useState<string | null>(null);
  const highlighted = useLiveHighlight(data?.id);

  if (!complete) return null;
  const ticketId = data.id;
  const titleId = `ticket-${ticketId}-title`;

  const version = data.version;
  async function change(label: string, changes: TicketChanges) {
    setProblem(null);
    const outcome = await save(ticketId, version, changes);
    if (!outcome.ok && !isConflict(outcome)) setProblem(refusalText(label, outcome.errors));
  }
  async function reapplyMine() {
    setProblem(null);
    const outcome = await reapply();
    if (outcome && !outcome.ok && !isConflict(outcome)) setProblem(refusalText('Your change', outcome.errors));
  }

  return (
    <li
      className={`ticket-row${selected ? ' ticket-row--selected' : ''}${highlighted ? ' live-changed' : ''}`}
      aria-labelledby={titleId}
      data-ticket-id={data.id}
    >
      <input
        type="checkbox"
        className="ticket-row__select"
        aria-label={`Select “${data.title}”`}
        checked={selected}
        // React's change event of a box is the click: it tells whether shift was held.
        onChange={(event) => onSelect((event.nativeEvent as MouseEvent).shiftKey === true)}
      />
      <div className="ticket-row__main">
        <Link id={titleId} className="ticket-row__title" to={`/tickets/${data.id}`}>
          {data.title}
        </Link>
        <p className="ticket-row__snippet">{snippet(data.description)}</p>
      </div>
      <div className="ticket-row__meta">
        <span className={`badge badge--category badge--${data.category.toLowerCase()}`}>{CATEGORY_LABEL[data.category]}</span>
        <label className="inline-select">
          <span className="visually-hidden">Priority of “{data.title}”</span>
          <EnumSelect
            className={`select select--priority priority--${data.priority.toLowerCase()}`}
            values={PRIORITIES}
            labels={PRIORITY_LABEL}
            value={data.priority}
            onChange={(priority) => void change('Priority', { priority })}
          />
        </label>
        <label className="inline-select">
          <span className="visually-hidden">Status of “{data.title}”</span>
          <EnumSelect
            className={`select select--status status--${data.status.toLowerCase()}`}
            values={STATUSES}
            labels={STATUS_LABEL}
            value={data.status}
            onChange={(status) => void change('Status', { status })}
          />
        </label>
        <span className="ticket-row__assignee" data-testid="assignee">
          {data.assignee ? data.assignee.displayName : 'Unassigned'}
        </span>
        {me && data.assignee?.id !== me.id ? (
          <button
            type="button"
            className="button button--small"
            aria-label={`Assign to me: “${data.title}”`}
            disabled={saving}
            onClick={() => void change('Assignee', { assigneeId: me.id })}
          >
            Assign to me
          </button>
        ) : null}
        <time className="ticket-row__age" dateTime={data.createdAt} title={formatDateTime(data.createdAt)}>
          {formatAge(data.createdAt)}
        </time>
      </div>
      {problem ? (
        <p className="ticket-row__problem" role="alert">
          {problem}
        </p>
      ) : null}
      {conflict ? (
        <div className="ticket-row__conflict">
          <TicketConflictNotice
            conflict={conflict}
            describe={(changes) => describeChanges(changes, (id) => (id === me?.id ? 'you' : `user #${id}`))}
            busy={saving}
            onReapply={() => void reapplyMine()}
            onDismiss={dismiss}
          />
        </div>
      ) : null}
    </li>
  );
}
