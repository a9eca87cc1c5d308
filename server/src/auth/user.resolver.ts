// GraphQL adapter of people: admins list, create, invite and change users; everyone
// changes their own name and password; whoever reads tickets sees who can be assigned.
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { Access } from './access.decorator.js';
import { ChangePasswordInput, CreateUserInput, InviteUserInput, UpdateMeInput, UpdateUserInput } from './auth.inputs.js';
import { InviteUserPayload, UserPayload } from './auth-payload.type.js';
import { asAuthPayload } from './auth.resolver.js';
import { changePassword, createUser, inviteUser, listAssignableUsers, listUsers, updateMe, updateUser } from './user.service.js';
import { toUser, User } from './user.type.js';

/** The invitation page of the web app, on the origin the admin is using. */
function invitationUrl(ctx: GraphQLContext, secret: string): string {
  return `${ctx.request.protocol}://${ctx.request.host}/invitation?token=${encodeURIComponent(secret)}`;
}

/** Omitted and null both mean "unchanged" for these optional GraphQL fields. */
function given<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}

@Resolver()
export class UserResolver {
  @Access('admin')
  @Query(() => [User], { description: 'Everyone with an account, by name (at most 1,000). Admins only.' })
  async users(@Ctx() ctx: GraphQLContext): Promise<User[]> {
    return (await listUsers(ctx.db)).map(toUser);
  }

  // Agents pick assignees from it; `User` itself keeps email and state to the person and admins.
  @Access('tickets:read')
  @Query(() => [User], {
    description: 'The people a ticket can be assigned to: active users who can sign in, by name (at most 1,000).',
  })
  async assignableUsers(@Ctx() ctx: GraphQLContext): Promise<User[]> {
    return (await listAssignableUsers(ctx.db)).map(toUser);
  }

  @Access('admin')
  @Mutation(() => UserPayload, { description: 'Creates a user with a password the admin hands over. Admins only.' })
  createUser(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CreateUserInput, { description: 'The new user.' }) input: CreateUserInput,
  ): Promise<UserPayload> {
    return asAuthPayload(async () => ({ user: toUser(await createUser(ctx.db, input)) }), { user: null });
  }

  @Access('admin')
  @Mutation(() => InviteUserPayload, {
    description: 'Creates a user without a password and answers the one-time link with which they set one. Admins only.',
  })
  inviteUser(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => InviteUserInput, { description: 'The person to invite.' }) input: InviteUserInput,
  ): Promise<InviteUserPayload> {
    return asAuthPayload(
      async () => {
        const { user, invitationSecret } = await inviteUser(ctx.db, input);
        return { user: toUser(user), invitationUrl: invitationUrl(ctx, invitationSecret) };
      },
      { user: null, invitationUrl: null },
    );
  }

  @Access('admin')
  @Mutation(() => UserPayload, {
    description:
      'Changes a user’s name, role or active state. Deactivation ends their sessions and stops their tokens within a second. Admins only.',
  })
  updateUser(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The user to change.' }) id: string,
    @Arg('input', () => UpdateUserInput, { description: 'The changes.' }) input: UpdateUserInput,
  ): Promise<UserPayload> {
    return asAuthPayload(
      async () => {
        const user = await updateUser(ctx.db, id, {
          displayName: given(input.displayName),
          role: given(input.role),
          active: given(input.active),
        });
        ctx.identity.authenticator.forget();
        return { user: toUser(user) };
      },
      { user: null },
    );
  }

  @Access('session')
  @Mutation(() => UserPayload, { description: 'Changes one’s own profile. Signed-in sessions only (not API tokens).' })
  updateMe(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => UpdateMeInput, { description: 'The changes.' }) input: UpdateMeInput,
  ): Promise<UserPayload> {
    return asAuthPayload(async () => ({ user: toUser(await updateMe(ctx.db, ctx.actor, { displayName: given(input.displayName) })) }), {
      user: null,
    });
  }

  @Access('session')
  @Mutation(() => UserPayload, {
    description:
      'Changes one’s own password, proving the current one. Every other session of theirs ends. Signed-in sessions only (not API tokens).',
  })
  changePassword(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => ChangePasswordInput, { description: 'The current and the new password.' }) input: ChangePasswordInput,
  ): Promise<UserPayload> {
    return asAuthPayload(
      async () => {
        const user = await changePassword(ctx.db, ctx.actor, input);
        ctx.identity.authenticator.forget();
        return { user: toUser(user) };
      },
      { user: null },
    );
  }
}
