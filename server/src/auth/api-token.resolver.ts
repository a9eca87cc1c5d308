// GraphQL adapter of API tokens: admins list, create and revoke them.
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { Access } from './access.decorator.js';
import { CreateApiTokenInput } from './auth.inputs.js';
import { ApiTokenPayload, CreateApiTokenPayload } from './auth-payload.type.js';
import { asAuthPayload } from './auth.resolver.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token.service.js';
import { ApiToken, toApiToken } from './api-token.type.js';
import { toUser, User } from './user.type.js';

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Access('admin')
  @Query(() => [ApiToken], { description: 'API tokens, newest first (at most 1,000). Admins only.' })
  async apiTokens(
    @Ctx() ctx: GraphQLContext,
    @Arg('includeRevoked', () => Boolean, { defaultValue: false, description: 'Include revoked tokens.' }) includeRevoked: boolean,
  ): Promise<ApiToken[]> {
    return (await listApiTokens(ctx.db, includeRevoked)).map(toApiToken);
  }

  @Access('admin')
  @Mutation(() => CreateApiTokenPayload, {
    description: 'Creates a token acting for the admin creating it. The token is in this answer only: it is stored as a hash. Admins only.',
  })
  createApiToken(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CreateApiTokenInput, { description: 'The token’s name, scopes and expiry.' }) input: CreateApiTokenInput,
  ): Promise<CreateApiTokenPayload> {
    return asAuthPayload(
      async () => {
        const { apiToken, token } = await createApiToken(ctx.db, ctx.actor, input);
        return { apiToken: toApiToken(apiToken), token };
      },
      { apiToken: null, token: null },
    );
  }

  @Access('admin')
  @Mutation(() => ApiTokenPayload, { description: 'Revokes a token for good: it stops working within a second. Admins only.' })
  revokeApiToken(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The token to revoke.' }) id: string,
  ): Promise<ApiTokenPayload> {
    return asAuthPayload(
      async () => {
        const apiToken = toApiToken(await revokeApiToken(ctx.db, id));
        ctx.identity.authenticator.forget();
        return { apiToken };
      },
      { apiToken: null },
    );
  }

  @Authorized('admin')
  @FieldResolver(() => User, { description: 'The user it acts for (its creator). Admins only.' })
  async owner(@Root() token: ApiToken, @Ctx() ctx: GraphQLContext): Promise<User> {
    const row = await ctx.loaders.users.load(token.userId);
    return toUser(row!);
  }
}
