// Every field of one ticket, read-only, with its status changeable at once.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useId, useState } from 'react';
import { formatDateTime } from '../../common/format.js';
import { graphql } from '../../gql/index.js';
import { CATEGORY_LABEL, isStatus, PRIORITY_LABEL, SOURCE_LABEL, STATUSES, STATUS_LABEL } from './ticket-enums.js';
import { useUpdateTicket } from './use-update-ticket.js';

export const TicketDetailsFragment = graphql(`
  fragment TicketDetails_ticket on Ticket {
    id
    title
    description
    category
    priority
    status
    createdAt
    updatedAt
    resolvedAt
    suggestion {
      category
      priority
      source
      accepted
    }
  }
`);

export function TicketDetails({ ticket }: { ticket: FragmentType<typeof TicketDetailsFragment> }) {
  const { data, complete } = useFragment({ fragment: TicketDetailsFragment, from: ticket });
  const [updateTicket] = useUpdateTicket();
  const [problem, setProblem] = useState<string | null>(null);
  const statusId = useId();
  if (!complete) return null;

  return (
    <article className="ticket-details" aria-labelledby="ticket-title">
      <p className="ticket-details__id">Ticket #{data.id}</p>
      <h1 id="ticket-title" className="ticket-details__title">
        {data.title}
      </h1>
      <div className="ticket-details__status field field--inline">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          className={`select select--status status--${data.status.toLowerCase()}`}
          value={data.status}
          onChange={async (event) => {
            const status = event.target.value;
            if (!isStatus(status)) return;
            setProblem(null);
            const outcome = await updateTicket(data.id, { status });
            if (!outcome.ok) setProblem(`Status not changed: ${outcome.errors.map((e) => e.message).join(' ')}`);
          }}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      {problem ? (
        <p className="callout callout--error" role="alert">
          {problem}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Category</dt>
          <dd>{CATEGORY_LABEL[data.category]}</dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>{PRIORITY_LABEL[data.priority]}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <time dateTime={data.createdAt}>{formatDateTime(data.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Last changed</dt>
          <dd>
            <time dateTime={data.updatedAt}>{formatDateTime(data.updatedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Resolved</dt>
          <dd>{data.resolvedAt ? <time dateTime={data.resolvedAt}>{formatDateTime(data.resolvedAt)}</time> : 'Not yet'}</dd>
        </div>
        <div>
          <dt>AI suggestion</dt>
          <dd data-testid="suggestion-summary">
            {data.suggestion
              ? `${CATEGORY_LABEL[data.suggestion.category]} / ${PRIORITY_LABEL[data.suggestion.priority]} by ${SOURCE_LABEL[data.suggestion.source]}: ${
                  data.suggestion.accepted ? 'accepted' : 'overridden'
                }`
              : 'None shown'}
          </dd>
        </div>
      </dl>
      <section aria-label="Description">
        <h2 className="visually-hidden">Description</h2>
        <p className="ticket-details__description">{data.description}</p>
      </section>
    </article>
  );
}
