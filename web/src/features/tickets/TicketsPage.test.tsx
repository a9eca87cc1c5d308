// The tickets list against the real contract: in-place changes (chosen in a menu)
// show at once, are rolled back with a visible message when the server refuses them or
// cannot be reached, and stay when saved, with a note offering Undo.
import { ApolloProvider } from '@apollo/client/react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  connectionOf,
  createFakeBackend,
  makeTicket,
  type TicketConnection,
  type UpdateTicketPayload,
} from '../../../test/support/fake-backend.js';
import { deferred, renderWithApp } from '../../../test/support/render.js';
import { choose, menuButton } from '../../../test/support/choice-menu.js';
import { UndoToastProvider } from '../../common/undo-toast.js';
import { TicketsPage } from './TicketsPage.js';

const tickets = [
  makeTicket({ id: '2', title: 'Refund please', category: 'BILLING', priority: 'LOW', status: 'OPEN' }),
  makeTicket({ id: '1', title: 'Cannot log in', category: 'ACCOUNT', priority: 'HIGH', status: 'OPEN' }),
];

async function setup(updateTicket: () => Promise<UpdateTicketPayload>) {
  const backend = createFakeBackend({ tickets: () => connectionOf(tickets), updateTicket: vi.fn(updateTicket) });
  const user = userEvent.setup();
  renderWithApp(<TicketsPage />, { client: backend.client, url: '/tickets' });
  const row = (await screen.findByRole('link', { name: 'Cannot log in' })).closest('li')!;
  const status = menuButton(row, 'Status of “Cannot log in”');
  return { backend, user, row, status };
}

describe('TicketsPage in-place changes', () => {
  it('shows a status change at once and rolls it back, with a message, when the server refuses it', async () => {
    const answer = deferred<UpdateTicketPayload>();
    const { user, row, status, backend } = await setup(() => answer.promise);

    await choose(user, status, 'Resolved');
    // Optimistic: changed before the server has answered.
    expect(status.textContent).toBe('Resolved');
    expect(backend.resolvers.updateTicket).toHaveBeenCalledWith(
      { id: '1', input: { status: 'RESOLVED', expectedVersion: 1 } },
      expect.anything(),
      expect.anything(),
    );

    answer.resolve({
      __typename: 'UpdateTicketPayload',
      ticket: null,
      userErrors: [{ __typename: 'UserError', field: 'status', code: 'INVALID_CHOICE', message: 'This ticket cannot be resolved yet.' }],
    });
    await waitFor(() => expect(status.textContent).toBe('Open'));
    expect(within(row).getByRole('alert').textContent).toBe('Status not changed: This ticket cannot be resolved yet.');
  });

  it('rolls a priority change back when the server fails', async () => {
    const { user, row } = await setup(() => Promise.reject(new Error('database is down')));
    const priority = menuButton(row, 'Priority of “Cannot log in”');
    await choose(user, priority, 'Critical');
    await waitFor(() => expect(within(row).getByRole('alert').textContent).toMatch(/^Priority not changed: /));
    expect(priority.textContent).toBe('High');
  });

  it('keeps a change the server accepts, with no message', async () => {
    const { user, row, status } = await setup(async () => ({
      __typename: 'UpdateTicketPayload',
      ticket: { ...tickets[1]!, status: 'IN_PROGRESS', updatedAt: new Date().toISOString() },
      userErrors: [],
    }));
    await choose(user, status, 'In progress');
    await waitFor(() => expect(status.textContent).toBe('In progress'));
    expect(within(row).queryByRole('alert')).toBeNull();
    await screen.findByText('Status of “Cannot log in” changed to In progress.');
  });

  it('shows the total and each ticket, newest first as the server sends them', async () => {
    await setup(() => Promise.reject(new Error('not called')));
    expect(screen.getByText('Showing 2 of 2 tickets')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /Refund please|Cannot log in/ }).map((a) => a.textContent)).toEqual([
      'Refund please',
      'Cannot log in',
    ]);
  });
});

describe('TicketsPage counts', () => {
  it('says "about" when the server estimates the total', async () => {
    const page = { ...connectionOf(tickets), totalCount: 12_000, totalCountIsExact: false };
    page.pageInfo = { ...page.pageInfo, hasNextPage: true };
    const backend = createFakeBackend({ tickets: () => page });
    renderWithApp(<TicketsPage />, { client: backend.client, url: '/tickets?q=login' });
    expect(await screen.findByText('Showing 2 of about 12,000 tickets')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
    expect(backend.calls.filter((c) => c.operation === 'TicketsPage').at(-1)?.variables).toMatchObject({ search: 'login', filter: null });
  });
});

describe('TicketsPage filters', () => {
  it('shows a ticked filter at once, before the URL has caught up, and then asks the server for it', async () => {
    const backend = createFakeBackend({ tickets: () => connectionOf(tickets) });
    // The app's kind of router, which applies URL changes in a transition.
    const router = createMemoryRouter([{ path: '/tickets', element: <TicketsPage /> }], { initialEntries: ['/tickets'] });
    render(
      <ApolloProvider client={backend.client}>
        <UndoToastProvider>
          <RouterProvider router={router} />
        </UndoToastProvider>
      </ApolloProvider>,
    );
    await screen.findByText('Showing 2 of 2 tickets');
    const billing = within(screen.getByRole('group', { name: 'Category' })).getByLabelText<HTMLInputElement>('Billing');
    // A bare DOM click, outside act(): React handles the event at once and leaves the
    // transition for later, as in a browser; what the agent sees the moment they click.
    billing.click();
    expect(billing.checked).toBe(true);
    await waitFor(() =>
      expect(backend.calls.filter((c) => c.operation === 'TicketsPage').at(-1)?.variables).toMatchObject({
        filter: { categories: ['BILLING'] },
      }),
    );
    expect(billing.checked).toBe(true);
  });
});

describe('TicketsPage search', () => {
  it('shows the latest search’s results when an earlier search, still on its way, answers after it', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<TicketConnection>>>();
    const backend = createFakeBackend({
      tickets: ({ search }) => {
        if (!search) return connectionOf(tickets);
        const answer = deferred<TicketConnection>();
        answers.set(search, answer);
        return answer.promise;
      },
    });
    const user = userEvent.setup();
    renderWithApp(<TicketsPage />, { client: backend.client, url: '/tickets' });
    await screen.findByText('Showing 2 of 2 tickets');
    const box = screen.getByLabelText('Search');
    await user.type(box, 'log');
    await waitFor(() => expect(answers.has('log')).toBe(true));
    await user.type(box, 'in');
    await waitFor(() => expect(answers.has('login')).toBe(true));

    answers.get('login')!.resolve(connectionOf([tickets[1]!]));
    await screen.findByText('Showing 1 of 1 ticket');
    // The earlier search answers last, with other tickets: not shown.
    await act(async () => {
      answers.get('log')!.resolve(connectionOf(tickets));
      await answers.get('log')!.promise;
      await new Promise((settled) => setTimeout(settled, 20));
    });
    expect(screen.getByText('Showing 1 of 1 ticket')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /Refund please|Cannot log in/ }).map((a) => a.textContent)).toEqual(['Cannot log in']);
  });
});
