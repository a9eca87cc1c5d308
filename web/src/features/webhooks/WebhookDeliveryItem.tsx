// One delivery in an endpoint's log: which event about which ticket, where it stands,
// how many attempts, the last answer (HTTP status, or why there was none) and when;
// its latest attempts on request; and "Redeliver", which sends it again now (the
// same event id, so receivers that deduplicate see it once).
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../common/format.js';
import { graphql } from '../../gql/index.js';
import type { WebhookAttemptError } from '../../gql/graphql.js';
import { ATTEMPT_ERROR_LABEL, DELIVERY_STATUS_BADGE, DELIVERY_STATUS_LABEL, EVENT_TYPE_WIRE_NAME } from './webhook-enums.js';
import { useRedeliverWebhook } from './use-redeliver-webhook.js';

export const WebhookDeliveryItemFragment = graphql(`
  fragment WebhookDeliveryItem_delivery on WebhookDelivery {
    id
    eventId
    eventType
    ticketId
    status
    attemptCount
    createdAt
    lastAttemptAt
    lastStatusCode
    nextAttemptAt
    deliveredAt
    attempts {
      id
      startedAt
      finishedAt
      statusCode
      error
    }
  }
`);

/** An attempt's answer in words: "HTTP 200", or why there was none. */
function answerText(statusCode: number | null, error: WebhookAttemptError | null): string {
  if (statusCode !== null) return `HTTP ${statusCode}`;
  return error ? ATTEMPT_ERROR_LABEL[error] : 'No answer';
}

function When({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}

export function WebhookDeliveryItem({ delivery }: { delivery: FragmentType<typeof WebhookDeliveryItemFragment> }) {
  const { data, complete } = useFragment({ fragment: WebhookDeliveryItemFragment, from: delivery });
  const [redeliverWebhook, { loading }] = useRedeliverWebhook();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (!complete) return null;
  const deliveryId = data.id;
  const latest = data.attempts[0];
  const titleId = `delivery-${data.id}-title`;

  async function redeliver() {
    setOutcome(null);
    const result = await redeliverWebhook(deliveryId);
    setOutcome(
      result.ok
        ? { ok: true, text: 'Queued: it is sent again now.' }
        : { ok: false, text: `Not redelivered: ${result.errors.map((e) => e.message).join(' ') || 'the server refused it.'}` },
    );
  }

  return (
    <li className="delivery" aria-labelledby={titleId} data-delivery-id={data.id}>
      <div className="delivery__head">
        <p id={titleId} className="delivery__title">
          <code>{EVENT_TYPE_WIRE_NAME[data.eventType]}</code> · <Link to={`/tickets/${data.ticketId}`}>Ticket #{data.ticketId}</Link>
        </p>
        <span className={`badge badge--${DELIVERY_STATUS_BADGE[data.status]}`} data-testid="delivery-status">
          {DELIVERY_STATUS_LABEL[data.status]}
        </span>
      </div>
      <dl className="delivery__facts">
        <div>
          <dt>Event</dt>
          <dd>
            <When iso={data.createdAt} /> <span className="hint">(event {data.eventId})</span>
          </dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd>{data.attemptCount}</dd>
        </div>
        <div>
          <dt>Last answer</dt>
          <dd data-testid="delivery-answer">
            {data.lastAttemptAt ? (
              <>
                {latest ? answerText(latest.statusCode, latest.error) : answerText(data.lastStatusCode, null)} ·{' '}
                <When iso={data.lastAttemptAt} />
              </>
            ) : (
              'Not attempted yet'
            )}
          </dd>
        </div>
        {data.status === 'PENDING' && data.attemptCount > 0 ? (
          <div>
            <dt>Next attempt</dt>
            <dd>
              <When iso={data.nextAttemptAt} />
            </dd>
          </div>
        ) : null}
        {data.deliveredAt ? (
          <div>
            <dt>Delivered</dt>
            <dd>
              <When iso={data.deliveredAt} />
            </dd>
          </div>
        ) : null}
      </dl>
      {data.attempts.length > 1 ? (
        <details className="delivery__attempts">
          <summary>Latest attempts ({data.attempts.length})</summary>
          <ol>
            {data.attempts.map((attempt) => (
              <li key={attempt.id}>
                {answerText(attempt.statusCode, attempt.error)} · <When iso={attempt.startedAt} /> ·{' '}
                {Math.max(0, Date.parse(attempt.finishedAt) - Date.parse(attempt.startedAt)).toLocaleString('en')} ms
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <div className="delivery__actions">
        <button
          type="button"
          className="button button--small"
          aria-label={`Redeliver ${EVENT_TYPE_WIRE_NAME[data.eventType]} of ticket #${data.ticketId} (delivery ${data.id})`}
          disabled={loading}
          onClick={() => void redeliver()}
        >
          {loading ? 'Redelivering…' : 'Redeliver'}
        </button>
        <span role="status" className={outcome && !outcome.ok ? 'row-problem' : 'form__status'}>
          {outcome?.text ?? ''}
        </span>
      </div>
    </li>
  );
}
