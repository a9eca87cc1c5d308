// Tickets by priority, category and status as bar charts: every bar opens the list of
// its tickets (a click on the bar, or its link in the numbers under the chart, which
// is also what keyboards and screen readers use: the plot itself is hidden from them
// and adds no Tab stop). The active backlog gets charts of its own, since resolved and
// closed tickets, most of any history, would flatten it to a sliver.
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql/index.js';
import type { BreakdownCharts_StatsFragment, TicketStatus } from '../../gql/graphql.js';
import { ACTIVE_STATUSES, CATEGORY_LABEL, PRIORITY_LABEL, STATUS_LABEL } from '../tickets/ticket-enums.js';
import { ticketsHref, type TicketsView } from '../tickets/tickets-url.js';

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
  href: string;
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
  const navigate = useNavigate();
  const headingId = `breakdown-${kind}`;
  return (
    <figure className="chart-card" aria-labelledby={headingId} data-chart={kind}>
      <figcaption id={headingId} className="chart-card__title">
        {title}
      </figcaption>
      <div className="chart-card__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={200}>
          {/* No accessibility layer: it would make the hidden plot a Tab stop; the links below stand for it. */}
          <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tickLine={false} interval={0} fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Bar
              dataKey="count"
              name="Tickets"
              isAnimationActive={false}
              cursor="pointer"
              onClick={(entry: { payload?: Bar }) => {
                if (entry.payload) void navigate(entry.payload.href);
              }}
            >
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
            <Link to={bar.href}>
              <span className="swatch" style={{ background: COLORS[bar.key] }} aria-hidden="true" />
              {bar.label}: <strong>{bar.count}</strong>
            </Link>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** The charts of `stats`, whose tickets are those of the list `scope` (all, or the active ones). */
function breakdowns(stats: BreakdownCharts_StatsFragment, scope: Partial<TicketsView>) {
  return {
    priority: stats.priorityBreakdown.map((b) => ({
      key: b.priority,
      label: PRIORITY_LABEL[b.priority],
      count: b.count,
      href: ticketsHref({ ...scope, priorities: [b.priority] }),
    })),
    category: stats.categoryBreakdown.map((b) => ({
      key: b.category,
      label: CATEGORY_LABEL[b.category],
      count: b.count,
      href: ticketsHref({ ...scope, categories: [b.category] }),
    })),
  };
}

export function BreakdownCharts({ stats }: { stats: BreakdownCharts_StatsFragment }) {
  const all = breakdowns(stats, {});
  return (
    <div className="chart-grid">
      <BreakdownChart title="All tickets by priority" kind="priority" bars={all.priority} />
      <BreakdownChart title="All tickets by category" kind="category" bars={all.category} />
      <BreakdownChart
        title="All tickets by status"
        kind="status"
        bars={stats.statusBreakdown.map((b) => ({
          key: b.status,
          label: STATUS_LABEL[b.status],
          count: b.count,
          href: ticketsHref({ statuses: [b.status] }),
        }))}
      />
    </div>
  );
}

/** The active backlog (open + in progress): `stats` filtered to those statuses. */
export function ActiveBacklogCharts({ stats }: { stats: BreakdownCharts_StatsFragment }) {
  const active = breakdowns(stats, { statuses: [...ACTIVE_STATUSES] });
  const activeStatuses = new Set<TicketStatus>(ACTIVE_STATUSES);
  return (
    <section aria-labelledby="active-backlog-title" className="dashboard__section">
      <h2 id="active-backlog-title">Active backlog (open + in progress)</h2>
      <div className="chart-grid">
        <BreakdownChart title="Active by priority" kind="active-priority" bars={active.priority} />
        <BreakdownChart title="Active by category" kind="active-category" bars={active.category} />
        <BreakdownChart
          title="Active by status"
          kind="active-status"
          bars={stats.statusBreakdown
            .filter((b) => activeStatuses.has(b.status))
            .map((b) => ({ key: b.status, label: STATUS_LABEL[b.status], count: b.count, href: ticketsHref({ statuses: [b.status] }) }))}
        />
      </div>
    </section>
  );
}
