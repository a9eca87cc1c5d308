// The administrators' webhook endpoints at /admin/webhooks: registering one (its
// signing secret shown once), and every endpoint with where it stands; one the server
// turned off after failing is pointed out here and in the navigation. Each links to
// its page (settings and delivery log). Administrators only (RequireAdmin.tsx; the
// server checks too).
import { useQuery } from '@apollo/client/react';
import { ErrorMessage, Loading } from '../../common/ErrorMessage.js';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { graphql } from '../../gql/index.js';
import { disabledCount } from './webhook-endpoint-state.js';
import { NewWebhookEndpointForm } from './NewWebhookEndpointForm.js';
import { WebhookEndpointItem } from './WebhookEndpointItem.js';
import './webhooks.css';

const AdminWebhooksPageQuery = graphql(`
  query AdminWebhooksPage {
    webhookEndpoints {
      id
      active
      disabledAt
      failingSince
      ...WebhookEndpointItem_endpoint
    }
  }
`);

export function AdminWebhooksPage() {
  useDocumentTitle('Webhooks');
  const { data, error, loading, refetch } = useQuery(AdminWebhooksPageQuery, { fetchPolicy: 'cache-and-network' });
  const endpoints = data?.webhookEndpoints;
  const disabled = endpoints ? disabledCount(endpoints) : 0;

  return (
    <div className="page">
      <header className="page__header">
        <h1>Webhooks</h1>
      </header>
      <p>
        Integrations receive each ticket event as a signed JSON <code>POST</code>: the event id in <code>X-Webhook-Id</code> (the same on
        every retry: deduplicate on it), its type in <code>X-Webhook-Event</code>, and{' '}
        <code>X-Webhook-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>, the HMAC-SHA256 of <code>t.body</code> under the endpoint’s
        secret. A delivery that gets no 2xx answer is retried for 24 hours.
      </p>
      <NewWebhookEndpointForm />
      <section aria-labelledby="webhooks-heading" className="admin-list">
        <h2 id="webhooks-heading">Endpoints</h2>
        {disabled > 0 ? (
          <p className="callout callout--warning" data-testid="webhooks-disabled">
            {disabled === 1 ? 'One endpoint was' : `${disabled} endpoints were`} turned off after failing continuously. Open{' '}
            {disabled === 1 ? 'it' : 'each'} to see its deliveries and turn it back on once it answers.
          </p>
        ) : null}
        {error && !data ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : null}
        {!data && loading ? <Loading label="Loading endpoints…" /> : null}
        {endpoints?.length === 0 ? <p className="empty">No endpoints yet.</p> : null}
        {endpoints?.length ? (
          <ul className="webhook-list" aria-labelledby="webhooks-heading">
            {endpoints.map((endpoint) => (
              <WebhookEndpointItem key={endpoint.id} endpoint={endpoint} />
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
