// Changing one's own password, given the current one. The server signs out the
// user's other sessions; this one stays. Refusals name their field: WRONG_PASSWORD on
// `currentPassword`, TOO_SHORT and TOO_COMMON on `newPassword`.
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { ChangePasswordInput } from '../../gql/graphql.js';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      user {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function useChangePassword() {
  const [mutate, state] = useMutation(ChangePasswordMutation);

  const changePassword = useCallback(
    async (input: ChangePasswordInput): Promise<MutationOutcome> => {
      try {
        const result = await mutate({ variables: { input } });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.changePassword;
        if (!payload?.user || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [changePassword, state] as const;
}
