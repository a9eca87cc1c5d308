// Every field of one ticket, read-only, with its status changeable at once (a menu,
// then Undo for a few seconds).
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useState } from 'react';
import { ChoiceMenu } from '../../common/form/ChoiceMenu.js';
import { formatDateTime } from '../../common/format.js';
import { refusalText } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import { ActorName } from './ActorName.js';
import type { TicketStatus } from '../../gql/graphql.js';
import { CATEGORY_LABEL, PRIORITY_LABEL, SOURCE_LABEL, STATUSES, STATUS_LABEL } from './ticket-enums.js';
import { TicketConflictNotice } from './TicketConflictNotice.js';
import { isConflict } from './use-save-ticket-change.js';
import { fieldChangeSaid, useTicketChangeWithUndo } from './use-ticket-change-with-undo.js';

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
    version
    createdBy {
      ... on User {
        id
      }
      ... on ApiToken {
        id
      }
      ...ActorName_actor
    }
    updatedBy {
      ... on User {
        id
      }
      ... on ApiToken {
        id
      }
      ...ActorName_actor
    }
    suggestion {
      category
      priority
      source
      accepted
    }
  }
`);

export function TicketDetails({ ticket }: { ticket: FragmentType<typeof TicketDetailsFragment> }) {
  // The fragment's document carries ActorName's fragment too: say which one this is.
  const { data, complete } = useFragment({ fragment: TicketDetailsFragment, fragmentName: 'TicketDetails_ticket', from: ticket });
  const { change, saving, conflict, reapply, dismiss } = useTicketChangeWithUndo();
  const [problem, setProblem] = useState<string | null>(null);
  if (!complete) return null;
  const ticketId = data.id;
  const shown = { id: ticketId, title: data.title, version: data.version };
  const { title, status } = data;

  async function changeStatus(to: TicketStatus) {
    setProblem(null);
    const outcome = await change(shown, {
      changes: { status: to },
      previous: { status },
      ...fieldChangeSaid('Status', title, STATUS_LABEL[status], STATUS_LABEL[to]),
    });
    if (!outcome.ok && !isConflict(outcome)) setProblem(refusalText('Status', outcome.errors));
  }
  async function reapplyMine() {
    setProblem(null);
    const outcome = await reapply();
    if (outcome && !outcome.ok && !isConflict(outcome)) setProblem(refusalText('Your change', outcome.errors));
  }

  return (
    <article className="ticket-details" aria-labelledby="ticket-title">
      <p className="ticket-details__id">Ticket #{data.id}</p>
      <h1 id="ticket-title" className="ticket-details__title">
        {data.title}
      </h1>
      <div className="ticket-details__status field field--inline">
        {/* The menu button names itself ("Status: Open"); this is its label for the eye. */}
        <span className="field__label" aria-hidden="true">
          Status
        </span>
        <ChoiceMenu
          label="Status"
          className={`status--${data.status.toLowerCase()}`}
          values={STATUSES}
          labels={STATUS_LABEL}
          value={data.status}
          onChoose={(to) => void changeStatus(to)}
        />
      </div>
      {problem ? (
        <p className="callout callout--error" role="alert">
          {problem}
        </p>
      ) : null}
      {conflict ? (
        <TicketConflictNotice conflict={conflict} busy={saving} onReapply={() => void reapplyMine()} onDismiss={dismiss} />
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
          <dt>Created by</dt>
          <dd data-testid="created-by">
            <ActorName actor={data.createdBy} />
          </dd>
        </div>
        <div>
          <dt>Last changed</dt>
          <dd>
            <time dateTime={data.updatedAt}>{formatDateTime(data.updatedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Last changed by</dt>
          <dd data-testid="updated-by">
            <ActorName actor={data.updatedBy} />
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
