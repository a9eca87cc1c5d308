// Whether triage works, over the last 30 days: suggestions accepted vs overridden per
// suggested category and priority, what agents chose instead (the override matrices),
// and acceptance per confidence band, so a team sees whether "sure" means right. Each
// count opens the list of exactly those tickets (the same filters the server counts by).
import { Link } from 'react-router';
import { formatPercent } from '../../common/format.js';
import { graphql } from '../../gql/index.js';
import type { TriageCard_StatsFragment } from '../../gql/graphql.js';
import { CATEGORY_LABEL, PRIORITY_LABEL } from '../tickets/ticket-enums.js';
import { ticketsHref, type TicketsView } from '../tickets/tickets-url.js';

// Only codegen reads this call: the dashboard spreads the fragment unmasked, as statistics have no id.
graphql(`
  fragment TriageCard_stats on TicketStats {
    triage(days: 30) {
      days
      since
      suggested
      accepted
      overridden
      acceptanceRate
      byCategory {
        category
        suggested
        accepted
        overridden
        acceptanceRate
      }
      byPriority {
        priority
        suggested
        accepted
        overridden
        acceptanceRate
      }
      categoryOverrides {
        suggested
        chosen
        count
      }
      priorityOverrides {
        suggested
        chosen
        count
      }
      byConfidence {
        from
        to
        suggested
        accepted
        acceptanceRate
      }
    }
  }
`);

/** A count that opens its tickets; zero opens nothing. */
function CountLink({ count, view, label }: { count: number; view: Partial<TicketsView>; label: string }) {
  if (count === 0) return <>0</>;
  return (
    <Link to={ticketsHref(view)} aria-label={`${count} ${label}`}>
      {count}
    </Link>
  );
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

export function TriageCard({ stats }: { stats: TriageCard_StatsFragment }) {
  const t = stats.triage;
  const since = t.since as string;
  return (
    <section className="chart-card triage-card" aria-labelledby="triage-title" data-chart="triage">
      <h2 id="triage-title" className="chart-card__title">
        Triage, last {t.days} days
      </h2>
      {t.suggested === 0 ? (
        <p className="chart-card__summary">No ticket was created with a suggestion in the last {t.days} days.</p>
      ) : (
        <>
          <p className="chart-card__summary">
            <strong>{formatPercent(t.acceptanceRate)}</strong> of {t.suggested} suggestions kept:{' '}
            <CountLink count={t.accepted} view={{ since, suggestionOutcomes: ['ACCEPTED'] }} label="tickets with the suggestion accepted" />{' '}
            accepted,{' '}
            <CountLink
              count={t.overridden}
              view={{ since, suggestionOutcomes: ['OVERRIDDEN'] }}
              label="tickets with the suggestion overridden"
            />{' '}
            overridden.
          </p>
          <table className="mini-table">
            <caption>Per suggested category</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Accepted</th>
                <th scope="col">Overridden</th>
                <th scope="col">Rate</th>
              </tr>
            </thead>
            <tbody>
              {t.byCategory
                .filter((c) => c.suggested > 0)
                .map((c) => (
                  <tr key={c.category}>
                    <th scope="row">{CATEGORY_LABEL[c.category]}</th>
                    <td>
                      <CountLink
                        count={c.accepted}
                        view={{ since, suggestedCategories: [c.category], categories: [c.category] }}
                        label={`tickets suggested ${CATEGORY_LABEL[c.category]} and filed so`}
                      />
                    </td>
                    <td>
                      <CountLink
                        count={c.overridden}
                        view={{ since, suggestedCategories: [c.category], suggestionOutcomes: ['CATEGORY_OVERRIDDEN'] }}
                        label={`tickets suggested ${CATEGORY_LABEL[c.category]} and filed elsewhere`}
                      />
                    </td>
                    <td>{formatPercent(c.acceptanceRate)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <table className="mini-table">
            <caption>Per suggested priority</caption>
            <thead>
              <tr>
                <th scope="col">Priority</th>
                <th scope="col">Accepted</th>
                <th scope="col">Overridden</th>
                <th scope="col">Rate</th>
              </tr>
            </thead>
            <tbody>
              {t.byPriority
                .filter((p) => p.suggested > 0)
                .map((p) => (
                  <tr key={p.priority}>
                    <th scope="row">{PRIORITY_LABEL[p.priority]}</th>
                    <td>
                      <CountLink
                        count={p.accepted}
                        view={{ since, suggestedPriorities: [p.priority], priorities: [p.priority] }}
                        label={`tickets suggested ${PRIORITY_LABEL[p.priority]} priority and kept`}
                      />
                    </td>
                    <td>
                      <CountLink
                        count={p.overridden}
                        view={{ since, suggestedPriorities: [p.priority], suggestionOutcomes: ['PRIORITY_OVERRIDDEN'] }}
                        label={`tickets suggested ${PRIORITY_LABEL[p.priority]} priority and changed`}
                      />
                    </td>
                    <td>{formatPercent(p.acceptanceRate)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {t.categoryOverrides.length + t.priorityOverrides.length > 0 ? (
            <table className="mini-table">
              <caption>Overrides: suggested → chosen</caption>
              <thead>
                <tr>
                  <th scope="col">Suggested</th>
                  <th scope="col">Chosen</th>
                  <th scope="col">Tickets</th>
                </tr>
              </thead>
              <tbody>
                {t.categoryOverrides.map((o) => (
                  <tr key={`c-${o.suggested}-${o.chosen}`}>
                    <th scope="row">{CATEGORY_LABEL[o.suggested]}</th>
                    <td>{CATEGORY_LABEL[o.chosen]}</td>
                    <td>
                      <CountLink
                        count={o.count}
                        view={{ since, suggestedCategories: [o.suggested], categories: [o.chosen] }}
                        label={`tickets suggested ${CATEGORY_LABEL[o.suggested]}, filed ${CATEGORY_LABEL[o.chosen]}`}
                      />
                    </td>
                  </tr>
                ))}
                {t.priorityOverrides.map((o) => (
                  <tr key={`p-${o.suggested}-${o.chosen}`}>
                    <th scope="row">{PRIORITY_LABEL[o.suggested]} priority</th>
                    <td>{PRIORITY_LABEL[o.chosen]} priority</td>
                    <td>
                      <CountLink
                        count={o.count}
                        view={{ since, suggestedPriorities: [o.suggested], priorities: [o.chosen] }}
                        label={`tickets suggested ${PRIORITY_LABEL[o.suggested]} priority, filed ${PRIORITY_LABEL[o.chosen]}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <table className="mini-table">
            <caption>Acceptance by confidence</caption>
            <thead>
              <tr>
                <th scope="col">Confidence</th>
                <th scope="col">Kept</th>
                <th scope="col">Rate</th>
              </tr>
            </thead>
            <tbody>
              {t.byConfidence.map((b) => (
                <tr key={b.from}>
                  <th scope="row">
                    {percent(b.from)}–{percent(b.to)}
                  </th>
                  <td>
                    {b.accepted} / {b.suggested}
                  </td>
                  <td>{formatPercent(b.acceptanceRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
