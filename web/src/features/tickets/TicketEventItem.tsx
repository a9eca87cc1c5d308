// One event of a ticket's history: what happened (created, with the suggestion shown
// and whether it was kept; a field from → to, with the labels agents know; a note
// added, with its text; assigned and unassigned, to and from whom), who did it and when. Shown in the timeline and in a conflict, for what a colleague changed.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../common/format.js';
import { graphql } from '../../gql/index.js';
import type { TicketEventItem_EventFragment } from '../../gql/graphql.js';
import { ActorName } from './ActorName.js';
import { CATEGORY_LABEL, EVENT_FIELD_LABEL, fieldValueLabel, PRIORITY_LABEL, SOURCE_LABEL } from './ticket-enums.js';

export const TicketEventItemFragment = graphql(`
  fragment TicketEventItem_event on TicketEvent {
    id
    kind
    at
    field
    from
    to
    actor {
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
    note {
      id
      body
    }
    assignee {
      id
      displayName
    }
    previousAssignee {
      id
      displayName
    }
  }
`);

// Long texts (a description) are shortened in the timeline; the ticket shows them whole.
const QUOTE_LENGTH = 120;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH - 1)}…` : flat}”`;
}

function What({ event }: { event: TicketEventItem_EventFragment }): ReactNode {
  switch (event.kind) {
    case 'CREATED':
      return (
        <>
          <strong>Created</strong>
          {event.suggestion ? (
            <span className="timeline__detail">
              {' '}
              · AI suggested {CATEGORY_LABEL[event.suggestion.category]} / {PRIORITY_LABEL[event.suggestion.priority]} (
              {SOURCE_LABEL[event.suggestion.source]}): {event.suggestion.accepted ? 'accepted' : 'overridden'}
            </span>
          ) : (
            <span className="timeline__detail"> · no AI suggestion shown</span>
          )}
        </>
      );
    case 'FIELD_CHANGED': {
      if (!event.field || event.from === null || event.to === null) return <strong>Changed</strong>;
      const text = event.field === 'TITLE' || event.field === 'DESCRIPTION';
      const show = (value: string) => (text ? quote(value) : fieldValueLabel(event.field!, value));
      return (
        <>
          <strong>{EVENT_FIELD_LABEL[event.field]}</strong>: <span className="timeline__from">{show(event.from)}</span> →{' '}
          <span className="timeline__to">{show(event.to)}</span>
        </>
      );
    }
    case 'ASSIGNED':
      return (
        <>
          <strong>Assigned</strong> to {event.assignee?.displayName ?? 'someone'}
          {event.previousAssignee ? <span className="timeline__detail"> (from {event.previousAssignee.displayName})</span> : null}
        </>
      );
    case 'UNASSIGNED':
      return (
        <>
          <strong>Unassigned</strong>
          {event.assignee ? <span className="timeline__detail"> (was {event.assignee.displayName})</span> : null}
        </>
      );
    case 'NOTE_ADDED':
      return (
        <>
          <strong>Note added</strong>
          {event.note ? <span className="timeline__detail">: {quote(event.note.body)}</span> : null}
        </>
      );
  }
}

export function TicketEventItem({ event }: { event: FragmentType<typeof TicketEventItemFragment> }) {
  // The fragment's document carries ActorName's fragment too: say which one this is.
  const { data, complete } = useFragment({ fragment: TicketEventItemFragment, fragmentName: 'TicketEventItem_event', from: event });
  if (!complete) return null;
  return (
    <li className="timeline__event" data-event-kind={data.kind}>
      <p className="timeline__what">
        <What event={data} />
      </p>
      <p className="timeline__meta">
        <span className="timeline__actor">
          <ActorName actor={data.actor} />
        </span>{' '}
        · <time dateTime={data.at}>{formatDateTime(data.at)}</time>
      </p>
    </li>
  );
}
