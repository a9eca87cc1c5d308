// Renaming one of one's saved views; the cache holds the view once, so the navigation
// and every list of views show the new name as soon as the server has saved it.
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';

const RenameSavedViewMutation = graphql(`
  mutation RenameSavedView($id: ID!, $name: String!) {
    updateSavedView(id: $id, input: { name: $name }) {
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

export function useRenameSavedView() {
  const [mutate, state] = useMutation(RenameSavedViewMutation);

  const renameSavedView = useCallback(
    async (id: string, name: string): Promise<MutationOutcome> => {
      try {
        const result = await mutate({ variables: { id, name } });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.updateSavedView;
        if (!payload?.savedView || payload.userErrors.length > 0) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [renameSavedView, state] as const;
}
