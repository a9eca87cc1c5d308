// Saving the tickets list's view under a name: the new view joins the cached list at
// once (the navigation shows it), or the server's refusals come back naming their field.
import type { Reference } from '@apollo/client/cache';
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';
import type { CreateSavedViewInput } from '../../gql/graphql.js';
import type { SavedView } from './use-saved-views.js';

const CreateSavedViewMutation = graphql(`
  mutation CreateSavedView($input: CreateSavedViewInput!) {
    createSavedView(input: $input) {
      savedView {
        id
        ...SavedView_view @unmask
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function useCreateSavedView() {
  const [mutate, state] = useMutation(CreateSavedViewMutation);

  const createSavedView = useCallback(
    async (input: CreateSavedViewInput): Promise<MutationOutcome<SavedView>> => {
      try {
        const result = await mutate({
          variables: { input },
          update(cache, { data }) {
            const created = data?.createSavedView.savedView;
            const ref = created ? cache.identify(created) : undefined;
            if (!ref) return;
            cache.modify({
              id: 'ROOT_QUERY',
              fields: {
                // In the order they were saved, as the server lists them.
                savedViews: (existing: readonly Reference[] = []) =>
                  existing.some((view) => view.__ref === ref) ? existing : [...existing, { __ref: ref }],
              },
            });
          },
        });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.createSavedView;
        if (!payload?.savedView || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: payload.savedView };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [createSavedView, state] as const;
}
