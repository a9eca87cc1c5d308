// An administrator changing a user's role, or deactivating and reactivating them: the
// change shows at once (optimistic) and is undone by Apollo when the server refuses
// it, such as leaving no active administrator (LAST_ADMIN). Changing one's own role
// changes what the app offers at once: the signed-in user is the same cached object.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { UpdateUserInput } from '../../gql/graphql.js';

// What the list of users has cached, so a change can be shown at once.
const UseUpdateUserFragment = graphql(`
  fragment UseUpdateUser_user on User {
    id
    displayName
    role
    active
  }
`);

const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      user {
        id
        ...UseUpdateUser_user @unmask
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function useUpdateUser() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(UpdateUserMutation);

  const updateUser = useCallback(
    async (id: string, input: UpdateUserInput): Promise<MutationOutcome> => {
      try {
        const result = await mutate({
          variables: { id, input },
          optimisticResponse: (_vars, { IGNORE }) => {
            const current = client.cache.readFragment({
              id: client.cache.identify({ __typename: 'User', id }),
              fragment: UseUpdateUserFragment,
            });
            if (!current) return IGNORE;
            return {
              __typename: 'Mutation' as const,
              updateUser: {
                __typename: 'UserPayload' as const,
                user: {
                  ...current,
                  displayName: input.displayName?.trim() ?? current.displayName,
                  role: input.role ?? current.role,
                  active: input.active ?? current.active,
                },
                userErrors: [],
              },
            };
          },
        });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.updateUser;
        if (!payload?.user || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [client, mutate],
  );

  return [updateUser, state] as const;
}
