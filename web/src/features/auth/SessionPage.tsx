// The root of every screen: asks the server once who is signed in (and whether the
// first administrator is still to be created), and gives every screen the answer
// (session.ts). The answer stays in Apollo's cache as `me`: when any operation finds
// the session ended, `me` becomes null there (apollo/client.ts), and the screens
// behind sign-in (RequireSignIn.tsx) send the agent to sign in, with the way back.
import { useQuery } from '@apollo/client/react';
import { Outlet } from 'react-router';
import { ErrorMessage, Loading } from '../../common/ErrorMessage.js';
import { graphql } from '../../gql/index.js';
import { SessionContext } from './session.js';

const SessionPageQuery = graphql(`
  query SessionPage {
    me {
      id
      role
      ...UserMenu_user
    }
    authStatus {
      setupRequired
    }
  }
`);

export function SessionPage() {
  const { data, previousData, error, refetch } = useQuery(SessionPageQuery);
  // While a new session is being asked about (after signing in or out), the last
  // answer stays on screen rather than a blank page.
  const answer = data ?? previousData;
  if (answer) {
    return (
      <SessionContext value={{ user: answer.me, setupRequired: answer.authStatus.setupRequired }}>
        <Outlet />
      </SessionContext>
    );
  }
  return (
    <main id="main" className="page page--narrow">
      {error ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} title="Could not check who is signed in" />
      ) : (
        <Loading label="Checking who is signed in…" />
      )}
    </main>
  );
}
