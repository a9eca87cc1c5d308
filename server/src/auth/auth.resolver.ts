// GraphQL adapter of sign-in, sign-out, setup and invitations, and of who is signed
// in. Unpacks, calls one service function, shapes the answer; the cookies are set here
// because they are how this adapter hands a session to a browser.
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { httpReply, type GraphQLContext } from '../graphql/context.js';
import { toUserErrors } from '../graphql/user-error.type.js';
import { Access } from './access.decorator.js';
import { clearSessionCookies, setSessionCookies } from './access-control.js';
import { sessionActor } from './actor.js';
import { AUTH_PAYLOAD_ERRORS, AuthError } from './auth.errors.js';
import { digestSecret } from './secrets.js';
import { AcceptInvitationInput, CompleteSetupInput, SignInInput } from './auth.inputs.js';
import { AuthStatus, SignInPayload, SignOutPayload } from './auth-payload.type.js';
import { endSession } from './session.service.js';
import { acceptInvitation, completeSetup, getAuthStatus, type SignedIn } from './setup.service.js';
import { signIn } from './sign-in.service.js';
import { getUser } from './user.service.js';
import { toUser, User } from './user.type.js';

/** Runs `work`; expected refusals (field errors, wrong credentials, unknown ids) become `userErrors`. */
export async function asAuthPayload<T extends object>(
  work: () => Promise<T>,
  refused: { [K in keyof T]: T[K] | null },
): Promise<{ [K in keyof T]: T[K] | null } & { userErrors: ReturnType<typeof toUserErrors> }> {
  try {
    return { ...(await work()), userErrors: [] };
  } catch (error) {
    if (error instanceof AuthError && AUTH_PAYLOAD_ERRORS.has(error.code)) return { ...refused, userErrors: toUserErrors(error.issues) };
    throw error;
  }
}

function signedIn(ctx: GraphQLContext, result: SignedIn) {
  setSessionCookies(ctx.request, httpReply(ctx), result.session);
  // From here on this operation is the signed-in person's: their payload may show
  // what only they may see (their email), and later mutations run as them.
  ctx.actor = sessionActor(result.user.id, result.user.role, digestSecret(result.session.secret));
  return { user: toUser(result.user) };
}

@Resolver()
export class AuthResolver {
  @Access('public')
  @Query(() => User, { nullable: true, description: 'The person making the request: null when not signed in (or calling anonymously).' })
  async me(@Ctx() ctx: GraphQLContext): Promise<User | null> {
    if (ctx.actor.userId === null) return null;
    const row = await getUser(ctx.db, ctx.actor.userId);
    return row ? toUser(row) : null;
  }

  @Access('public')
  @Query(() => AuthStatus, { description: 'What the sign-in page needs to know before anyone signs in.' })
  authStatus(@Ctx() ctx: GraphQLContext): Promise<AuthStatus> {
    return getAuthStatus(ctx.db);
  }

  @Access('public')
  @Mutation(() => SignInPayload, {
    description:
      'Signs in with an email and password: starts a session (cookies `sessionid` and `csrftoken`). A wrong email or password is an INVALID_CREDENTIALS user error; repeated failures are RATE_LIMITED (HTTP 429 with Retry-After).',
  })
  signIn(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => SignInInput, { description: 'The credentials.' }) input: SignInInput,
  ): Promise<SignInPayload> {
    return asAuthPayload(
      async () => signedIn(ctx, await signIn(ctx.db, ctx.identity.settings, { ...input, clientAddress: ctx.clientKey })),
      { user: null },
    );
  }

  @Access('session')
  @Mutation(() => SignOutPayload, { description: 'Ends this session and clears its cookies.' })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<SignOutPayload> {
    if (ctx.actor.sessionHash !== null) await endSession(ctx.db, ctx.actor.sessionHash);
    ctx.identity.authenticator.forget();
    clearSessionCookies(ctx.request, httpReply(ctx));
    return { signedOut: true };
  }

  @Access('public')
  @Mutation(() => SignInPayload, {
    description: 'Creates the first admin through the setup link the server logged at start, and signs them in.',
  })
  completeSetup(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CompleteSetupInput, { description: 'The link’s token and the admin.' }) input: CompleteSetupInput,
  ): Promise<SignInPayload> {
    return asAuthPayload(async () => signedIn(ctx, await completeSetup(ctx.db, ctx.identity.settings, input)), { user: null });
  }

  @Access('public')
  @Mutation(() => SignInPayload, { description: 'An invited person sets their password through their one-time link, and is signed in.' })
  acceptInvitation(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => AcceptInvitationInput, { description: 'The link’s token and the password.' }) input: AcceptInvitationInput,
  ): Promise<SignInPayload> {
    return asAuthPayload(
      async () =>
        signedIn(ctx, await acceptInvitation(ctx.db, ctx.identity.settings, { ...input, displayName: input.displayName ?? undefined })),
      { user: null },
    );
  }
}
