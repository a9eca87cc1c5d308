// The dashboard's triage card: accepted vs overridden per category and priority, the
// overrides, acceptance by confidence, each count a link to exactly those tickets.
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { expect, it } from 'vitest';
import type { TriageCard_StatsFragment } from '../../gql/graphql.js';
import { readTicketsView, toTicketFilter } from '../tickets/tickets-url.js';
import { TriageCard } from './TriageCard.js';

const SINCE = '2026-02-01T12:00:00.000Z';
const zero = { suggested: 0, accepted: 0, overridden: 0, acceptanceRate: null };

const stats: TriageCard_StatsFragment = {
  __typename: 'TicketStats',
  triage: {
    __typename: 'TriageReport',
    days: 30,
    since: SINCE,
    suggested: 10,
    accepted: 6,
    overridden: 4,
    acceptanceRate: 0.6,
    byCategory: [
      { __typename: 'CategoryTriage', category: 'ACCOUNT', ...zero },
      { __typename: 'CategoryTriage', category: 'BILLING', suggested: 7, accepted: 5, overridden: 2, acceptanceRate: 5 / 7 },
      { __typename: 'CategoryTriage', category: 'GENERAL', suggested: 3, accepted: 3, overridden: 0, acceptanceRate: 1 },
      { __typename: 'CategoryTriage', category: 'TECHNICAL', ...zero },
    ],
    byPriority: [
      { __typename: 'PriorityTriage', priority: 'LOW', ...zero },
      { __typename: 'PriorityTriage', priority: 'MEDIUM', suggested: 10, accepted: 8, overridden: 2, acceptanceRate: 0.8 },
      { __typename: 'PriorityTriage', priority: 'HIGH', ...zero },
      { __typename: 'PriorityTriage', priority: 'CRITICAL', ...zero },
    ],
    categoryOverrides: [{ __typename: 'CategoryOverride', suggested: 'BILLING', chosen: 'TECHNICAL', count: 2 }],
    priorityOverrides: [{ __typename: 'PriorityOverride', suggested: 'MEDIUM', chosen: 'HIGH', count: 2 }],
    byConfidence: [
      { __typename: 'ConfidenceBandAcceptance', band: 'LOW', from: 0, to: 0.5, suggested: 2, accepted: 0, acceptanceRate: 0 },
      { __typename: 'ConfidenceBandAcceptance', band: 'MEDIUM', from: 0.5, to: 0.7, suggested: 0, accepted: 0, acceptanceRate: null },
      { __typename: 'ConfidenceBandAcceptance', band: 'HIGH', from: 0.7, to: 0.9, suggested: 3, accepted: 2, acceptanceRate: 2 / 3 },
      { __typename: 'ConfidenceBandAcceptance', band: 'VERY_HIGH', from: 0.9, to: 1, suggested: 5, accepted: 4, acceptanceRate: 0.8 },
    ],
  },
};

function filterOf(link: HTMLElement) {
  const href = link.getAttribute('href')!;
  expect(href.startsWith('/tickets?')).toBe(true);
  return toTicketFilter(readTicketsView(new URLSearchParams(href.split('?')[1])));
}

it('links each count to the list of exactly those tickets, within the window', () => {
  render(
    <MemoryRouter>
      <TriageCard stats={stats} />
    </MemoryRouter>,
  );
  expect(screen.getByRole('heading', { name: 'Triage, last 30 days' })).toBeTruthy();
  expect(filterOf(screen.getByRole('link', { name: '4 tickets with the suggestion overridden' }))).toEqual({
    suggestionOutcomes: ['OVERRIDDEN'],
    createdAfter: SINCE,
  });
  expect(filterOf(screen.getByRole('link', { name: '2 tickets suggested Billing and filed elsewhere' }))).toEqual({
    suggestedCategories: ['BILLING'],
    suggestionOutcomes: ['CATEGORY_OVERRIDDEN'],
    createdAfter: SINCE,
  });
  expect(filterOf(screen.getByRole('link', { name: '5 tickets suggested Billing and filed so' }))).toEqual({
    filedCategories: ['BILLING'],
    suggestedCategories: ['BILLING'],
    createdAfter: SINCE,
  });
  expect(filterOf(screen.getByRole('link', { name: '2 tickets suggested Billing, filed Technical' }))).toEqual({
    filedCategories: ['TECHNICAL'],
    suggestedCategories: ['BILLING'],
    createdAfter: SINCE,
  });
  expect(filterOf(screen.getByRole('link', { name: '2 tickets suggested Medium priority, filed High' }))).toEqual({
    filedPriorities: ['HIGH'],
    suggestedPriorities: ['MEDIUM'],
    createdAfter: SINCE,
  });
  expect(filterOf(screen.getByRole('link', { name: '2 tickets with confidence 70–90% and the suggestion kept' }))).toEqual({
    suggestionConfidenceBands: ['HIGH'],
    suggestionOutcomes: ['ACCEPTED'],
    createdAfter: SINCE,
  });
  expect(filterOf(screen.getByRole('link', { name: '5 tickets with a suggestion of confidence 90% or more' }))).toEqual({
    suggestionConfidenceBands: ['VERY_HIGH'],
    createdAfter: SINCE,
  });
  // Categories nothing was suggested for are left out; a zero opens nothing.
  const perCategory = screen.getByRole('table', { name: 'Per suggested category' });
  expect(
    within(perCategory)
      .getAllByRole('row')
      .map((row) => row.querySelector('th')!.textContent),
  ).toEqual(['Category', 'Billing', 'General']);
  expect(within(perCategory).getAllByRole('link')).toHaveLength(3);
});

it('shows acceptance by confidence band, lowest first', () => {
  render(
    <MemoryRouter>
      <TriageCard stats={stats} />
    </MemoryRouter>,
  );
  const bands = within(screen.getByRole('table', { name: 'Acceptance by confidence' }))
    .getAllByRole('row')
    .slice(1);
  expect(bands.map((row) => Array.from(row.children, (cell) => cell.textContent))).toEqual([
    ['0%–50%', '0 / 2', '0%'],
    ['50%–70%', '0 / 0', '—'],
    ['70%–90%', '2 / 3', '67%'],
    ['90%–100%', '4 / 5', '80%'],
  ]);
});

it('says so when nothing was suggested in the window', () => {
  render(
    <MemoryRouter>
      <TriageCard stats={{ ...stats, triage: { ...stats.triage, suggested: 0, accepted: 0, overridden: 0, acceptanceRate: null } }} />
    </MemoryRouter>,
  );
  expect(screen.getByText('No ticket was created with a suggestion in the last 30 days.')).toBeTruthy();
  expect(screen.queryAllByRole('link')).toHaveLength(0);
});
