// Whether the AI helps: the share of suggestions agents kept as they were.
import { formatPercent } from '../../common/format.js';
import { graphql } from '../../gql/index.js';
import type { SuggestionAcceptanceCard_StatsFragment } from '../../gql/graphql.js';
import { CATEGORY_LABEL } from '../tickets/ticket-enums.js';

// The fields this component reads, which type its prop (SuggestionAcceptanceCard_StatsFragment). Only codegen
// reads this call: the dashboard spreads the fragment unmasked, as statistics have no id.
graphql(`
  fragment SuggestionAcceptanceCard_stats on TicketStats {
    suggestionAcceptance {
      acceptanceRate
      accepted
      overridden
      suggested
      byCategory {
        category
        acceptanceRate
        accepted
        suggested
      }
    }
  }
`);

export function SuggestionAcceptanceCard({ stats }: { stats: SuggestionAcceptanceCard_StatsFragment }) {
  const s = stats.suggestionAcceptance;
  return (
    <section className="chart-card" aria-labelledby="acceptance-title" data-chart="acceptance">
      <h2 id="acceptance-title" className="chart-card__title">
        AI suggestion acceptance
      </h2>
      <p className="big-number" data-kpi="acceptance">
        {formatPercent(s.acceptanceRate)}
      </p>
      <p className="chart-card__summary">
        {s.suggested === 0
          ? 'No ticket has been created with a suggestion yet.'
          : `${s.accepted} of ${s.suggested} suggestions kept as suggested; ${s.overridden} changed by agents.`}
      </p>
      {s.suggested > 0 ? (
        <table className="mini-table">
          <caption className="visually-hidden">Acceptance by suggested category</caption>
          <thead>
            <tr>
              <th scope="col">Suggested category</th>
              <th scope="col">Kept</th>
              <th scope="col">Rate</th>
            </tr>
          </thead>
          <tbody>
            {s.byCategory.map((c) => (
              <tr key={c.category}>
                <th scope="row">{CATEGORY_LABEL[c.category]}</th>
                <td>
                  {c.accepted} / {c.suggested}
                </td>
                <td>{formatPercent(c.acceptanceRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
