// The dashboard: headline figures, breakdowns, tickets per day, how often agents keep
// the AI suggestion, how triage fares by category, priority and confidence, and who has
// how many active tickets. Fetched on every visit, and dropped from the cache by the
// ticket mutations, so it reflects tickets just created or changed.
//
// Statistics have no id, so the cache cannot hand them to components by reference
// (useFragment needs an identifiable object): the page unmasks each component's
// fragment and passes the data down, typed by that fragment.
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../common/ErrorMessage.js';
import { graphql } from '../../gql/index.js';
import { ActiveByAssigneeCard } from './ActiveByAssigneeCard.js';
import { ActiveBacklogCharts, BreakdownCharts } from './BreakdownCharts.js';
import { ACTIVE_STATUSES } from '../tickets/ticket-enums.js';
import { StatsSummary } from './StatsSummary.js';
import { SuggestionAcceptanceCard } from './SuggestionAcceptanceCard.js';
import { TicketsPerDayChart } from './TicketsPerDayChart.js';
import { TriageCard } from './TriageCard.js';
import { useDocumentTitle } from '../../common/use-document-title.js';
import { useLiveStats } from '../live/use-live-stats.js';

const DashboardPageQuery = graphql(`
  query DashboardPage($activeStatuses: [TicketStatus!]!) {
    stats {
      ...StatsSummary_stats @unmask
      ...BreakdownCharts_stats @unmask
      ...TicketsPerDayChart_stats @unmask
      ...SuggestionAcceptanceCard_stats @unmask
      ...ActiveByAssigneeCard_stats @unmask
      ...TriageCard_stats @unmask
    }
    active: stats(filter: { statuses: $activeStatuses }) {
      ...BreakdownCharts_stats @unmask
    }
  }
`);

export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const { data, error, loading, refetch } = useQuery(DashboardPageQuery, {
    variables: { activeStatuses: [...ACTIVE_STATUSES] },
    fetchPolicy: 'cache-and-network',
  });
  useLiveStats(refetch);
  return (
    <div className="page">
      <header className="page__header">
        <h1>Dashboard</h1>
        <button type="button" className="button" onClick={() => void refetch()} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      {error ? (
        <ErrorMessage
          error={error}
          onRetry={data ? undefined : () => void refetch()}
          title={data ? 'Could not refresh; showing earlier figures' : undefined}
        />
      ) : null}
      {!data && loading ? <Loading label="Loading statistics…" /> : null}
      {data ? (
        <div className="dashboard" aria-busy={loading}>
          <StatsSummary stats={data.stats} />
          {data.stats.totalTickets === 0 ? (
            <div className="empty">
              <p>No tickets yet, so there is nothing to chart.</p>
              <Link className="button button--primary" to="/tickets/new">
                Create the first ticket
              </Link>
            </div>
          ) : (
            <>
              <ActiveBacklogCharts stats={data.active} />
              <TicketsPerDayChart stats={data.stats} />
              <div className="chart-grid chart-grid--two">
                <SuggestionAcceptanceCard stats={data.stats} />
                <ActiveByAssigneeCard stats={data.stats} />
                <TriageCard stats={data.stats} />
              </div>
              <section aria-labelledby="all-tickets-title" className="dashboard__section">
                <h2 id="all-tickets-title">All tickets</h2>
                <BreakdownCharts stats={data.stats} />
              </section>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
