// The tickets view round-trips through the URL, and junk in a hand-edited URL is dropped.
import { expect, it } from 'vitest';
import { readTicketsView, toTicketFilter, writeTicketsView } from './tickets-url.js';

it('round-trips filters and search in a stable order', () => {
  const view = readTicketsView(new URLSearchParams('status=OPEN&category=TECHNICAL&category=BILLING&q=refund+twice&priority=HIGH'));
  expect(view).toEqual({
    categories: ['BILLING', 'TECHNICAL'],
    priorities: ['HIGH'],
    statuses: ['OPEN'],
    search: 'refund twice',
    assignee: null,
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
