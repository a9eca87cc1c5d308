// One webhook endpoint in the administrators' list: where events go (linking to its
// deliveries and settings), which events, and where it stands, with the reason when
// it was turned off.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Link } from 'react-router';
import { formatDateTime } from '../../common/format.js';
import { graphql } from '../../gql/index.js';
import { endpointState } from './webhook-endpoint-state.js';
import { EVENT_TYPE_LABEL, WEBHOOK_EVENT_TYPES } from './webhook-enums.js';

export const WebhookEndpointItemFragment = graphql(`
  fragment WebhookEndpointItem_endpoint on WebhookEndpoint {
    id
    url
    events
    active
    disabledAt
    failingSince
    createdAt
    updatedAt
  }
`);

/** The events an endpoint receives, in display order. */
function eventsText(events: readonly string[]): string {
  return WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type))
    .map((type) => EVENT_TYPE_LABEL[type])
    .join(', ');
}

export function WebhookEndpointItem({ endpoint }: { endpoint: FragmentType<typeof WebhookEndpointItemFragment> }) {
  const { data, complete } = useFragment({ fragment: WebhookEndpointItemFragment, from: endpoint });
  if (!complete) return null;
  const state = endpointState(data);
  const titleId = `webhook-${data.id}-url`;
  return (
    <li className={`webhook-item webhook-item--${state.kind}`} aria-labelledby={titleId} data-endpoint-id={data.id}>
      <div className="webhook-item__main">
        <Link id={titleId} className="webhook-item__url" to={`/admin/webhooks/${data.id}`}>
          {data.url}
        </Link>
        <p className="webhook-item__events">{eventsText(data.events)}</p>
        {state.reason ? <p className="webhook-item__reason">{state.reason}</p> : null}
      </div>
      <div className="webhook-item__meta">
        <span className={`badge badge--${state.badge}`}>{state.label}</span>
        <span className="webhook-item__created">
          Registered <time dateTime={data.createdAt}>{formatDateTime(data.createdAt)}</time>
        </span>
      </div>
    </li>
  );
}
