// No lost updates, against the real contract: every change names the version the agent
// saw; when a colleague saved first the agent sees what they changed (from the history,
// with who), nothing of theirs is overwritten, and one click re-applies the agent's own
// change on top of the new version.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { expect, it, vi } from 'vitest';
import {
  connectionOf,
  createFakeBackend,
  historyOf,
  makeEvent,
  makeTicket,
  makeUser,
  type Ticket,
  type UpdateTicketPayload,
} from '../../../test/support/fake-backend.js';
import { renderWithApp } from '../../../test/support/render.js';
import { choose, menuButton } from '../../../test/support/choice-menu.js';
import { TicketDetailPage } from './TicketDetailPage.js';
import { TicketsPage } from './TicketsPage.js';

const bea = makeUser({ id: '7', displayName: 'Bea Colleague' });
const created = makeEvent({ id: '1', kind: 'CREATED', at: '2026-01-02T10:00:00.000Z' });
// Bea's one write: status and priority, at the same transaction time.
const beasWrite = [
  makeEvent({
    id: '2',
    kind: 'FIELD_CHANGED',
    field: 'STATUS',
    from: 'OPEN',
    to: 'IN_PROGRESS',
    actor: bea,
    at: '2026-01-02T10:05:00.000Z',
  }),
  makeEvent({ id: '3', kind: 'FIELD_CHANGED', field: 'PRIORITY', from: 'LOW', to: 'CRITICAL', actor: bea, at: '2026-01-02T10:05:00.000Z' }),
];
const stale = makeTicket({ id: '1', title: 'Cannot log in', priority: 'LOW', status: 'OPEN', version: 1 });
const fresh: Ticket = {
  ...stale,
  priority: 'CRITICAL',
  status: 'IN_PROGRESS',
  version: 2,
  updatedBy: bea,
  history: historyOf([created, ...beasWrite]),
};

function conflicting(): UpdateTicketPayload {
  return {
    __typename: 'UpdateTicketPayload',
    ticket: null,
    userErrors: [{ __typename: 'UserError', field: 'expectedVersion', code: 'CONFLICT', message: 'Changed meanwhile.' }],
  };
}

/** A server on which Bea saved version 2 after the agent loaded version 1: the first change conflicts, the next is saved. */
function serverWithColleague() {
  let current: Ticket = stale;
  const updateTicket = vi.fn(({ input }: { id: string; input: { expectedVersion?: number | null; title?: string | null } }) => {
    current = fresh;
    if (input.expectedVersion !== 2) return conflicting();
    current = { ...fresh, ...input, version: 3 } as Ticket;
    return { __typename: 'UpdateTicketPayload' as const, ticket: current, userErrors: [] };
  });
  return { ticket: () => current, tickets: () => connectionOf([current]), updateTicket };
}

it("shows what the colleague changed when the edit form's save conflicts, and re-applies the agent's change with one click", async () => {
  const server = serverWithColleague();
  const backend = createFakeBackend(server);
  const user = userEvent.setup();
  renderWithApp(
    <Routes>
      <Route path="/tickets/:id" element={<TicketDetailPage />} />
    </Routes>,
    { client: backend.client, url: '/tickets/1' },
  );
  await user.click(await screen.findByRole('button', { name: 'Edit' }));
  await user.type(screen.getByLabelText('Title'), ' on mobile');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  const notice = await screen.findByRole('alert', { name: 'Changed meanwhile by someone else' });
  const theirs = await within(notice).findByRole('list', { name: 'Their changes' });
  expect(
    within(theirs)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    expect.stringMatching(/^Status: Open → In progress.*Bea Colleague/),
    expect.stringMatching(/^Priority: Low → Critical.*Bea Colleague/),
  ]);
  expect(within(notice).getByTestId('conflict-mine').textContent).toBe('Title → Cannot log in on mobile');
  // The agent's draft is kept while they decide.
  expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Cannot log in on mobile');
  expect(server.updateTicket).toHaveBeenCalledTimes(1);
  expect(server.updateTicket.mock.calls[0]![0].input).toEqual({ title: 'Cannot log in on mobile', expectedVersion: 1 });

  await user.click(within(notice).getByRole('button', { name: 'Re-apply my change' }));
  // Only the agent's own field, against the colleague's version: their status and priority stay.
  await waitFor(() => expect(server.updateTicket).toHaveBeenCalledTimes(2));
  expect(server.updateTicket.mock.calls[1]![0].input).toEqual({ title: 'Cannot log in on mobile', expectedVersion: 2 });
  expect(await screen.findByRole('heading', { name: 'Cannot log in on mobile' })).toBeTruthy();
  expect(screen.queryByRole('alert', { name: 'Changed meanwhile by someone else' })).toBeNull();
});

it("shows the conflict of a change made in the list beside its row, and dropping the agent's change keeps the colleague's", async () => {
  const server = serverWithColleague();
  const backend = createFakeBackend(server);
  const user = userEvent.setup();
  renderWithApp(<TicketsPage />, { client: backend.client, url: '/tickets' });
  const row = (await screen.findByRole('link', { name: 'Cannot log in' })).closest('li')!;
  await choose(user, menuButton(row, 'Priority of “Cannot log in”'), 'High');

  const notice = await within(row).findByRole('alert', { name: 'Changed meanwhile by someone else' });
  await within(notice).findByRole('list', { name: 'Their changes' });
  expect(within(notice).getByTestId('conflict-mine').textContent).toBe('Priority → High');
  // The fresh ticket is on screen: the colleague's values, not the agent's rolled-back guess.
  expect(menuButton(row, 'Priority of “Cannot log in”').textContent).toBe('Critical');
  expect(menuButton(row, 'Status of “Cannot log in”').textContent).toBe('In progress');

  await user.click(within(notice).getByRole('button', { name: 'Keep their version' }));
  expect(within(row).queryByRole('alert')).toBeNull();
  expect(server.updateTicket).toHaveBeenCalledTimes(1);
});
