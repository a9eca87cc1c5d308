// Who has a ticket, against the real contract: the detail page's picker and "Assign to
// me" send the assignee with the version on screen; unassigning sends null; the row in
// the list offers "Assign to me" and shows the assignee at once.
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
  const picker = await screen.findByLabelText<HTMLSelectElement>('Assignee');
  expect(picker.value).toBe('');
  const user = userEvent.setup();

  await user.selectOptions(picker, 'Bea Colleague');
  await waitFor(() => expect(updateTicket).toHaveBeenCalledTimes(1));
  expect(updateTicket.mock.calls[0]![0].input).toEqual({ assigneeId: '2', expectedVersion: 3 });
  await waitFor(() => expect(picker.value).toBe('2'));

  await user.click(screen.getByRole('button', { name: 'Assign to me' }));
  await waitFor(() => expect(updateTicket).toHaveBeenCalledTimes(2));
  expect(updateTicket.mock.calls[1]![0].input).toEqual({ assigneeId: '1', expectedVersion: 4 });
  await waitFor(() => expect(picker.value).toBe('1'));
  expect(screen.queryByRole('button', { name: 'Assign to me' })).toBeNull();

  await user.selectOptions(picker, 'Unassigned');
  await waitFor(() => expect(updateTicket).toHaveBeenCalledTimes(3));
  expect(updateTicket.mock.calls[2]![0].input).toEqual({ assigneeId: null, expectedVersion: 5 });
});

it('offers "Assign to me" on each row of the list, and shows the assignee', async () => {
  const { backend, updateTicket } = serverWith(makeTicket({ id: '5', title: 'Printer jam', assignee: bea }));
  renderApp({ client: backend.client, url: '/tickets' });
  const row = (await screen.findByRole('link', { name: 'Printer jam' })).closest('li')!;
  expect(within(row).getByTestId('assignee').textContent).toBe('Bea Colleague');
  await userEvent.setup().click(within(row).getByRole('button', { name: 'Assign to me: “Printer jam”' }));
  await waitFor(() => expect(within(row).getByTestId('assignee').textContent).toBe('Alex Agent'));
  expect(updateTicket.mock.calls[0]![0].input).toEqual({ assigneeId: '1', expectedVersion: 1 });
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
