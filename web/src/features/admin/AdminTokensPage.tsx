// The administrators' API tokens at /admin/tokens: the tokens integrations use, with
// creating (the token shown once) and revoking. Revoked tokens are listed on request.
// Administrators only (RequireAdmin.tsx; the server checks too).
import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { ErrorMessage, Loading } from '../../common/ErrorMessage.js';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { graphql } from '../../gql/index.js';
import { ApiTokenRow } from './ApiTokenRow.js';
import { NewApiTokenForm } from './NewApiTokenForm.js';

const AdminTokensPageQuery = graphql(`
  query AdminTokensPage($includeRevoked: Boolean!) {
    apiTokens(includeRevoked: $includeRevoked) {
      id
      revokedAt
      ...ApiTokenRow_apiToken
    }
  }
`);

export function AdminTokensPage() {
  useDocumentTitle('API tokens');
  const toggleId = useId();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const { data, error, loading, refetch } = useQuery(AdminTokensPageQuery, {
    variables: { includeRevoked },
    fetchPolicy: 'cache-and-network',
  });
  // A token revoked here stays in the cached list of unrevoked ones until the next fetch.
  const tokens = data?.apiTokens.filter((token) => includeRevoked || token.revokedAt === null);

  return (
    <div className="page">
      <header className="page__header">
        <h1>API tokens</h1>
      </header>
      <p>Integrations call the API with a token instead of signing in. Each token acts for the administrator who created it.</p>
      <NewApiTokenForm />
      <section aria-labelledby="tokens-heading" className="admin-list">
        <h2 id="tokens-heading">Tokens</h2>
        <div className="check">
          <input id={toggleId} type="checkbox" checked={includeRevoked} onChange={(e) => setIncludeRevoked(e.target.checked)} />
          <label htmlFor={toggleId}>Show revoked tokens</label>
        </div>
        {error && !data ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : null}
        {!data && loading ? <Loading label="Loading tokens…" /> : null}
        {tokens?.length === 0 ? <p className="empty">No tokens yet.</p> : null}
        {tokens?.length ? (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Token</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <ApiTokenRow key={token.id} apiToken={token} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
