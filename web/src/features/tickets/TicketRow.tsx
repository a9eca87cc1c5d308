// One ticket in the list: what it is about at a glance (the search's terms marked, in
// an excerpt of the description around the first of them) and who has it, with status
// and priority changeable in place through a menu (a deliberate choice, then Undo for a
// few seconds), "Assign to me", and a box to select it for a bulk change. A refused
// change is rolled back and said so beside the row; one refused because a colleague
// changed the ticket meanwhile shows what they changed, with the agent's change to re-apply.
// A row renders again only when its own props or data change (memo): selecting one row,
// a colleague's change of another, or the list starting to load does not redraw them all.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { memo, useState } from 'react';
import { Link } from 'react-router';
import { ChoiceMenu } from '../../common/form/ChoiceMenu.js';
import { formatAge, formatDateTime } from '../../common/format.js';
import { refusalText } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import { describeChanges } from './ticket-conflict.js';
import { CATEGORY_LABEL, PRIORITIES, PRIORITY_LABEL, STATUSES, STATUS_LABEL } from './ticket-enums.js';
import { HighlightedText } from './HighlightedText.js';
import { TicketConflictNotice } from './TicketConflictNotice.js';
import { isConflict } from './use-save-ticket-change.js';
import { fieldChangeSaid, useTicketChangeWithUndo, type InPlaceChange } from './use-ticket-change-with-undo.js';
import { useSession } from '../auth/session.js';
import { useLiveHighlight } from '../live/live-highlights.js';

const TicketRowFragment = graphql(`
  fragment TicketRow_ticket on Ticket {
    id
    title
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

// What the row shows of the description: a piece of it around what the list searched
// for, not all of it. Apart from the row's fragment because it depends on the list's
// `$search`: only the list's query spreads it (the live updates spread the row's).
const TicketRowExcerptFragment = graphql(`
  fragment TicketRowExcerpt_ticket on Ticket {
    excerpt(around: $search)
  }
`);

interface Props {
  ticket: FragmentType<typeof TicketRowFragment> & FragmentType<typeof TicketRowExcerptFragment>;
  /** The list's search, as its query sent it (the excerpt is read with it), its terms marked. */
  search: string | null;
  /** Selected for a bulk change. */
  selected: boolean;
  /** The box of ticket `id` was clicked; `shift`: with the shift key (a range). The same function for every row. */
  onSelect(id: string, shift: boolean): void;
}

export const TicketRow = memo(function TicketRow({ ticket, search, selected, onSelect }: Props) {
  const { data, complete } = useFragment({ fragment: TicketRowFragment, from: ticket });
  const excerpt = useFragment({ fragment: TicketRowExcerptFragment, from: ticket, variables: { search } });
  const { user: me } = useSession();
  const { change: save, saving, conflict, reapply, dismiss } = useTicketChangeWithUndo();
  const [problem, setProblem] = useState<string | null>(null);
  const highlighted = useLiveHighlight(data?.id);

  if (!complete) return null;
  const ticketId = data.id;
  const titleId = `ticket-${ticketId}-title`;

  const shown = { id: ticketId, title: data.title, version: data.version };
  async function change(label: string, edit: InPlaceChange) {
    setProblem(null);
    const outcome = await save(shown, edit);
    if (!outcome.ok && !isConflict(outcome)) setProblem(refusalText(label, outcome.errors));
  }
  const assignee = data.assignee;
  const assignToMe = (myId: string) =>
    change('Assignee', {
      changes: { assigneeId: myId },
      previous: { assigneeId: assignee?.id ?? null },
      said: `“${data.title}” assigned to you.`,
      undoneSaid: assignee ? `“${data.title}” is assigned to ${assignee.displayName} again.` : `“${data.title}” is unassigned again.`,
    });
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
        onChange={(event) => onSelect(ticketId, (event.nativeEvent as MouseEvent).shiftKey === true)}
      />
      <div className="ticket-row__main">
        <Link id={titleId} className="ticket-row__title" to={`/tickets/${data.id}`}>
          <HighlightedText text={data.title} search={search} />
        </Link>
        <p className="ticket-row__snippet">
          <HighlightedText text={excerpt.complete ? excerpt.data.excerpt : ''} search={search} />
        </p>
      </div>
      <div className="ticket-row__meta">
        <span className={`badge badge--category badge--${data.category.toLowerCase()}`}>{CATEGORY_LABEL[data.category]}</span>
        <ChoiceMenu
          label={`Priority of “${data.title}”`}
          className={`priority--${data.priority.toLowerCase()}`}
          values={PRIORITIES}
          labels={PRIORITY_LABEL}
          value={data.priority}
          onChoose={(priority) =>
            void change('Priority', {
              changes: { priority },
              previous: { priority: data.priority },
              ...fieldChangeSaid('Priority', data.title, PRIORITY_LABEL[data.priority], PRIORITY_LABEL[priority]),
            })
          }
        />
        <ChoiceMenu
          label={`Status of “${data.title}”`}
          className={`status--${data.status.toLowerCase()}`}
          values={STATUSES}
          labels={STATUS_LABEL}
          value={data.status}
          onChoose={(status) =>
            void change('Status', {
              changes: { status },
              previous: { status: data.status },
              ...fieldChangeSaid('Status', data.title, STATUS_LABEL[data.status], STATUS_LABEL[status]),
            })
          }
        />
        <span className="ticket-row__assignee" data-testid="assignee">
          {data.assignee ? data.assignee.displayName : 'Unassigned'}
        </span>
        {me && data.assignee?.id !== me.id ? (
          <button
            type="button"
            className="button button--small"
            aria-label={`Assign to me: “${data.title}”`}
            data-shortcut="assign-to-me"
            disabled={saving}
            onClick={() => void assignToMe(me.id)}
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
});
