// Tickets created per day over the last 30 days (UTC days, zeros included).
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql } from '../../gql/index.js';
import type { TicketsPerDayChart_StatsFragment } from '../../gql/graphql.js';

// The fields this component reads, which type its prop (TicketsPerDayChart_StatsFragment). Only codegen
// reads this call: the dashboard spreads the fragment unmasked, as statistics have no id.
graphql(`
  fragment TicketsPerDayChart_stats on TicketStats {
    ticketsPerDay(days: 30) {
      day
      count
    }
  }
`);

const shortDay = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export function TicketsPerDayChart({ stats }: { stats: TicketsPerDayChart_StatsFragment }) {
  const points = stats.ticketsPerDay.map((d) => ({ ...d, label: shortDay.format(new Date(`${d.day}T00:00:00Z`)) }));
  const total = points.reduce((sum, p) => sum + p.count, 0);
  const busiest = points.reduce<(typeof points)[number] | null>((best, p) => (best === null || p.count > best.count ? p : best), null);
  return (
    <figure className="chart-card chart-card--wide" aria-labelledby="per-day-title" data-chart="per-day">
      <figcaption id="per-day-title" className="chart-card__title">
        Tickets per day, last 30 days
      </figcaption>
      <div className="chart-card__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={12} minTickGap={16} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Line type="linear" dataKey="count" name="Tickets" stroke="#2f6fdb" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="chart-card__summary">
        {total} {total === 1 ? 'ticket' : 'tickets'} in the last 30 days
        {busiest && busiest.count > 0 ? `; busiest day ${busiest.label} with ${busiest.count}` : ''}.
      </p>
    </figure>
  );
}
