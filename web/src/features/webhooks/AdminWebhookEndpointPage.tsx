// One webhook endpoint at /admin/webhooks/:id: its settings and its delivery log,
// newest first, a page at a time, each delivery with "Redeliver". The log is read
// when the page opens and on "Refresh" (deliveries are made by the server as tickets
// change). Administrators only.
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage, Loading } from '../../common/ErrorMessage.js';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { graphql } from '../../gql/index.js';
import { WebhookDeliveryItem } from './WebhookDeliveryItem.js';
import { WebhookEndpointSettings } from './WebhookEndpointSettings.js';
import './webhooks.css';

const DELIVERIES_PAGE_SIZE = 25;

const AdminWebhookEndpointPageQuery = graphql(`
  query AdminWebhookEndpointPage($endpointId: ID!, $first: Int!, $after: String) {
    webhookEndpoints {
      id
      url
      ...WebhookEndpointItem_endpoint
    }
    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
      nodes {
        id
        ...WebhookDeliveryItem_delivery
      }
      endCursor
      hasNextPage
    }
  }
`);

export function AdminWebhookEndpointPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  useDocumentTitle(`Webhook endpoint #${id}`);
  const { data, error, loading, networkStatus, refetch, fetchMore } = useQuery(AdminWebhookEndpointPageQuery, {
    variables: { endpointId: id, first: DELIVERIES_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const endpoint = data?.webhookEndpoints.find((candidate) => candidate.id === id);
  const log = data?.webhookDeliveries;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const refreshing = networkStatus === NetworkStatus.refetch;

  return (
    <div className="page page--narrow">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/admin/webhooks">← All webhooks</Link>
      </nav>
      {error && !data ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : null}
      {!data && loading ? <Loading label="Loading the endpoint…" /> : null}
      {data && !endpoint ? (
        <div className="empty">
          <h1>Endpoint not found</h1>
          <p>There is no webhook endpoint #{id}: it may have been deleted.</p>
        </div>
      ) : null}
      {endpoint ? (
        <>
          <h1 className="webhook-title">
            <span className="webhook-title__label">Webhook endpoint</span> <span className="webhook-url">{endpoint.url}</span>
          </h1>
          <WebhookEndpointSettings endpoint={endpoint} onDeleted={() => void navigate('/admin/webhooks', { replace: true })} />
          <section aria-labelledby="deliveries-heading" className="delivery-log" aria-busy={loading}>
            <div className="delivery-log__head">
              <h2 id="deliveries-heading">Deliveries</h2>
              <button type="button" className="button" disabled={refreshing} onClick={() => void refetch({ after: null })}>
                {refreshing ? 'Refreshing…' : 'Refresh'}
              </button>
            </div>
            {error && data ? <ErrorMessage error={error} title="Showing what was loaded before" /> : null}
            {log && log.nodes.length === 0 ? <p className="empty">Nothing delivered yet: events appear here as tickets change.</p> : null}
            {log && log.nodes.length > 0 ? (
              <ol className="delivery-list" aria-labelledby="deliveries-heading">
                {log.nodes.map((delivery) => (
                  <WebhookDeliveryItem key={delivery.id} delivery={delivery} />
                ))}
              </ol>
            ) : null}
            {log?.hasNextPage && log.endCursor ? (
              <button
                type="button"
                className="button button--wide"
                disabled={loadingMore}
                onClick={() => void fetchMore({ variables: { after: log.endCursor } })}
              >
                {loadingMore ? 'Loading…' : 'Show older deliveries'}
              </button>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
