// Changing a webhook endpoint: its URL, its events, or turning it off and back on
// (which also clears a disabling after failures). The answer is the endpoint as
// saved, which the cached one takes: the list, its page and the navigation's badge
// follow.
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { UpdateWebhookEndpointInput } from '../../gql/graphql.js';

const UpdateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(id: $id, input: $input) {
      endpoint {
        id
        ...WebhookEndpointItem_endpoint
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function useUpdateWebhookEndpoint() {
  const [mutate, state] = useMutation(UpdateWebhookEndpointMutation);

  const updateWebhookEndpoint = useCallback(
    async (id: string, input: UpdateWebhookEndpointInput): Promise<MutationOutcome> => {
      try {
        const result = await mutate({ variables: { id, input } });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.updateWebhookEndpoint;
        if (!payload?.endpoint || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [updateWebhookEndpoint, state] as const;
}
