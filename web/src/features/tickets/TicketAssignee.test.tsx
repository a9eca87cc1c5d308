// Who has a ticket, against the real contract: the detail page's menu of people and
// "Assign to me" send the assignee with the version on screen; unassigning sends null;
// the row in the list offers "Assign to me" and shows the assignee at once, with Undo.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import {
  connectionOf,
  createFakeBackend,
  makeTicket,
  makeUser,
  sessionOf,
  type Ticket,
  type UpdateTicketPayload,
} from '../../../test/support/fake-backend.js';
import { renderApp } from '../../../test/support/render.js';
import { choose, menuButton } from '../../../test/support/choice-menu.js';

const me = makeUser({ id: '1', displayName: 'Alex Agent' });
const bea = makeUser({ id: '2', displayName: 'Bea Colleague' });

function serverWith(ticket: Ticket) {
  let current = ticket;
  const updateTicket = vi.fn(({ input }: { id: string; input: { assigneeId?: string | null } }): UpdateTicketPayload => {
    const assignee = input.assigneeId === null ? null : [me, bea].find((u) => u.id === input.assigneeId)!;
    current = { ...current, assignee, version: current.version + 1 };
    return { __typename: 'UpdateTicketPayload', ticket: current, userErrors: [] };
  });
  const backend = createFakeBackend({
    ...sessionOf(me),
    ticket: () => current,
    tickets: () => connectionOf([current]),
    assignableUsers: () => [me, bea],
    updateTicket,
  });
  return { backend, updateTicket };
}

it('assigns on the detail page with the picker, to me with one click, and unassigns', async () => {
  const { backend, updateTicket } = serverWith(makeTicket({ id: '5', version: 3 }));
  renderApp({ client: backend.client, url: '/tickets/5' });
  await screen.findByRole('button', { name: 'Assignee: Unassigned' });
  const picker = () => menuButton(document.body, 'Assignee');
  const user = userEvent.setup();

  await choose(user, picker(), 'Bea Colleague');
  await waitFor(() => expect(updateTicket).toHaveBeenCalledTimes(1));
  expect(updateTicket.mock.calls[0]![0].input).toEqual({ assigneeId: '2', expectedVersion: 3 });
  await waitFor(() => expect(picker().textContent).toBe('Bea Colleague'));

  await user.click(screen.getByRole('button', { name: 'Assign to me' }));
  await waitFor(() => expect(updateTicket).toHaveBeenCalledTimes(2));
  expect(updateTicket.mock.calls[1]![0].input).toEqual({ assigneeId: '1', expectedVersion: 4 });
  await waitFor(() => expect(picker().textContent).toBe('Alex Agent'));
  expect(screen.queryByRole('button', { name: 'Assign to me' })).toBeNull();

  await choose(user, picker(), 'Unassigned');
  await waitFor(() => expect(updateTicket).toHaveBeenCalledTimes(3));
  expect(updateTicket.mock.calls[2]![0].input).toEqual({ assigneeId: null, expectedVersion: 5 });
});

it('offers "Assign to me" on each row of the list, and shows the assignee', async () => {
  const { backend, updateTicket } = serverWith(makeTicket({ id: '5', title: 'Printer jam', assignee: bea }));
  renderApp({ client: backend.client, url: '/tickets' });
  const row = (await screen.findByRole('link', { name: 'Printer jam' })).closest('li')!;
  expect(within(row).getByTestId('assignee').textContent).toBe('Bea Colleague');
  const user = userEvent.setup();
  await user.click(within(row).getByRole('button', { name: 'Assign to me: “Printer jam”' }));
  await waitFor(() => expect(within(row).getByTestId('assignee').textContent).toBe('Alex Agent'));
  expect(updateTicket.mock.calls[0]![0].input).toEqual({ assigneeId: '1', expectedVersion: 1 });
  // Undo gives it back to Bea, based on the version the assignment produced.
  await screen.findByText('“Printer jam” assigned to you.');
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  await screen.findByText('“Printer jam” is assigned to Bea Colleague again.');
  expect(updateTicket.mock.calls[1]![0].input).toEqual({ assigneeId: '2', expectedVersion: 2 });
  expect(within(row).getByTestId('assignee').textContent).toBe('Bea Colleague');
});

it('keeps the My tickets and Unassigned views in the navigation, current by the URL', async () => {
  const { backend } = serverWith(makeTicket({ id: '5' }));
  renderApp({ client: backend.client, url: '/tickets?assignee=me' });
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  expect(within(nav).getByRole('link', { name: 'My tickets' }).getAttribute('aria-current')).toBe('page');
  expect(within(nav).getByRole('link', { name: 'Unassigned' }).getAttribute('href')).toBe('/tickets?assignee=none');
  expect(within(nav).getByRole('link', { name: 'Tickets' }).getAttribute('aria-current')).toBeNull();
  expect(await screen.findByRole('heading', { name: 'My tickets' })).toBeTruthy();
  await waitFor(() =>
    expect(backend.calls.find((c) => c.operation === 'TicketsPage')?.variables).toMatchObject({ filter: { assignee: { me: true } } }),
  );
});
