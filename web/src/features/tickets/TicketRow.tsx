// One ticket in the list: what it is about at a glance, with status and priority
// changeable in place. A refused change is rolled back and said so beside the row.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatAge, formatDateTime } from '../../common/format.js';
import { graphql } from '../../gql/index.js';
import type { TicketPriority, TicketStatus } from '../../gql/graphql.js';
import { CATEGORY_LABEL, isPriority, isStatus, PRIORITIES, PRIORITY_LABEL, STATUSES, STATUS_LABEL } from './ticket-enums.js';
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

  async function change(field: 'status' | 'priority', value: TicketStatus | TicketPriority, label: string) {
    setProblem(null);
    const outcome = await updateTicket(ticketId, field === 'status' ? { status: value as TicketStatus } : { priority: value as TicketPriority });
    if (!outcome.ok) {
      setProblem(`${label} not changed: ${outcome.errors.map((e) => e.message).join(' ') || 'the server refused it.'}`);
    }
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
          <select
            className={`select select--priority priority--${data.priority.toLowerCase()}`}
            value={data.priority}
            onChange={(event) => {
              if (isPriority(event.target.value)) void change('priority', event.target.value, 'Priority');
            }}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABEL[p]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-select">
          <span className="visually-hidden">Status of “{data.title}”</span>
          <select
            className={`select select--status status--${data.status.toLowerCase()}`}
            value={data.status}
            onChange={(event) => {
              if (isStatus(event.target.value)) void change('status', event.target.value, 'Status');
            }}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
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
