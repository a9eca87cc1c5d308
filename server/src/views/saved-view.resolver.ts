// GraphQL adapter of saved views: the caller's own views, listed, saved, changed and
// deleted. A token acts for its user: it sees and changes that person's views.
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access } from '../auth/access.decorator.js';
import type { GraphQLContext } from '../graphql/context.js';
import { toUserErrors } from '../graphql/user-error.type.js';
import { SavedViewError } from './saved-view.errors.js';
import { CreateSavedViewInput, UpdateSavedViewInput } from './saved-view.inputs.js';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from './saved-view.service.js';
import { DeleteSavedViewPayload, SavedView, SavedViewPayload, toSavedView } from './saved-view.type.js';
import { SAVED_VIEWS_MAX } from './saved-view.validation.js';

/** The payload, or the refusal as userErrors. */
async function asPayload<T extends object>(
  work: () => Promise<T>,
  refused: { [K in keyof T]: null },
): Promise<{ [K in keyof T]: T[K] | null } & { userErrors: ReturnType<typeof toUserErrors> }> {
  try {
    return { ...(await work()), userErrors: [] };
  } catch (error) {
    if (error instanceof SavedViewError) return { ...refused, userErrors: toUserErrors(error.issues) };
    throw error;
  }
}

const PERSON_ONLY = 'A caller who is no user (ANONYMOUS_ACCESS) is UNAUTHENTICATED.';

@Resolver()
export class SavedViewResolver {
  @Access('tickets:read')
  @Query(() => [SavedView], {
    description: `The caller's saved views, in the order they were saved (at most ${SAVED_VIEWS_MAX}); an API token sees its user's. ${PERSON_ONLY}`,
  })
  async savedViews(@Ctx() ctx: GraphQLContext): Promise<SavedView[]> {
    return (await listSavedViews(ctx.db, ctx.actor)).map(toSavedView);
  }

  @Access('tickets:write')
  @Mutation(() => SavedViewPayload, {
    description: `Saves a view of the tickets list for the caller (a token: for its user). ${PERSON_ONLY}`,
  })
  createSavedView(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CreateSavedViewInput, { description: 'Its name, filter, search and order.' }) input: CreateSavedViewInput,
  ): Promise<SavedViewPayload> {
    return asPayload(async () => ({ savedView: toSavedView(await createSavedView(ctx.db, ctx.actor, input)) }), { savedView: null });
  }

  @Access('tickets:write')
  @Mutation(() => SavedViewPayload, {
    description: `Renames one of the caller's views, or changes what it shows. Another person's view is NOT_FOUND, as one that does not exist. ${PERSON_ONLY}`,
  })
  updateSavedView(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The view.' }) id: string,
    @Arg('input', () => UpdateSavedViewInput, { description: 'What changes.' }) input: UpdateSavedViewInput,
  ): Promise<SavedViewPayload> {
    return asPayload(async () => ({ savedView: toSavedView(await updateSavedView(ctx.db, ctx.actor, id, input)) }), { savedView: null });
  }

  @Access('tickets:write')
  @Mutation(() => DeleteSavedViewPayload, {
    description: `Deletes one of the caller's views. Another person's view is NOT_FOUND, as one that does not exist. ${PERSON_ONLY}`,
  })
  deleteSavedView(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The view.' }) id: string,
  ): Promise<DeleteSavedViewPayload> {
    return asPayload(async () => ({ deletedId: String(await deleteSavedView(ctx.db, ctx.actor, id)) }), { deletedId: null });
  }
}
