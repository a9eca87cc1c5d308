// Revoking an API token: it stops working at once. The answer carries its revocation
// time, which the cached token takes (the list hides revoked tokens unless asked).
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';

const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      apiToken {
        id
        revokedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function useRevokeApiToken() {
  const [mutate, state] = useMutation(RevokeApiTokenMutation);

  const revokeApiToken = useCallback(
    async (id: string): Promise<MutationOutcome> => {
      try {
        const result = await mutate({ variables: { id } });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.revokeApiToken;
        if (!payload?.apiToken || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [revokeApiToken, state] as const;
}
