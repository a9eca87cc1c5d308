// The timeline on the ticket's page, against the real contract: creation with the
// suggestion and whether it was kept, each change from → to in the labels agents know,
// who and when; a page at a time; and a change made on the page shows up in it.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { expect, it, vi } from 'vitest';
import {
  createFakeBackend,
  historyOf,
  makeApiToken,
  makeEvent,
  makeTicket,
  makeUser,
  type Ticket,
  type TicketEvent,
} from '../../../test/support/fake-backend.js';
import { renderWithApp } from '../../../test/support/render.js';
import { choose, menuButton } from '../../../test/support/choice-menu.js';
import { TicketDetailPage } from './TicketDetailPage.js';

const alex = makeUser({ id: '1', displayName: 'Alex Agent' });
const crm = makeApiToken({ id: '4', name: 'CRM sync' });

function showTicket(ticket: () => Ticket, more: Partial<Parameters<typeof createFakeBackend>[0]> = {}) {
  const backend = createFakeBackend({ ticket, ...more });
  renderWithApp(
    <Routes>
      <Route path="/tickets/:id" element={<TicketDetailPage />} />
    </Routes>,
    { client: backend.client, url: '/tickets/1' },
  );
  return backend;
}

const timelineItems = async () => {
  const timeline = await screen.findByRole('list', { name: 'History' });
  await waitFor(() => expect(within(timeline).queryAllByRole('listitem').length).toBeGreaterThan(0));
  return within(timeline)
    .getAllByRole('listitem')
    .map((li) => li.textContent);
};

it('tells each event: the creation with its suggestion, changes from → to with labels, who and when', async () => {
  const events = [
    makeEvent({
      id: '1',
      kind: 'CREATED',
      actor: crm,
      suggestion: { __typename: 'TicketSuggestion', category: 'BILLING', priority: 'HIGH', source: 'GEMINI', accepted: false },
    }),
    makeEvent({ id: '2', kind: 'FIELD_CHANGED', field: 'STATUS', from: 'OPEN', to: 'IN_PROGRESS', actor: alex }),
    makeEvent({ id: '3', kind: 'FIELD_CHANGED', field: 'TITLE', from: 'Login', to: 'Cannot log in', actor: null }),
  ];
  showTicket(() => makeTicket({ history: historyOf(events) }));
  expect(await timelineItems()).toEqual([
    expect.stringMatching(/^Created · AI suggested Billing \/ High \(Gemini\): overridden\s*API token CRM sync · Jan 2, 2026/),
    expect.stringMatching(/^Status: Open → In progress\s*Alex Agent · /),
    expect.stringMatching(/^Title: “Login” → “Cannot log in”\s*Not recorded · /),
  ]);
});

it('shows a page at a time, and the next one after the first on "Show more"', async () => {
  const events: TicketEvent[] = Array.from({ length: 30 }, (_, i) =>
    i === 0
      ? makeEvent({ id: '1' })
      : makeEvent({ id: String(i + 1), kind: 'FIELD_CHANGED', field: 'TITLE', from: `Title ${i}`, to: `Title ${i + 1}` }),
  );
  showTicket(() => makeTicket({ history: historyOf(events) }));
  expect(await timelineItems()).toHaveLength(25);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Show more' }));
  await waitFor(async () => expect(await timelineItems()).toHaveLength(30));
  expect((await timelineItems()).at(-1)).toMatch(/^Title: “Title 29” → “Title 30”/);
  expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
});

it('asks for the history again after a change saved on the page', async () => {
  const events = [makeEvent({ id: '1' })];
  let ticket = makeTicket({ history: historyOf(events) });
  const updateTicket = vi.fn(() => {
    events.push(makeEvent({ id: '2', kind: 'FIELD_CHANGED', field: 'STATUS', from: 'OPEN', to: 'CLOSED', actor: alex }));
    ticket = { ...ticket, status: 'CLOSED', version: 2, history: historyOf(events) };
    return { __typename: 'UpdateTicketPayload' as const, ticket, userErrors: [] };
  });
  showTicket(() => ticket, { updateTicket });
  expect(await timelineItems()).toHaveLength(1);
  const user = userEvent.setup();
  await choose(user, menuButton(document.body, 'Status'), 'Closed');
  await waitFor(async () => expect(await timelineItems()).toHaveLength(2));
  expect((await timelineItems())[1]).toMatch(/^Status: Open → Closed\s*Alex Agent/);
});
