// Whether triage works, over the last 30 days: suggestions accepted vs overridden per
// suggested category and priority, what agents chose instead (the override matrices),
// and acceptance per confidence band, so a team sees whether "sure" means right. Each
// count opens the list of exactly those tickets (the same filters the server counts by).
import { Link } from 'react-router';
import { formatPercent } from '../../common/format.js';
import { graphql } from '../../gql/index.js';
import type { TriageCard_StatsFragment } from '../../gql/graphql.js';
import { CATEGORY_LABEL, CONFIDENCE_BAND_LABEL, PRIORITY_LABEL } from '../tickets/ticket-enums.js';
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
        band
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
          <AcceptanceTable
            caption="Per suggested category"
            heading="Category"
            rows={t.byCategory.map((c) => ({ ...c, key: c.category, name: CATEGORY_LABEL[c.category] }))}
            acceptedView={(c) => ({ since, suggestedCategories: [c.category], filedCategories: [c.category] })}
            acceptedLabel={(c) => `tickets suggested ${c.name} and filed so`}
            overriddenView={(c) => ({ since, suggestedCategories: [c.category], suggestionOutcomes: ['CATEGORY_OVERRIDDEN'] })}
            overriddenLabel={(c) => `tickets suggested ${c.name} and filed elsewhere`}
          />
          <AcceptanceTable
            caption="Per suggested priority"
            heading="Priority"
            rows={t.byPriority.map((p) => ({ ...p, key: p.priority, name: PRIORITY_LABEL[p.priority] }))}
            acceptedView={(p) => ({ since, suggestedPriorities: [p.priority], filedPriorities: [p.priority] })}
            acceptedLabel={(p) => `tickets suggested ${p.name} priority and kept`}
            overriddenView={(p) => ({ since, suggestedPriorities: [p.priority], suggestionOutcomes: ['PRIORITY_OVERRIDDEN'] })}
            overriddenLabel={(p) => `tickets suggested ${p.name} priority and changed`}
          />
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
                        view={{ since, suggestedCategories: [o.suggested], filedCategories: [o.chosen] }}
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
                        view={{ since, suggestedPriorities: [o.suggested], filedPriorities: [o.chosen] }}
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
                <tr key={b.band}>
                  <th scope="row">
                    {percent(b.from)}–{percent(b.to)}
                  </th>
                  <td>
                    <CountLink
                      count={b.accepted}
                      view={{ since, suggestionConfidenceBands: [b.band], suggestionOutcomes: ['ACCEPTED'] }}
                      label={`tickets with ${CONFIDENCE_BAND_LABEL[b.band]} and the suggestion kept`}
                    />{' '}
                    /{' '}
                    <CountLink
                      count={b.suggested}
                      view={{ since, suggestionConfidenceBands: [b.band] }}
                      label={`tickets with a suggestion of ${CONFIDENCE_BAND_LABEL[b.band]}`}
                    />
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

interface AcceptanceRow {
  key: string;
  name: string;
  suggested: number;
  accepted: number;
  overridden: number;
  acceptanceRate: number | null;
}

/** Accepted and overridden per suggested value (category or priority), each count a link to its tickets. */
function AcceptanceTable<R extends AcceptanceRow>({
  caption,
  heading,
  rows,
  acceptedView,
  acceptedLabel,
  overriddenView,
  overriddenLabel,
}: {
  caption: string;
  heading: string;
  rows: R[];
  acceptedView(row: R): Partial<TicketsView>;
  acceptedLabel(row: R): string;
  overriddenView(row: R): Partial<TicketsView>;
  overriddenLabel(row: R): string;
}) {
  return (
    <table className="mini-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Accepted</th>
          <th scope="col">Overridden</th>
          <th scope="col">Rate</th>
        </tr>
      </thead>
      <tbody>
        {rows
          .filter((row) => row.suggested > 0)
          .map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td>
                <CountLink count={row.accepted} view={acceptedView(row)} label={acceptedLabel(row)} />
              </td>
              <td>
                <CountLink count={row.overridden} view={overriddenView(row)} label={overriddenLabel(row)} />
              </td>
              <td>{formatPercent(row.acceptanceRate)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
