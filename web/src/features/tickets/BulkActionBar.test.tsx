// Bulk changes in the list, against the real contract: boxes, shift-click ranges and
// "select all on this page" choose the tickets; one action sets the chosen fields on
// all of them, each based on the version on screen; a refusal names each ticket that
// could not be changed.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import {
  connectionOf,
  createFakeBackend,
  makeTicket,
  makeUser,
  type BulkUpdateTicketsPayload,
  type Ticket,
} from '../../../test/support/fake-backend.js';
import { renderWithApp } from '../../../test/support/render.js';
import { menuButton } from '../../../test/support/choice-menu.js';
import { TicketsPage } from './TicketsPage.js';

const bea = makeUser({ id: '7', displayName: 'Bea Colleague' });
const tickets = ['5', '4', '3', '2', '1'].map((id) => makeTicket({ id, title: `Ticket ${id}`, version: Number(id) + 10 }));

function setup(answer: (args: { ids: string[]; input: Record<string, unknown> }) => BulkUpdateTicketsPayload) {
  const bulkUpdateTickets = vi.fn(answer);
  const backend = createFakeBackend({ tickets: () => connectionOf(tickets), assignableUsers: () => [bea], bulkUpdateTickets });
  renderWithApp(<TicketsPage />, { client: backend.client, url: '/tickets' });
  return { bulkUpdateTickets, user: userEvent.setup() };
}

const box = (title: string) => screen.getByRole('checkbox', { name: `Select “${title}”` });
const checked = () =>
  screen
    .getAllByRole<HTMLInputElement>('checkbox', { name: /^Select “/ })
    .filter((b) => b.checked)
    .map((b) => b.getAttribute('aria-label'));

it('selects a range with shift-click, sets status and assignee on all of them in one action, based on their versions', async () => {
  const { bulkUpdateTickets, user } = setup(({ ids, input }) => ({
    __typename: 'BulkUpdateTicketsPayload',
    tickets: ids.map((id) => ({ ...tickets.find((t) => t.id === id)!, status: input.status, assignee: bea }) as Ticket),
    userErrors: [],
  }));
  await screen.findByText('Ticket 4');
  await user.click(box('Ticket 4'));
  await user.keyboard('{Shift>}');
  await user.click(box('Ticket 2'));
  await user.keyboard('{/Shift}');
  expect(checked()).toEqual(['Select “Ticket 4”', 'Select “Ticket 3”', 'Select “Ticket 2”']);

  const bar = screen.getByRole('form', { name: 'Change selected tickets' });
  expect(within(bar).getByText('3 selected')).toBeTruthy();
  await user.selectOptions(within(bar).getByLabelText('Status'), 'CLOSED');
  await user.selectOptions(within(bar).getByLabelText('Assignee'), 'Bea Colleague');
  await user.click(within(bar).getByRole('button', { name: 'Apply to 3 tickets' }));

  await screen.findByText('3 tickets changed.');
  expect(bulkUpdateTickets).toHaveBeenCalledTimes(1);
  expect(bulkUpdateTickets.mock.calls[0]![0]).toEqual({
    ids: ['4', '3', '2'],
    input: {
      status: 'CLOSED',
      assigneeId: '7',
      expectedVersions: [
        { id: '4', version: 14 },
        { id: '3', version: 13 },
        { id: '2', version: 12 },
      ],
    },
  });
  // Saved: the rows show it, and the selection is cleared.
  const row = screen.getByRole('link', { name: 'Ticket 3' }).closest('li')!;
  await waitFor(() => expect(menuButton(row, 'Status of “Ticket 3”').textContent).toBe('Closed'));
  expect(within(row).getByTestId('assignee').textContent).toBe('Bea Colleague');
  expect(checked()).toEqual([]);
});

it('selects and clears the whole page with one box', async () => {
  const { user } = setup(() => {
    throw new Error('not sent');
  });
  await screen.findByText('Ticket 4');
  await user.click(screen.getByRole('checkbox', { name: 'Select all on this page' }));
  expect(checked()).toHaveLength(5);
  await user.click(screen.getByRole('checkbox', { name: 'Select all on this page' }));
  expect(checked()).toEqual([]);
});

it('names each ticket that could not be changed, and changes none', async () => {
  const { user } = setup(() => ({
    __typename: 'BulkUpdateTicketsPayload',
    tickets: null,
    userErrors: [{ __typename: 'UserError', field: 'ids.1', code: 'CONFLICT', message: 'Changed meanwhile.' }],
  }));
  await screen.findByText('Ticket 4');
  await user.click(box('Ticket 5'));
  await user.click(box('Ticket 1'));
  const bar = screen.getByRole('form', { name: 'Change selected tickets' });
  await user.selectOptions(within(bar).getByLabelText('Priority'), 'CRITICAL');
  await user.click(within(bar).getByRole('button', { name: 'Apply to 2 tickets' }));

  const problems = await within(bar).findByRole('list', { name: 'Tickets not changed' });
  expect(
    within(problems)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['#1 Ticket 1: changed meanwhile by someone else (the list now shows their change)']);
  expect(checked()).toEqual(['Select “Ticket 5”', 'Select “Ticket 1”']);
});
