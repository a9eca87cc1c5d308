// The signed-in person's saved views, for the navigation and the screens that show
// them; the server keeps them per person, so every browser they sign in to lists the
// same. One fragment is what every operation on a view selects, so a save, a rename
// or a delete keeps the cached list whole.
import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useLocation } from 'react-router';
import { graphql } from '../../gql/index.js';
import type { SavedViewsQuery } from '../../gql/graphql.js';
import { isShowing, TICKETS_PATH } from './saved-view-url.js';

// Spread (unmasked) by the list below and by each mutation's hook; the constant itself is never read.
const _SavedViewFragment = graphql(`
  fragment SavedView_view on SavedView {
    id
    name
    search
    orderBy
    filter {
      categories
      priorities
      statuses
      createdAfter
      createdBefore
      suggestedCategories
      suggestedPriorities
      suggestionOutcomes
      filedCategories
      filedPriorities
      suggestionConfidenceBands
      assignee {
        me
        none
        userIds
      }
    }
  }
`);

const SavedViewsDocument = graphql(`
  query SavedViews {
    savedViews {
      id
      ...SavedView_view @unmask
    }
  }
`);

export type SavedView = SavedViewsQuery['savedViews'][number];

/** The views, asked for once and then kept in the cache (saves, renames and deletes keep it whole); `skip`: not yet needed. */
export function useSavedViews({ skip = false }: { skip?: boolean } = {}) {
  const { data, loading, error, refetch } = useQuery(SavedViewsDocument, { fetchPolicy: 'cache-first', skip });
  return { views: data?.savedViews, loading, error, refetch };
}

/** The saved view the tickets list is showing now, if its address is one's; asked only on the tickets list, the one screen a view can be. */
export function useActiveSavedView(): SavedView | undefined {
  const { pathname, search } = useLocation();
  const { views } = useSavedViews({ skip: pathname !== TICKETS_PATH });
  return useMemo(() => views?.find((view) => isShowing(view, pathname, search)), [views, pathname, search]);
}
