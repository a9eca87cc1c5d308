// A saved view as the tickets list shows it: its address (the list URL of
// tickets-url.ts, so opening a view is following a link, and Back and reload work as
// for any filter), whether the list is showing it now, what to save for the view on
// screen, and a line that says what a view shows.
import type { CreateSavedViewInput, SavedViewsQuery } from '../../gql/graphql.js';
import { formatDateTime } from '../../common/format.js';
import { CATEGORY_LABEL, CONFIDENCE_BAND_LABEL, PRIORITY_LABEL, STATUS_LABEL, SUGGESTION_OUTCOME_LABEL } from '../tickets/ticket-enums.js';
import { SORT_LABEL } from '../tickets/ticket-sort.js';
import {
  assigneeView,
  EMPTY_VIEW,
  readTicketsView,
  soleAssignee,
  ticketsHref,
  toTicketFilter,
  writeTicketsView,
  type AssigneeView,
  type TicketsView,
} from '../tickets/tickets-url.js';

type SavedView = SavedViewsQuery['savedViews'][number];

/** The tickets list's path: the one screen that shows a view. */
export const TICKETS_PATH = '/tickets';

/**
 * The tickets view a saved view shows, as the list reads it from its URL (each
 * filter's values in the list's order): everything a saved view can hold, whoever
 * saved it (several people, or a creation window closed on both sides, saved through
 * the API, included); saved-view-url.test.ts checks every field of the schema's
 * SavedViewFilter survives the trip.
 */
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
    before: filter.createdBefore ?? '',
    assignee: filter.assignee && assigneeView(filter.assignee),
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

/** Whose tickets, in words: "Assigned to me", "Unassigned", "Assigned to me, nobody or user 4". */
function whoseTickets(view: AssigneeView): string {
  const sole = soleAssignee(view);
  if (sole) return ASSIGNEE_LABEL[sole];
  const names = [...(view.me ? ['me'] : []), ...(view.none ? ['nobody'] : []), ...view.userIds.map((id) => `user ${id}`)];
  const last = names.pop()!;
  return `Assigned to ${names.length ? `${names.join(', ')} or ${last}` : last}`;
}

function listed<T extends string>(title: string, values: readonly T[], labels: Record<T, string>): string[] {
  return values.length ? [`${title}: ${values.map((v) => labels[v]).join(', ')}`] : [];
}

/** One line saying what a view shows: whose tickets, the filters, the search and the order. */
export function describeTicketsView(view: TicketsView): string {
  const whose = view.assignee ? [whoseTickets(view.assignee)] : [];
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
    ...(view.before ? [`Created before ${formatDateTime(view.before)}`] : []),
    ...(view.search.trim() ? [`Search: “${view.search.trim()}”`] : []),
  ];
  return [...(parts.length ? parts : ['All tickets']), `Sorted: ${SORT_LABEL[view.sort]}`].join(' · ');
}
