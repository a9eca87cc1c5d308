// Creating the first administrator with the one-time link from the server's log; the
// new administrator is signed in at once (the session restarts, session.ts). A link
// unknown, used or expired is a userError INVALID_LINK on `token`.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { CompleteSetupInput } from '../../gql/graphql.js';
import { sessionStarted } from './session.js';

const CompleteSetupMutation = graphql(`
  mutation CompleteSetup($input: CompleteSetupInput!) {
    completeSetup(input: $input) {
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

export function useCompleteSetup() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(CompleteSetupMutation);

  const completeSetup = useCallback(
    async (input: CompleteSetupInput): Promise<MutationOutcome> => {
      try {
        const result = await mutate({ variables: { input } });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        return await sessionStarted(client, result.data?.completeSetup);
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [client, mutate],
  );

  return [completeSetup, state] as const;
}
