// Possible duplicates beside the new-ticket form: up to five existing tickets like the
// description being written (the server orders them, active ones first), each with its
// status, assignee and age, linked in a new tab so the draft stays. Nothing at all when
// none is similar enough.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useId } from 'react';
import { Link } from 'react-router';
import { formatAge, formatDateTime } from '../../common/format.js';
import { graphql } from '../../gql/index.js';
import { STATUS_LABEL } from './ticket-enums.js';

export const SimilarTicketsFragment = graphql(`
  fragment SimilarTickets_ticket on Ticket {
    id
    title
    status
    createdAt
    assignee {
      id
      displayName
    }
  }
`);

function SimilarTicketItem({ ticket }: { ticket: FragmentType<typeof SimilarTicketsFragment> }) {
  const { data, complete } = useFragment({ fragment: SimilarTicketsFragment, from: ticket });
  if (!complete) return null;
  return (
    <li className="similar-tickets__item" data-ticket-id={data.id}>
      <Link to={`/tickets/${data.id}`} target="_blank" rel="noopener">
        #{data.id} {data.title}
        <span className="visually-hidden"> (opens in a new tab)</span>
      </Link>
      <span className="similar-tickets__meta">
        <span className={`badge status--${data.status.toLowerCase()}`}>{STATUS_LABEL[data.status]}</span>
        {data.assignee ? <span>{data.assignee.displayName}</span> : null}
        <time dateTime={data.createdAt} title={formatDateTime(data.createdAt)}>
          {formatAge(data.createdAt)}
        </time>
      </span>
    </li>
  );
}

export function SimilarTickets({
  similar,
}: {
  similar: readonly { ticket: FragmentType<typeof SimilarTicketsFragment> & { id: string } }[];
}) {
  const headingId = useId();
  if (similar.length === 0) return null;
  return (
    <section className="similar-tickets" aria-labelledby={headingId}>
      <h2 id={headingId} className="similar-tickets__title">
        Similar tickets: is this a duplicate?
      </h2>
      <ul className="similar-tickets__list">
        {similar.map(({ ticket }) => (
          <SimilarTicketItem key={ticket.id} ticket={ticket} />
        ))}
      </ul>
    </section>
  );
}
