// How many webhook endpoints the server turned off after failing, for the
// administrators' navigation: asked when an administrator's screen opens and every
// few minutes after (an endpoint is turned off by a delivery worker, not by anything
// the administrator does), and kept current by the webhook screens, which read the
// same cached list.
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { disabledCount } from './webhook-endpoint-state.js';

const DisabledWebhooksQuery = graphql(`
  query DisabledWebhooks {
    webhookEndpoints {
      id
      active
      disabledAt
      failingSince
    }
  }
`);

/** Failing for a day or more turns an endpoint off: checking every five minutes is soon enough. */
const POLL_MS = 5 * 60 * 1000;

export function useDisabledWebhooks(): number {
  const { data } = useQuery(DisabledWebhooksQuery, { fetchPolicy: 'cache-and-network', pollInterval: POLL_MS });
  return data ? disabledCount(data.webhookEndpoints) : 0;
}
