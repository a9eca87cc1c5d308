// Signing in with email and password. A wrong pair is a userError (INVALID_CREDENTIALS,
// on no field); too many attempts are throttled by the server (RATE_LIMITED), which
// says for how long. Once signed in, the session restarts (session.ts).
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { hasErrorCode, retryAfterSeconds } from '../../common/errors.js';
import { networkError, type MutationError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { SignInInput } from '../../gql/graphql.js';
import { sessionStarted } from './session.js';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
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

/** A throttled attempt says when to try again, in whole minutes. */
function signInFailure(error: unknown): MutationError {
  if (!hasErrorCode(error, 'RATE_LIMITED')) return networkError(error);
  const seconds = retryAfterSeconds(error);
  const minutes = seconds === null ? null : Math.max(1, Math.ceil(seconds / 60));
  return {
    field: null,
    code: 'RATE_LIMITED',
    message:
      minutes === null
        ? 'Too many attempts, try again in a few minutes.'
        : `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  };
}

export function useSignIn() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(SignInMutation);

  const signIn = useCallback(
    async (input: SignInInput): Promise<MutationOutcome> => {
      try {
        const result = await mutate({ variables: { input } });
        if (result.error) return { ok: false, errors: [signInFailure(result.error)] };
        return await sessionStarted(client, result.data?.signIn);
      } catch (error) {
        return { ok: false, errors: [signInFailure(error)] };
      }
    },
    [client, mutate],
  );

  return [signIn, state] as const;
}
