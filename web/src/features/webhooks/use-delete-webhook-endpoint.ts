// Deleting a webhook endpoint with its delivery log: it leaves the cached list, and
// the cache forgets it and its deliveries.
import type { Reference } from '@apollo/client/cache';
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';

const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      deletedId
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function useDeleteWebhookEndpoint() {
  const [mutate, state] = useMutation(DeleteWebhookEndpointMutation);

  const deleteWebhookEndpoint = useCallback(
    async (id: string): Promise<MutationOutcome> => {
      try {
        const result = await mutate({
          variables: { id },
          update(cache, { data }) {
            const deletedId = data?.deleteWebhookEndpoint.deletedId;
            if (!deletedId) return;
            const ref = cache.identify({ __typename: 'WebhookEndpoint', id: deletedId });
            cache.modify({
              id: 'ROOT_QUERY',
              fields: {
                webhookEndpoints: (existing: readonly Reference[] = []) => existing.filter((endpoint) => endpoint.__ref !== ref),
                // Its log, whichever page was read.
                webhookDeliveries: (existing, { storeFieldName, DELETE }) =>
                  storeFieldName.includes(`"endpointId":"${deletedId}"`) ? DELETE : existing,
              },
            });
            cache.evict({ id: ref });
            cache.gc();
          },
        });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.deleteWebhookEndpoint;
        if (!payload?.deletedId || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [deleteWebhookEndpoint, state] as const;
}
