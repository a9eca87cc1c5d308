// Who is signed in, as the session page (SessionPage.tsx) asked the server once for
// every screen, and the one way a session starts or ends in the cache.
import type { ApolloClient } from '@apollo/client';
import { createContext, use } from 'react';
import type { MutationError, MutationOutcome } from '../../common/mutation-outcome.js';
import type { SessionPageQuery } from '../../gql/graphql.js';

export type SignedInUser = NonNullable<SessionPageQuery['me']>;

export interface Session {
  /** Null when nobody is signed in, or once the server said the session ended. */
  user: SignedInUser | null;
  /** True until the first administrator exists. */
  setupRequired: boolean;
}

export const SessionContext = createContext<Session>({ user: null, setupRequired: false });

export function useSession(): Session {
  return use(SessionContext);
}

/**
 * A session began or ended: everything cached for the previous one goes (another
 * person's data must never show), and the session page (SessionPage.tsx, by its
 * operation's name) asks again who is signed in. Only it: a screen being left, still
 * subscribed for a moment, must not fetch its data again.
 */
export async function restartSession(client: ApolloClient): Promise<void> {
  await client.clearStore();
  await client.refetchQueries({ include: ['SessionPage'] });
}

interface SignInPayload {
  user: { id: string } | null;
  userErrors: readonly MutationError[];
}

/** The answer of signIn, completeSetup or acceptInvitation: signed in, with the session restarted, or why not. */
export async function sessionStarted(client: ApolloClient, payload: SignInPayload | undefined): Promise<MutationOutcome> {
  if (!payload?.user || payload.userErrors.length > 0) return { ok: false, errors: [...(payload?.userErrors ?? [])] };
  await restartSession(client);
  return { ok: true, value: undefined };
}
