// Changing one's own display name; the header and every other screen showing it
// follow through the cache (the user is normalised by id).
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { UpdateMeInput } from '../../gql/graphql.js';

const UpdateMeMutation = graphql(`
  mutation UpdateMe($input: UpdateMeInput!) {
    updateMe(input: $input) {
      user {
        id
        displayName
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function useUpdateMe() {
  const [mutate, state] = useMutation(UpdateMeMutation);

  const updateMe = useCallback(
    async (input: UpdateMeInput): Promise<MutationOutcome> => {
      try {
        const result = await mutate({ variables: { input } });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.updateMe;
        if (!payload?.user || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [updateMe, state] as const;
}
