// One API token in the administrators' list: its name, the prefix that recognises it
// (the rest is never shown again), what it may do, when it expires and was last used,
// and revoking it, which asks for confirmation first: whatever uses it stops working.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../../common/format.js';
import { refusalText } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import { API_TOKEN_SCOPES, SCOPE_LABEL } from './api-token-enums.js';
import { useRevokeApiToken } from './use-revoke-api-token.js';

export const ApiTokenRowFragment = graphql(`
  fragment ApiTokenRow_apiToken on ApiToken {
    id
    name
    prefix
    scopes
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
    owner {
      id
      displayName
    }
  }
`);

function hasPassed(iso: string): boolean {
  return Date.parse(iso) <= Date.now();
}

function When({ iso, never }: { iso: string | null; never: string }) {
  return iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : <>{never}</>;
}

export function ApiTokenRow({ apiToken }: { apiToken: FragmentType<typeof ApiTokenRowFragment> }) {
  const { data, complete } = useFragment({ fragment: ApiTokenRowFragment, from: apiToken });
  const [revokeApiToken, { loading }] = useRevokeApiToken();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // The question takes the focus when asked; answering "keep" gives it back.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (asked.current) revokeButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  if (!complete) return null;
  const tokenId = data.id;

  async function revoke() {
    setProblem(null);
    const outcome = await revokeApiToken(tokenId);
    setConfirming(false);
    if (!outcome.ok) setProblem(refusalText('Token', outcome.errors));
  }

  const scopes = API_TOKEN_SCOPES.filter((scope) => data.scopes.includes(scope));
  return (
    <tr data-token-id={data.id}>
      <th scope="row">
        {data.name}
        {problem ? (
          <p className="row-problem" role="alert">
            {problem}
          </p>
        ) : null}
      </th>
      <td>
        <code>{data.prefix}…</code>
      </td>
      <td>{scopes.map((scope) => SCOPE_LABEL[scope]).join(', ')}</td>
      <td>
        <When iso={data.expiresAt} never="Never" />
        {data.expiresAt && !data.revokedAt && hasPassed(data.expiresAt) ? <span className="badge badge--inactive">Expired</span> : null}
      </td>
      <td>
        <When iso={data.lastUsedAt} never="Never used" />
      </td>
      <td>
        <When iso={data.createdAt} never="" /> by {data.owner.displayName}
      </td>
      <td>
        {data.revokedAt ? (
          <span className="badge badge--inactive">
            Revoked <When iso={data.revokedAt} never="" />
          </span>
        ) : confirming ? (
          <div className="confirm" role="group" aria-label={`Revoke “${data.name}”?`}>
            <p>Revoke “{data.name}”? Anything using it stops working at once.</p>
            <button type="button" className="button button--danger" ref={confirmButton} onClick={() => void revoke()} disabled={loading}>
              {loading ? 'Revoking…' : 'Revoke token'}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="button"
            ref={revokeButton}
            aria-label={`Revoke ${data.name}`}
            onClick={() => setConfirming(true)}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
