// Creating an API token: the server answers the token itself once, returned here to be
// shown once; the new token joins the cached lists at once (it is not revoked, so it
// belongs to both, with and without the revoked ones).
import type { Reference } from '@apollo/client/cache';
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { CreateApiTokenInput } from '../../gql/graphql.js';

const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        id
        name
        ...ApiTokenRow_apiToken
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function useCreateApiToken() {
  const [mutate, state] = useMutation(CreateApiTokenMutation);

  const createApiToken = useCallback(
    async (input: CreateApiTokenInput): Promise<MutationOutcome<{ name: string; token: string }>> => {
      try {
        const result = await mutate({
          variables: { input },
          update(cache, { data }) {
            const created = data?.createApiToken.apiToken;
            const ref = created ? cache.identify(created) : undefined;
            if (!ref) return;
            cache.modify({
              id: 'ROOT_QUERY',
              fields: {
                apiTokens: (existing: readonly Reference[] = []) =>
                  existing.some((token) => token.__ref === ref) ? existing : [{ __ref: ref }, ...existing],
              },
            });
          },
        });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.createApiToken;
        if (!payload?.apiToken || !payload.token || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: { name: payload.apiToken.name, token: payload.token } };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [createApiToken, state] as const;
}
