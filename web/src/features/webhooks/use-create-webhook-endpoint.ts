// Registering a webhook endpoint: the server answers its signing secret this once,
// returned here to be shown once; the endpoint joins the cached list at its end (the
// list is oldest first).
import type { Reference } from '@apollo/client/cache';
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { CreateWebhookEndpointInput } from '../../gql/graphql.js';

const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        url
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

export function useCreateWebhookEndpoint() {
  const [mutate, state] = useMutation(CreateWebhookEndpointMutation);

  const createWebhookEndpoint = useCallback(
    async (input: CreateWebhookEndpointInput): Promise<MutationOutcome<{ id: string; url: string; secret: string }>> => {
      try {
        const result = await mutate({
          variables: { input },
          update(cache, { data }) {
            const created = data?.createWebhookEndpoint.endpoint;
            const ref = created ? cache.identify(created) : undefined;
            if (!ref) return;
            cache.modify({
              id: 'ROOT_QUERY',
              fields: {
                webhookEndpoints: (existing: readonly Reference[] = []) =>
                  existing.some((endpoint) => endpoint.__ref === ref) ? existing : [...existing, { __ref: ref }],
              },
            });
          },
        });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.createWebhookEndpoint;
        if (!payload?.endpoint || !payload.secret || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: { id: payload.endpoint.id, url: payload.endpoint.url, secret: payload.secret } };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [createWebhookEndpoint, state] as const;
}
