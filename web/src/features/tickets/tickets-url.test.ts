// The tickets view round-trips through the URL (whose tickets, one person's or several's,
// and the creation window included), and junk in a hand-edited URL is dropped.
import { expect, it } from 'vitest';
import type { TicketFilter } from '../../gql/graphql.js';
import {
  EMPTY_VIEW,
  hasFilters,
  readTicketsView,
  sameFilters,
  soleAssignee,
  ticketsHref,
  toTicketFilter,
  withoutFilters,
  writeTicketsView,
} from './tickets-url.js';

it('round-trips filters and search in a stable order', () => {
  const view = readTicketsView(new URLSearchParams('status=OPEN&category=TECHNICAL&category=BILLING&q=refund+twice&priority=HIGH'));
  expect(view).toEqual({
    ...EMPTY_VIEW,
    categories: ['BILLING', 'TECHNICAL'],
    priorities: ['HIGH'],
    statuses: ['OPEN'],
    search: 'refund twice',
  });
  expect(writeTicketsView(view).toString()).toBe('category=BILLING&category=TECHNICAL&priority=HIGH&status=OPEN&q=refund+twice');
  expect(toTicketFilter(view)).toEqual({ categories: ['BILLING', 'TECHNICAL'], priorities: ['HIGH'], statuses: ['OPEN'] });
});

it('drops unknown values and caps the search length', () => {
  const view = readTicketsView(new URLSearchParams(`category=NOPE&status=open&q=${'x'.repeat(300)}`));
  expect(view.categories).toEqual([]);
  expect(view.statuses).toEqual([]);
  expect(view.search).toHaveLength(200);
  expect(toTicketFilter(view)).toBeNull();
});

it('caps the search in code points, as the server counts, never splitting an emoji', () => {
  const view = readTicketsView(new URLSearchParams({ q: `a${'😀'.repeat(300)}` }));
  expect(Array.from(view.search)).toHaveLength(200);
  expect(view.search).toBe(`a${'😀'.repeat(199)}`);
});

it('round-trips the triage filters and the creation window the dashboard links to', () => {
  const href = ticketsHref({
    since: '2026-03-01T10:00:00.000Z',
    suggestedCategories: ['BILLING'],
    suggestionOutcomes: ['CATEGORY_OVERRIDDEN'],
  });
  expect(href).toBe('/tickets?suggested_category=BILLING&suggestion=CATEGORY_OVERRIDDEN&since=2026-03-01T10%3A00%3A00.000Z');
  const view = readTicketsView(new URLSearchParams(href.split('?')[1]));
  expect(hasFilters(view)).toBe(true);
  expect(toTicketFilter(view)).toEqual({
    suggestedCategories: ['BILLING'],
    suggestionOutcomes: ['CATEGORY_OVERRIDDEN'],
    createdAfter: '2026-03-01T10:00:00.000Z',
  });
});

it('drops an unreadable creation window and unknown outcomes', () => {
  const view = readTicketsView(new URLSearchParams('since=yesterday&suggestion=MAYBE&suggested_priority=HIGH'));
  expect(view).toEqual({ ...EMPTY_VIEW, suggestedPriorities: ['HIGH'] });
});

it('keeps the order in the URL, leaving the default out, and a hand-edited one falls back to newest first', () => {
  expect(readTicketsView(new URLSearchParams('')).sort).toBe('NEWEST_FIRST');
  const view = readTicketsView(new URLSearchParams('status=OPEN&sort=priority'));
  expect(view.sort).toBe('PRIORITY');
  expect(writeTicketsView(view).toString()).toBe('status=OPEN&sort=priority');
  expect(ticketsHref({ sort: 'RECENTLY_CHANGED' })).toBe('/tickets?sort=changed');
  expect(ticketsHref({ sort: 'OLDEST_FIRST' })).toBe('/tickets?sort=oldest');
  expect(ticketsHref({ sort: 'NEWEST_FIRST' })).toBe('/tickets');
  expect(readTicketsView(new URLSearchParams('sort=PRIORITY')).sort).toBe('NEWEST_FIRST');
  expect(toTicketFilter(view)).toEqual({ statuses: ['OPEN'] });
});

it('keeps the order when the filters are cleared: it is how the list is read, not what it shows', () => {
  const view = readTicketsView(new URLSearchParams('assignee=me&status=OPEN&q=refund&sort=oldest'));
  expect(withoutFilters(view)).toEqual({ ...EMPTY_VIEW, assignee: { me: true, none: false, userIds: [] }, sort: 'OLDEST_FIRST' });
  expect(sameFilters(view, { ...view, sort: 'PRIORITY' })).toBe(false);
});

it.each<[string, string, TicketFilter['assignee'] | undefined, string]>([
  ['mine', 'assignee=me', { me: true }, 'assignee=me'],
  ['nobody’s', 'assignee=none', { none: true }, 'assignee=none'],
  ['one person’s', 'assignee=12', { userIds: ['12'] }, 'assignee=12'],
  [
    'any of several, in one order however given, each once',
    'assignee=12&assignee=none&assignee=4&assignee=12&assignee=me',
    { me: true, none: true, userIds: ['4', '12'] },
    'assignee=me&assignee=none&assignee=4&assignee=12',
  ],
  ['junk dropped', 'assignee=someone&assignee=0&assignee=7', { userIds: ['7'] }, 'assignee=7'],
  ['nothing readable: anyone’s', 'assignee=someone', undefined, ''],
])('reads whose tickets: %s', (_case, query, filter, written) => {
  const view = readTicketsView(new URLSearchParams(query));
  expect(toTicketFilter(view)?.assignee).toEqual(filter);
  expect(writeTicketsView(view).toString()).toBe(written);
});

it('says "My tickets" and "Unassigned" only for exactly that', () => {
  const whose = (query: string) => soleAssignee(readTicketsView(new URLSearchParams(query)).assignee);
  expect([whose('assignee=me'), whose('assignee=none'), whose('assignee=me&assignee=none'), whose('assignee=4'), whose('')]).toEqual([
    'me',
    'none',
    null,
    null,
    null,
  ]);
});

it('round-trips a creation window closed on both sides, each end removable on its own', () => {
  const href = ticketsHref({ since: '2026-03-01T00:00:00.000Z', before: '2026-04-01T00:00:00.000Z' });
  expect(href).toBe('/tickets?since=2026-03-01T00%3A00%3A00.000Z&before=2026-04-01T00%3A00%3A00.000Z');
  const view = readTicketsView(new URLSearchParams(href.split('?')[1]));
  expect(toTicketFilter(view)).toEqual({ createdAfter: '2026-03-01T00:00:00.000Z', createdBefore: '2026-04-01T00:00:00.000Z' });
  expect(hasFilters({ ...view, since: '' })).toBe(true);
  expect(sameFilters(view, { ...view, before: '' })).toBe(false);
  expect(readTicketsView(new URLSearchParams('before=soon')).before).toBe('');
});
