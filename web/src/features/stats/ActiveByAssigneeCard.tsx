// Who has what: the active tickets (open and in progress) per assignee, biggest first,
// the unassigned ones as their own row, each a link to that person's tickets.
import { Link } from 'react-router';
import { graphql } from '../../gql/index.js';
import type { ActiveByAssigneeCard_StatsFragment } from '../../gql/graphql.js';

// The fields this component reads, which type its prop. Only codegen reads this call:
// the dashboard spreads the fragment unmasked, as statistics have no id.
graphql(`
  fragment ActiveByAssigneeCard_stats on TicketStats {
    activeByAssignee {
      assignee {
        id
        displayName
      }
      count
    }
  }
`);

export function ActiveByAssigneeCard({ stats }: { stats: ActiveByAssigneeCard_StatsFragment }) {
  const rows = stats.activeByAssignee;
  return (
    <section className="chart-card" aria-labelledby="by-assignee-title" data-chart="by-assignee">
      <h2 id="by-assignee-title" className="chart-card__title">
        Active tickets per assignee
      </h2>
      {rows.length === 0 ? (
        <p className="chart-card__summary">No open or in-progress tickets.</p>
      ) : (
        <table className="mini-table">
          <caption className="visually-hidden">Open and in-progress tickets per assignee</caption>
          <thead>
            <tr>
              <th scope="col">Assignee</th>
              <th scope="col">Active</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.assignee?.id ?? 'none'}>
                <th scope="row">
                  <Link to={`/tickets?assignee=${row.assignee?.id ?? 'none'}&status=OPEN&status=IN_PROGRESS`}>
                    {row.assignee?.displayName ?? 'Unassigned'}
                  </Link>
                </th>
                <td>{row.count.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
