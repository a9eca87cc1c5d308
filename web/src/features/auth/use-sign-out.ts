// Signing out: the server ends the session and clears its cookies; the app leaves for
// the sign-in screen and forgets everything it had cached.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { hasErrorCode } from '../../common/errors.js';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import { restartSession } from './session.js';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);

export function useSignOut() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [mutate, state] = useMutation(SignOutMutation);

  const signOut = useCallback(async (): Promise<MutationOutcome> => {
    try {
      const result = await mutate();
      // A session that already ended is as good as signed out.
      if (result.error && !hasErrorCode(result.error, 'UNAUTHENTICATED')) return { ok: false, errors: [networkError(result.error)] };
    } catch (error) {
      if (!hasErrorCode(error, 'UNAUTHENTICATED')) return { ok: false, errors: [networkError(error)] };
    }
    // Leave first, so the screen being left is gone before the cache is reset: it would
    // ask again for its data (only to be refused), and the screens behind sign-in would
    // send the agent to sign in with the way back to it.
    await navigate('/signin', { replace: true, flushSync: true });
    await restartSession(client);
    return { ok: true, value: undefined };
  }, [client, mutate, navigate]);

  return [signOut, state] as const;
}
