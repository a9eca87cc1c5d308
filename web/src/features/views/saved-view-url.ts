// A saved view as the tickets list shows it: its address (the list URL of
// tickets-url.ts, so opening a view is following a link, and Back and reload work as
// for any filter), whether the list is showing it now, what to save for the view on
// screen, and a line that says what a view shows.
import type { CreateSavedViewInput, SavedViewsQuery } from '../../gql/graphql.js';
import { formatDateTime } from '../../common/format.js';
import { CATEGORY_LABEL, CONFIDENCE_BAND_LABEL, PRIORITY_LABEL, STATUS_LABEL, SUGGESTION_OUTCOME_LABEL } from '../tickets/ticket-enums.js';
import { SORT_LABEL } from '../tickets/ticket-sort.js';
import {
  EMPTY_VIEW,
  readTicketsView,
  ticketsHref,
  toTicketFilter,
  writeTicketsView,
  type AssigneeView,
  type TicketsView,
} from '../tickets/tickets-url.js';

type SavedView = SavedViewsQuery['savedViews'][number];

/** The tickets list's path: the one screen that shows a view. */
export const TICKETS_PATH = '/tickets';
type SavedAssignee = NonNullable<SavedView['filter']['assignee']>;

/**
 * Whose tickets, as the list's URL can say it: the caller's, nobody's or one
 * person's. A view saved through the API with several at once opens with the first
 * (the caller's, then nobody's, then the first id).
 */
function assigneeView(assignee: SavedAssignee | null): AssigneeView | null {
  if (!assignee) return null;
  if (assignee.me) return 'me';
  if (assignee.none) return 'none';
  const [first] = assignee.userIds;
  return first === undefined ? null : { userId: first };
}

/** The tickets view a saved view shows, as the list reads it from its URL (each filter's values in the list's order). */
export function savedTicketsView(saved: SavedView): TicketsView {
  const { filter } = saved;
  const view: TicketsView = {
    ...EMPTY_VIEW,
    categories: filter.categories ?? [],
    priorities: filter.priorities ?? [],
    statuses: filter.statuses ?? [],
    suggestedCategories: filter.suggestedCategories ?? [],
    suggestedPriorities: filter.suggestedPriorities ?? [],
    suggestionOutcomes: filter.suggestionOutcomes ?? [],
    filedCategories: filter.filedCategories ?? [],
    filedPriorities: filter.filedPriorities ?? [],
    suggestionConfidenceBands: filter.suggestionConfidenceBands ?? [],
    since: filter.createdAfter ?? '',
    assignee: assigneeView(filter.assignee),
    search: saved.search ?? '',
    sort: saved.orderBy,
  };
  return readTicketsView(writeTicketsView(view));
}

/** Where a saved view opens: the tickets list with its filters, search and order. */
export function savedViewHref(saved: SavedView): string {
  return ticketsHref(savedTicketsView(saved));
}

/** Whether the page at `pathname` + `search` is the tickets list showing `saved`, however its URL lists the parameters. */
export function isShowing(saved: SavedView, pathname: string, search: string): boolean {
  if (pathname !== TICKETS_PATH) return false;
  const shown = writeTicketsView(readTicketsView(new URLSearchParams(search)));
  return shown.toString() === writeTicketsView(savedTicketsView(saved)).toString();
}

/** What saving `view` stores: the list's own arguments. */
export function savedViewInput(name: string, view: TicketsView): CreateSavedViewInput {
  return { name, filter: toTicketFilter(view), search: view.search.trim() || null, orderBy: view.sort };
}

const ASSIGNEE_LABEL: Record<'me' | 'none', string> = { me: 'Assigned to me', none: 'Unassigned' };

function listed<T extends string>(title: string, values: readonly T[], labels: Record<T, string>): string[] {
  return values.length ? [`${title}: ${values.map((v) => labels[v]).join(', ')}`] : [];
}

/** One line saying what a view shows: whose tickets, the filters, the search and the order. */
export function describeTicketsView(view: TicketsView): string {
  const whose = view.assignee
    ? [typeof view.assignee === 'string' ? ASSIGNEE_LABEL[view.assignee] : `Assigned to user ${view.assignee.userId}`]
    : [];
  const parts = [
    ...whose,
    ...listed('Status', view.statuses, STATUS_LABEL),
    ...listed('Priority', view.priorities, PRIORITY_LABEL),
    ...listed('Category', view.categories, CATEGORY_LABEL),
    ...listed('Suggested category', view.suggestedCategories, CATEGORY_LABEL),
    ...listed('Suggested priority', view.suggestedPriorities, PRIORITY_LABEL),
    ...listed('Only', view.suggestionOutcomes, SUGGESTION_OUTCOME_LABEL),
    ...listed('Filed (when suggested) as', view.filedCategories, CATEGORY_LABEL),
    ...listed('Filed (when suggested) with priority', view.filedPriorities, PRIORITY_LABEL),
    ...listed('Suggestion', view.suggestionConfidenceBands, CONFIDENCE_BAND_LABEL),
    ...(view.since ? [`Created since ${formatDateTime(view.since)}`] : []),
    ...(view.search.trim() ? [`Search: “${view.search.trim()}”`] : []),
  ];
  return [...(parts.length ? parts : ['All tickets']), `Sorted: ${SORT_LABEL[view.sort]}`].join(' · ');
}
