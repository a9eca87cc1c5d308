// Tickets by priority, category and status as bar charts, each with its numbers
// listed for screen readers and exact reading.
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql } from '../../gql/index.js';
import type { BreakdownCharts_StatsFragment } from '../../gql/graphql.js';
import { CATEGORY_LABEL, PRIORITY_LABEL, STATUS_LABEL } from '../tickets/ticket-enums.js';

// The fields this component reads, which type its prop (BreakdownCharts_StatsFragment). Only codegen
// reads this call: the dashboard spreads the fragment unmasked, as statistics have no id.
graphql(`
  fragment BreakdownCharts_stats on TicketStats {
    priorityBreakdown {
      priority
      count
    }
    categoryBreakdown {
      category
      count
    }
    statusBreakdown {
      status
      count
    }
  }
`);

interface Bar {
  key: string;
  label: string;
  count: number;
}

const COLORS: Record<string, string> = {
  LOW: '#7a8ca3',
  MEDIUM: '#2f6fdb',
  HIGH: '#e08a00',
  CRITICAL: '#c62f2f',
  ACCOUNT: '#6c4fd1',
  BILLING: '#1f8a5b',
  GENERAL: '#7a8ca3',
  TECHNICAL: '#2f6fdb',
  OPEN: '#2f6fdb',
  IN_PROGRESS: '#e08a00',
  RESOLVED: '#1f8a5b',
  CLOSED: '#7a8ca3',
};

function BreakdownChart({ title, bars, kind }: { title: string; bars: Bar[]; kind: string }) {
  const headingId = `breakdown-${kind}`;
  return (
    <figure className="chart-card" aria-labelledby={headingId} data-chart={kind}>
      <figcaption id={headingId} className="chart-card__title">
        {title}
      </figcaption>
      <div className="chart-card__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tickLine={false} interval={0} fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Bar dataKey="count" name="Tickets" isAnimationActive={false}>
              {bars.map((bar) => (
                <Cell key={bar.key} fill={COLORS[bar.key] ?? '#2f6fdb'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="chart-card__values">
        {bars.map((bar) => (
          <li key={bar.key} data-key={bar.key}>
            <span className="swatch" style={{ background: COLORS[bar.key] }} aria-hidden="true" />
            {bar.label}: <strong>{bar.count}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function BreakdownCharts({ stats }: { stats: BreakdownCharts_StatsFragment }) {
  return (
    <div className="chart-grid">
      <BreakdownChart
        title="By priority"
        kind="priority"
        bars={stats.priorityBreakdown.map((b) => ({ key: b.priority, label: PRIORITY_LABEL[b.priority], count: b.count }))}
      />
      <BreakdownChart
        title="By category"
        kind="category"
        bars={stats.categoryBreakdown.map((b) => ({ key: b.category, label: CATEGORY_LABEL[b.category], count: b.count }))}
      />
      <BreakdownChart
        title="By status"
        kind="status"
        bars={stats.statusBreakdown.map((b) => ({ key: b.status, label: STATUS_LABEL[b.status], count: b.count }))}
      />
    </div>
  );
}
