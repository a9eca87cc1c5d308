// Creating a user with a password the administrator chooses and passes on; the new
// user joins the cached list at once. An email already in use is a userError TAKEN on
// `email`; a weak password TOO_SHORT or TOO_COMMON on `password`.
import type { Reference } from '@apollo/client/cache';
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { CreateUserInput } from '../../gql/graphql.js';

const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
        displayName
        ...UserRow_user
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Adds a user to the cached list of users, where it is not already. */
export function appendToUsers(existing: readonly Reference[], user: Reference): readonly Reference[] {
  return existing.some((ref) => ref.__ref === user.__ref) ? existing : [...existing, user];
}

export function useCreateUser() {
  const [mutate, state] = useMutation(CreateUserMutation);

  const createUser = useCallback(
    async (input: CreateUserInput): Promise<MutationOutcome<{ displayName: string }>> => {
      try {
        const result = await mutate({
          variables: { input },
          update(cache, { data }) {
            const ref = data?.createUser.user ? cache.identify(data.createUser.user) : undefined;
            if (!ref) return;
            cache.modify({
              id: 'ROOT_QUERY',
              fields: { users: (existing: readonly Reference[] = []) => appendToUsers(existing, { __ref: ref }) },
            });
          },
        });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.createUser;
        if (!payload?.user || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: { displayName: payload.user.displayName } };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [createUser, state] as const;
}
