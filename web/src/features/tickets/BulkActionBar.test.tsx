// Bulk changes in the list, against the real contract: boxes, shift-click ranges and
// "select all on this page" choose the tickets; one action sets the chosen fields on
// all of them, each based on the version on screen; a refusal names each ticket that
// could not be changed; Undo puts each ticket's own values back, based on the versions
// the change saved, and names a ticket a colleague changed meanwhile.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
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

function setup(answer: (args: { ids: string[]; input: Record<string, unknown> }) => BulkUpdateTicketsPayload, listed = tickets) {
  const bulkUpdateTickets = vi.fn(answer);
  const list = vi.fn(() => connectionOf(listed));
  const backend = createFakeBackend({ tickets: list, assignableUsers: () => [bea], bulkUpdateTickets });
  renderWithApp(<TicketsPage />, { client: backend.client, url: '/tickets' });
  return { bulkUpdateTickets, list, user: userEvent.setup() };
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

describe('undoing a bulk change', () => {
  // Priorities of their own, so that putting them back takes one change per value.
  const mixed = [
    makeTicket({ id: '5', title: 'Ticket 5', priority: 'LOW', version: 15 }),
    makeTicket({ id: '4', title: 'Ticket 4', priority: 'MEDIUM', version: 14 }),
    makeTicket({ id: '3', title: 'Ticket 3', priority: 'LOW', version: 13 }),
  ];
  type Conflicts = (input: Record<string, unknown>) => number | null;

  /** A server keeping versions, each change of a ticket one more; `conflictAt`: the index of `ids` a call is refused for. */
  function server(conflictAt: Conflicts = () => null) {
    const stored = new Map(mixed.map((t) => [t.id, t]));
    return ({ ids, input }: { ids: string[]; input: Record<string, unknown> }): BulkUpdateTicketsPayload => {
      const refused = conflictAt(input);
      if (refused !== null)
        return {
          __typename: 'BulkUpdateTicketsPayload',
          tickets: null,
          userErrors: [{ __typename: 'UserError', field: `ids.${refused}`, code: 'CONFLICT', message: 'Changed meanwhile.' }],
        };
      const saved = ids.map((id) => {
        const was = stored.get(id)!;
        const now = { ...was, priority: (input.priority as Ticket['priority']) ?? was.priority, version: was.version + 1 };
        stored.set(id, now);
        return now;
      });
      return { __typename: 'BulkUpdateTicketsPayload', tickets: saved, userErrors: [] };
    };
  }

  async function changeAllToCritical(user: ReturnType<typeof userEvent.setup>) {
    await screen.findByText('Ticket 4');
    await user.click(screen.getByRole('checkbox', { name: 'Select all on this page' }));
    const bar = screen.getByRole('form', { name: 'Change selected tickets' });
    await user.selectOptions(within(bar).getByLabelText('Priority'), 'CRITICAL');
    await user.click(within(bar).getByRole('button', { name: 'Apply to 3 tickets' }));
    await screen.findByText('3 tickets changed.');
  }

  const priorityOf = (title: string) => menuButton(screen.getByRole('link', { name: title }).closest('li')!, `Priority of “${title}”`);

  it('puts back each ticket’s own value, one change per value, based on the versions the change saved', async () => {
    const { bulkUpdateTickets, user } = setup(server(), mixed);
    await changeAllToCritical(user);
    await waitFor(() => expect(priorityOf('Ticket 4').textContent).toBe('Critical'));

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('3 tickets are back as they were.');
    expect(bulkUpdateTickets.mock.calls.map(([args]) => args)).toEqual([
      {
        ids: ['5', '4', '3'],
        input: {
          priority: 'CRITICAL',
          expectedVersions: [
            { id: '5', version: 15 },
            { id: '4', version: 14 },
            { id: '3', version: 13 },
          ],
        },
      },
      {
        ids: ['5', '3'],
        input: {
          priority: 'LOW',
          expectedVersions: [
            { id: '5', version: 16 },
            { id: '3', version: 14 },
          ],
        },
      },
      { ids: ['4'], input: { priority: 'MEDIUM', expectedVersions: [{ id: '4', version: 15 }] } },
    ]);
    expect(['Ticket 5', 'Ticket 4', 'Ticket 3'].map((title) => priorityOf(title).textContent)).toEqual(['Low', 'Medium', 'Low']);
  });

  it('names a ticket changed meanwhile, keeps the change of the tickets it goes with, and says how many are back', async () => {
    // The undo of tickets 5 and 3 (both Low before) meets a colleague's change of ticket 3.
    const { bulkUpdateTickets, list, user } = setup(
      server((input) => (input.priority === 'LOW' ? 1 : null)),
      mixed,
    );
    await changeAllToCritical(user);
    const readsBefore = list.mock.calls.length;

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText(
      'Not undone for 2 of 3 tickets: “Ticket 3” was changed meanwhile by someone else. The other 1 is back as it was.',
    );
    expect(bulkUpdateTickets).toHaveBeenCalledTimes(3);
    // The list is read again, to show what the colleague changed.
    await waitFor(() => expect(list.mock.calls.length).toBeGreaterThan(readsBefore));
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeTruthy();
  });
});
