// Accepting an invitation: the invited person chooses a password (and may correct the
// name the administrator gave) and is signed in at once (the session restarts,
// session.ts). A link unknown, used or expired is a userError INVALID_LINK on `token`.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { AcceptInvitationInput } from '../../gql/graphql.js';
import { sessionStarted } from './session.js';

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
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

export function useAcceptInvitation() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(AcceptInvitationMutation);

  const acceptInvitation = useCallback(
    async (input: AcceptInvitationInput): Promise<MutationOutcome> => {
      try {
        const result = await mutate({ variables: { input } });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        return await sessionStarted(client, result.data?.acceptInvitation);
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [client, mutate],
  );

  return [acceptInvitation, state] as const;
}
