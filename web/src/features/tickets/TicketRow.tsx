// One ticket in the list: what it is about at a glance, with status and priority
// changeable in place. A refused change is rolled back and said so beside the row.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EnumSelect } from '../../common/form/SelectField.js';
import { formatAge, formatDateTime } from '../../common/format.js';
import { refusalText } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { UpdateTicketInput } from '../../gql/graphql.js';
import { CATEGORY_LABEL, PRIORITIES, PRIORITY_LABEL, STATUSES, STATUS_LABEL } from './ticket-enums.js';
import { useUpdateTicket } from './use-update-ticket.js';

export const TicketRowFragment = graphql(`
  fragment TicketRow_ticket on Ticket {
    id
    title
    description
    category
    priority
    status
    createdAt
  }
`);

const SNIPPET_LENGTH = 160;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH - 1)}…` : flat;
}

export function TicketRow({ ticket }: { ticket: FragmentType<typeof TicketRowFragment> }) {
  const { data, complete } = useFragment({ fragment: TicketRowFragment, from: ticket });
  const [updateTicket] = useUpdateTicket();
  const [problem, setProblem] = useState<string | null>(null);

  if (!complete) return null;
  const ticketId = data.id;
  const titleId = `ticket-${ticketId}-title`;

  async function change(label: string, input: UpdateTicketInput) {
    setProblem(null);
    const outcome = await updateTicket(ticketId, input);
    if (!outcome.ok) setProblem(refusalText(label, outcome.errors));
  }

  return (
    <li className="ticket-row" aria-labelledby={titleId} data-ticket-id={data.id}>
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
        <time className="ticket-row__age" dateTime={data.createdAt} title={formatDateTime(data.createdAt)}>
          {formatAge(data.createdAt)}
        </time>
      </div>
      {problem ? (
        <p className="ticket-row__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
