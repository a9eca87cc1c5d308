// Delivering an event again: the delivery is due now, with a fresh 24-hour retry
// window; the answer (status pending again) replaces the cached delivery in the log.
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';

const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      delivery {
        id
        ...WebhookDeliveryItem_delivery
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function useRedeliverWebhook() {
  const [mutate, state] = useMutation(RedeliverWebhookMutation);

  const redeliverWebhook = useCallback(
    async (deliveryId: string): Promise<MutationOutcome> => {
      try {
        const result = await mutate({ variables: { deliveryId } });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.redeliverWebhook;
        if (!payload?.delivery || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [redeliverWebhook, state] as const;
}
