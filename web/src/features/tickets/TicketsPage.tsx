// The tickets list: filtered, searched and sorted from the URL (including whose
// tickets: "My tickets", "Unassigned"; a saved view is such a URL, and names the
// page), a page at a time ("Load more"), each row changeable in place, and rows
// selected for one change of them all (the bulk bar).
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage, Loading } from '../../common/ErrorMessage.js';
import { graphql } from '../../gql/index.js';
import { TICKETS_PAGE_SIZE_DEFAULT } from '../../gql/limits.js';
import { SaveViewDialog } from '../views/SaveViewDialog.js';
import { useActiveSavedView } from '../views/use-saved-views.js';
import { TicketFilters } from './TicketFilters.js';
import { TicketSortControl } from './TicketSortControl.js';
import { BulkActionBar } from './BulkActionBar.js';
import { TicketRow } from './TicketRow.js';
import { emptySelection, pageCheckState, selectionReducer } from './ticket-selection.js';
import {
  hasFilters,
  isFiltered,
  readTicketsView,
  sameFilters,
  soleAssignee,
  toTicketFilter,
  withoutFilters,
  writeTicketsView,
  type TicketsView,
} from './tickets-url.js';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { useFocusFirstNewRow } from './use-focus-first-new-row.js';
import { NewTicketsBar } from '../live/NewTicketsBar.js';
import { useLiveTickets } from '../live/use-live-tickets.js';

// One page of the list: the server's default size.
const PAGE_SIZE = TICKETS_PAGE_SIZE_DEFAULT;

const TicketsPageQuery = graphql(`
  query TicketsPage($filter: TicketFilter, $search: String, $first: Int, $after: String, $orderBy: TicketOrder) {
    tickets(filter: $filter, search: $search, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      totalCountIsExact
      edges {
        cursor
        node {
          id
          title
          ...TicketRow_ticket
          ...TicketRowExcerpt_ticket
          ...TicketListOrder_ticket
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

// The people the bulk bar can assign to; they change rarely, so the cache's copy serves.
const TicketsPageUsersQuery = graphql(`
  query TicketsPageUsers {
    assignableUsers {
      id
      displayName
    }
  }
`);

const VIEW_TITLES = { me: 'My tickets', none: 'Unassigned tickets' } as const;

export function TicketsPage() {
  const [params, setParams] = useSearchParams();
  const urlView = useMemo(() => readTicketsView(params), [params]);
  const savedView = useActiveSavedView();
  const whose = soleAssignee(urlView.assignee);
  const title = savedView?.name ?? (whose ? VIEW_TITLES[whose] : 'Tickets');
  useDocumentTitle(title);
  // React Router applies a URL change in a transition, a moment later: until then the
  // view the agent just asked for is shown (a ticked box stays ticked), and once the
  // URL moves, by that change or by the back button, the URL is the truth again.
  const [requested, setRequested] = useState<{ from: URLSearchParams; view: TicketsView } | null>(null);
  const view = requested?.from === params ? requested.view : urlView;
  const filter = toTicketFilter(view);
  const search = view.search.trim() || null;

  const { data, error, loading, networkStatus, fetchMore, refetch } = useQuery(TicketsPageQuery, {
    variables: { filter, search, first: PAGE_SIZE, orderBy: view.sort },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });

  const users = useQuery(TicketsPageUsersQuery, { fetchPolicy: 'cache-first' }).data?.assignableUsers ?? [];
  const [selection, select] = useReducer(selectionReducer, emptySelection);

  // Each filter change is a step Back undoes; typing a search is one step, however
  // many keystrokes (each one after the first replaces the entry the first made).
  const typingSearch = useRef(false);
  const setView = (next: TicketsView) => {
    const searchOnly = next.search !== view.search && sameFilters(next, view);
    const replace = searchOnly && typingSearch.current;
    typingSearch.current = searchOnly;
    setRequested({ from: params, view: next });
    setParams(writeTicketsView(next), { replace });
  };
  const tickets = data?.tickets;
  // Large searches are counted approximately by the server.
  const total = tickets ? `${tickets.totalCountIsExact ? '' : 'about '}${tickets.totalCount.toLocaleString('en')}` : '';
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const rows = tickets?.edges.map((edge) => edge.node) ?? [];
  const rowIds = rows.map((row) => row.id);
  // Only rows on screen count: another filter's rows are not changed by accident.
  const selected = rows.filter((row) => selection.selected.includes(row.id));
  const selectedIds = new Set(selected.map((row) => row.id));
  const pageCheck = pageCheckState(selection, rowIds);
  // One function for every row, the same while the rows are (so rows need not render
  // again for it); the rows it ranges over passed as their ids joined.
  const shownIds = rowIds.join(' ');
  const onSelectRow = useCallback(
    (id: string, shift: boolean) => select({ type: 'click', id, shift, rows: shownIds.split(' ') }),
    [shownIds],
  );
  const list = useRef<HTMLUListElement>(null);
  const focusFirstNewRow = useFocusFirstNewRow(list, rows.length);
  const live = useLiveTickets({ listed: rowIds, filter, search });

  return (
    <div className="page">
      <header className="page__header">
        <h1>{title}</h1>
        {/* In the header row, beside New ticket: no height taken from the list on a desktop. */}
        <div className="list-tools">
          <TicketSortControl sort={view.sort} onChange={(sort) => setView({ ...view, sort })} />
          <SaveViewDialog view={view} />
        </div>
        <Link className="button button--primary" to="/tickets/new">
          New ticket
        </Link>
      </header>
      <TicketFilters view={view} onChange={setView} />
      <section className="tickets" aria-label="Ticket list" aria-busy={loading}>
        {tickets ? (
          <p className="tickets__count" role="status" aria-live="polite">
            {tickets.totalCount === 0
              ? 'No tickets'
              : `Showing ${tickets.edges.length} of ${total} ${tickets.totalCount === 1 ? 'ticket' : 'tickets'}`}
            {loading && !loadingMore ? ' · refreshing…' : ''}
          </p>
        ) : null}
        {error && !tickets ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : null}
        {error && tickets ? <ErrorMessage error={error} title="Showing what was loaded before" /> : null}
        {!tickets && loading ? <Loading label="Loading tickets…" /> : null}
        {tickets && tickets.totalCount === 0 ? (
          <div className="empty">
            {isFiltered(view) ? (
              <>
                <p>{emptyText(view)}</p>
                <button type="button" className="button" onClick={() => setView(withoutFilters(view))}>
                  Clear filters and search
                </button>
              </>
            ) : view.assignee ? (
              <p>No tickets in this view.</p>
            ) : (
              <>
                <p>No tickets yet.</p>
                <Link className="button button--primary" to="/tickets/new">
                  Create the first ticket
                </Link>
              </>
            )}
          </div>
        ) : null}
        <NewTicketsBar count={live.newCount} onShow={() => refetch().then(live.shown)} />
        {tickets && tickets.edges.length > 0 ? (
          <>
            <div className="ticket-list__head">
              <label className="check">
                <input
                  type="checkbox"
                  checked={pageCheck === 'all'}
                  ref={(box) => {
                    if (box) box.indeterminate = pageCheck === 'some';
                  }}
                  onChange={() => select({ type: 'toggle-page', rows: rowIds })}
                />
                Select all on this page
              </label>
            </div>
            <BulkActionBar selected={selected} users={users} onClear={() => select({ type: 'clear' })} onRefused={() => void refetch()} />
            <ul className="ticket-list" ref={list}>
              {tickets.edges.map((edge) => (
                <TicketRow
                  key={edge.node.id}
                  ticket={edge.node}
                  search={search}
                  selected={selectedIds.has(edge.node.id)}
                  onSelect={onSelectRow}
                />
              ))}
            </ul>
          </>
        ) : null}
        {tickets?.pageInfo.hasNextPage ? (
          <button
            type="button"
            className="button button--wide"
            disabled={loadingMore}
            onClick={() => {
              focusFirstNewRow(rows.length);
              void fetchMore({ variables: { after: tickets.pageInfo.endCursor } });
            }}
          >
            {loadingMore
              ? 'Loading…'
              : tickets.totalCountIsExact
                ? `Load more (${tickets.totalCount - tickets.edges.length} more)`
                : 'Load more'}
          </button>
        ) : null}
      </section>
    </div>
  );
}

function emptyText(view: TicketsView): string {
  const search = view.search.trim();
  if (search === '') return 'No ticket matches these filters.';
  return hasFilters(view) ? `No ticket matches “${search}” with these filters.` : `No ticket matches “${search}”.`;
}
