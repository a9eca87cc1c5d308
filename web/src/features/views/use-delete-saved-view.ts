// Deleting one of one's saved views: it leaves the cached list (and the navigation)
// once the server has deleted it. One already deleted elsewhere (another browser) is
// as good as deleted here: it leaves too, and that is no failure.
import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { networkError, type MutationOutcome } from '../../common/mutation-outcome.js';
import { graphql } from '../../gql/index.js';

const DeleteSavedViewMutation = graphql(`
  mutation DeleteSavedView($id: ID!) {
    deleteSavedView(id: $id) {
      deletedId
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export function useDeleteSavedView() {
  const [mutate, state] = useMutation(DeleteSavedViewMutation);

  const deleteSavedView = useCallback(
    async (id: string): Promise<MutationOutcome> => {
      const gone = (payload: { deletedId: string | null; userErrors: readonly { code: string }[] } | undefined) =>
        payload?.deletedId === id || (payload?.userErrors.length === 1 && payload.userErrors[0]!.code === 'NOT_FOUND');
      try {
        const result = await mutate({
          variables: { id },
          update(cache, { data }) {
            if (!gone(data?.deleteSavedView)) return;
            // Lists drop a reference to an evicted object when they are read.
            cache.evict({ id: cache.identify({ __typename: 'SavedView', id }) });
            cache.gc();
          },
        });
        if (result.error) return { ok: false, errors: [networkError(result.error)] };
        const payload = result.data?.deleteSavedView;
        if (!gone(payload)) return { ok: false, errors: payload?.userErrors ?? [] };
        return { ok: true, value: undefined };
      } catch (error) {
        return { ok: false, errors: [networkError(error)] };
      }
    },
    [mutate],
  );

  return [deleteSavedView, state] as const;
}
