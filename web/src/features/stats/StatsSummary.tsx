// The headline figures: how many tickets, how many still being worked, how many a day.
import { graphql } from '../../gql/index.js';
import type { StatsSummary_StatsFragment } from '../../gql/graphql.js';

// The fields this component reads, which type its prop (StatsSummary_StatsFragment). Only codegen
// reads this call: the dashboard spreads the fragment unmasked, as statistics have no id.
graphql(`
  fragment StatsSummary_stats on TicketStats {
    totalTickets
    openTickets
    avgTicketsPerDay
  }
`);

export function StatsSummary({ stats: data }: { stats: StatsSummary_StatsFragment }) {
  return (
    <dl className="kpis">
      <div className="kpi" data-kpi="total">
        <dt>Total tickets</dt>
        <dd>{data.totalTickets.toLocaleString('en')}</dd>
      </div>
      <div className="kpi" data-kpi="open">
        {/* Not the status chart's "Open": both active statuses together. */}
        <dt>Active (open + in progress)</dt>
        <dd>{data.openTickets.toLocaleString('en')}</dd>
      </div>
      <div className="kpi" data-kpi="per-day">
        <dt>Created per day, on average since the first ticket</dt>
        <dd>{data.avgTicketsPerDay.toLocaleString('en', { maximumFractionDigits: 2 })}</dd>
      </div>
    </dl>
  );
}
