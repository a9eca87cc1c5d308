// Inviting a user: the server creates them without a password and answers a one-time
// link (valid 7 days) for them to choose one, which is returned here to be shown once.
// The new user joins the cached list at once, as invitation pending.
import type { Reference } from '@apollo/client/cache';
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { InviteUserInput } from '../../gql/graphql.js';
import { appendToUsers } from './use-create-user.js';

const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      invitationUrl
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

export function useInviteUser() {
  const [mutate, state] = useMutation(InviteUserMutation);

  const inviteUser = useCallback(
    async (input: InviteUserInput): Promise<MutationOutcome<{ displayName: string; invitationUrl: string }>> => {
      try {
        const result = await mutate({
          variables: { input },
          update(cache, { data }) {
            const ref = data?.inviteUser.user ? cache.identify(data.inviteUser.user) : undefined;
            if (!ref) return;
            cache.modify({
              id: 'ROOT_QUERY',
              fields: { users: (existing: readonly Reference[] = []) => appendToUsers(existing, { __ref: ref }) },
            });
          },
        });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.inviteUser;
        if (!payload?.user || !payload.invitationUrl || payload.userErrors.length > 0)
          return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: { displayName: payload.user.displayName, invitationUrl: payload.invitationUrl } };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [inviteUser, state] as const;
}
