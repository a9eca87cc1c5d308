// The screens with live updates, against the real contract, the server's activity
// pushed to the app's own subscription documents: the list follows a colleague's
// change (highlighted) and announces new tickets instead of inserting them; the
// ticket's page shows a colleague's note and changes, and never overwrites the agent's
// unsaved edits; the dashboard reads its figures again.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  connectionOf,
  createFakeBackend,
  historyOf,
  makeEvent,
  makeNote,
  makeTicket,
  makeUser,
  sessionOf,
  topLevelError,
  type Ticket,
  type TicketActivity,
  type TicketEvent,
  type UpdateTicketPayload,
} from '../../../test/support/fake-backend.js';
import { renderApp, renderWithApp } from '../../../test/support/render.js';
import { menuButton } from '../../../test/support/choice-menu.js';
import { DashboardPage } from '../stats/DashboardPage.js';

const alex = makeUser({ id: '1', displayName: 'Alex Agent' });
const bea = makeUser({ id: '7', displayName: 'Bea Colleague' });
const created = makeEvent({ id: '1', kind: 'CREATED', at: '2026-01-02T10:00:00.000Z' });

function changed(ticket: Ticket, by: typeof bea, events: Partial<TicketEvent>[]): TicketActivity {
  return {
    kind: 'CHANGED',
    ticket,
    changedFields: events.flatMap((event) => (event.field ? [event.field] : [])),
    events: events.map((event, i) =>
      makeEvent({ id: `${10 + i}`, kind: 'FIELD_CHANGED', actor: by, at: '2026-01-02T10:05:00.000Z', ...event }),
    ),
    note: null,
  };
}

const rowOf = (title: string) => screen.getByRole('link', { name: title }).closest('li')!;

describe('the tickets list, live', () => {
  const open = makeTicket({ id: '1', title: 'Cannot log in', status: 'OPEN', version: 1 });
  const other = makeTicket({ id: '2', title: 'Refund please', status: 'OPEN', version: 1, createdAt: '2026-01-01T10:00:00.000Z' });

  async function list(url = '/tickets') {
    const tickets = vi.fn(() => connectionOf([open, other]));
    const backend = createFakeBackend({ ...sessionOf(alex), tickets });
    renderApp({ client: backend.client, url });
    await screen.findByRole('link', { name: 'Cannot log in' });
    await waitFor(() => expect(backend.subscriptions()).toEqual(['TicketsLive']));
    return { backend, tickets };
  }

  it("shows a colleague's change in its row at once, highlighted", async () => {
    const { backend } = await list();
    await backend.pushActivity(
      changed({ ...open, status: 'IN_PROGRESS', version: 2 }, bea, [{ field: 'STATUS', from: 'OPEN', to: 'IN_PROGRESS' }]),
    );

    const row = rowOf('Cannot log in');
    await waitFor(() => expect(menuButton(row, 'Status of “Cannot log in”').textContent).toBe('In progress'));
    expect(row.classList.contains('live-changed')).toBe(true);
    expect(rowOf('Refund please').classList.contains('live-changed')).toBe(false);
  });

  it("moves a colleague's change to its place in a list sorted by priority once its highlight has faded, the count unchanged", async () => {
    const { backend } = await list('/tickets?sort=priority');
    const order = () => screen.getAllByRole('link', { name: /^(Cannot log in|Refund please)$/ }).map((link) => link.textContent);
    expect(order()).toEqual(['Cannot log in', 'Refund please']);
    await backend.pushActivity(
      changed({ ...other, priority: 'CRITICAL', version: 2 }, bea, [{ field: 'PRIORITY', from: 'HIGH', to: 'CRITICAL' }]),
    );
    await waitFor(() => expect(menuButton(rowOf('Refund please'), 'Priority of “Refund please”').textContent).toBe('Critical'));
    // Where it was while highlighted: nothing moves the moment it is shown.
    expect(rowOf('Refund please').classList.contains('live-changed')).toBe(true);
    expect(order()).toEqual(['Cannot log in', 'Refund please']);
    await waitFor(() => expect(order()).toEqual(['Refund please', 'Cannot log in']), { timeout: 5_000 });
    expect(screen.getByText('Showing 2 of 2 tickets')).toBeTruthy();
  });

  it('does not highlight the agent’s own change, which their screen already shows', async () => {
    const { backend } = await list();
    await backend.pushActivity(
      changed({ ...open, priority: 'CRITICAL', version: 2 }, alex, [{ field: 'PRIORITY', from: 'HIGH', to: 'CRITICAL' }]),
    );
    const row = rowOf('Cannot log in');
    await waitFor(() => expect(menuButton(row, 'Priority of “Cannot log in”').textContent).toBe('Critical'));
    expect(row.classList.contains('live-changed')).toBe(false);
  });

  it('announces a ticket created by a colleague, and shows it on request', async () => {
    const { backend, tickets } = await list();
    const fresh = makeTicket({ id: '3', title: 'Printer on fire', status: 'OPEN', createdAt: '2026-01-03T10:00:00.000Z' });
    await backend.pushActivity({
      kind: 'CREATED',
      ticket: fresh,
      changedFields: [],
      events: [makeEvent({ id: '20', actor: bea })],
      note: null,
    });

    const status = await screen.findByText('1 new ticket');
    // Announced, not inserted: nothing moved.
    expect(screen.queryByRole('link', { name: 'Printer on fire' })).toBeNull();
    expect(status.closest('[role="status"]')).toBeTruthy();

    tickets.mockImplementation(() => connectionOf([fresh, open, other]));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await screen.findByRole('link', { name: 'Printer on fire' });
    await waitFor(() => expect(screen.queryByText('1 new ticket')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Printer on fire' }));
  });

  it('does not announce a new ticket the filter leaves out', async () => {
    const { backend } = await list('/tickets?status=RESOLVED');
    const fresh = makeTicket({ id: '3', title: 'Printer on fire', status: 'OPEN' });
    await backend.pushActivity({
      kind: 'CREATED',
      ticket: fresh,
      changedFields: [],
      events: [makeEvent({ id: '20', actor: bea })],
      note: null,
    });
    const resolved = makeTicket({ id: '4', title: 'Fixed already', status: 'RESOLVED' });
    await backend.pushActivity({
      kind: 'CREATED',
      ticket: resolved,
      changedFields: [],
      events: [makeEvent({ id: '21', actor: bea })],
      note: null,
    });
    // Only the resolved one may belong here.
    await screen.findByText('1 new ticket');
  });
});

describe("a ticket's page, live", () => {
  function page(ticket: Ticket, resolvers: Parameters<typeof createFakeBackend>[0] = {}) {
    let current = ticket;
    const backend = createFakeBackend({ ...sessionOf(alex), ticket: () => current, ...resolvers });
    renderApp({ client: backend.client, url: `/tickets/${ticket.id}` });
    return {
      backend,
      setCurrent: (next: Ticket) => (current = next),
      subscribed: () => waitFor(() => expect(backend.subscriptions()).toEqual(['TicketLive'])),
    };
  }

  it("shows a colleague's note and its history event as they are added", async () => {
    const ticket = makeTicket({ id: '5', title: 'Slow exports', history: historyOf([created]), notes: historyOf([]) });
    const { backend, subscribed } = await page(ticket);
    await screen.findByText('No notes yet.');
    await subscribed();

    const note = makeNote({ id: '9', body: 'Customer sent the logs.', author: bea });
    await backend.pushActivity({
      kind: 'NOTE_ADDED',
      ticket,
      changedFields: [],
      events: [makeEvent({ id: '30', kind: 'NOTE_ADDED', actor: bea, note, at: '2026-01-02T11:00:00.000Z' })],
      note,
    });

    const notes = await screen.findByRole('list', { name: 'Internal notes' });
    expect(within(notes).getByText('Customer sent the logs.')).toBeTruthy();
    expect(within(notes).getByText('Bea Colleague')).toBeTruthy();
    const timeline = screen.getByRole('list', { name: 'History' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((item) => item.dataset.eventKind),
    ).toEqual(['CREATED', 'NOTE_ADDED']);
    // Read from the activity, not asked again.
    expect(backend.calls.filter((call) => call.operation === 'TicketDetailPage')).toHaveLength(1);
  });

  it("shows a colleague's change of the ticket, highlighted", async () => {
    const ticket = makeTicket({ id: '5', title: 'Slow exports', status: 'OPEN', history: historyOf([created]) });
    const { backend, subscribed } = await page(ticket);
    await screen.findByRole('heading', { name: 'Slow exports' });
    await subscribed();
    await backend.pushActivity(
      changed({ ...ticket, title: 'Exports time out', version: 2 }, bea, [
        { field: 'TITLE', from: 'Slow exports', to: 'Exports time out' },
      ]),
    );
    const heading = await screen.findByRole('heading', { name: 'Exports time out' });
    expect(heading.closest('.live-highlight')?.classList.contains('live-highlight--on')).toBe(true);
    expect(await within(screen.getByRole('list', { name: 'History' })).findByText(/“Exports time out”/)).toBeTruthy();
  });

  it("keeps the agent's unsaved edits, says a colleague changed the ticket, and saving meets the conflict rules", async () => {
    const ticket = makeTicket({ id: '5', title: 'Slow exports', priority: 'LOW', version: 1, history: historyOf([created]) });
    const updateTicket = vi.fn((): UpdateTicketPayload => ({
      __typename: 'UpdateTicketPayload',
      ticket: null,
      userErrors: [{ __typename: 'UserError', field: 'expectedVersion', code: 'CONFLICT', message: 'Changed meanwhile.' }],
    }));
    const { backend, setCurrent, subscribed } = await page(ticket, { updateTicket });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await subscribed();
    const title = screen.getByLabelText<HTMLInputElement>('Title');
    await user.clear(title);
    await user.type(title, 'Exports are slow since Monday');

    const beasWrite = { field: 'PRIORITY' as const, from: 'LOW', to: 'CRITICAL' };
    const theirs = { ...ticket, priority: 'CRITICAL' as const, version: 2, updatedBy: bea };
    const activity = changed(theirs, bea, [beasWrite]);
    setCurrent({ ...theirs, history: historyOf([created, ...activity.events]) });
    await backend.pushActivity(activity);

    const notice = await screen.findByRole('status', { name: 'Changed by someone else while you edit' });
    expect(within(notice).getByText('Priority')).toBeTruthy();
    expect(within(notice).getByText('Critical')).toBeTruthy();
    // Nothing of the draft is overwritten: their priority is not forced into the form either.
    expect(title.value).toBe('Exports are slow since Monday');
    expect(screen.getByLabelText<HTMLSelectElement>('Priority').value).toBe('LOW');

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(updateTicket).toHaveBeenCalledWith(
      { id: '5', input: { title: 'Exports are slow since Monday', expectedVersion: 1 } },
      expect.anything(),
      expect.anything(),
    );
    const conflict = await screen.findByRole('alert', { name: 'Changed meanwhile by someone else' });
    expect(within(conflict).getByRole('button', { name: 'Re-apply my change' })).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Changed by someone else while you edit' })).toBeNull();
  });
});

describe('the dashboard, live', () => {
  it('reads its figures again on activity', async () => {
    const stats = vi.fn(() => {
      throw topLevelError('INTERNAL_SERVER_ERROR');
    });
    const backend = createFakeBackend({ ...sessionOf(alex), stats });
    // The page itself: the app loads it lazily, which a busy machine makes slow to wait for.
    renderWithApp(<DashboardPage />, { client: backend.client, url: '/dashboard' });
    await screen.findByRole('button', { name: 'Retry' });
    await waitFor(() => expect(backend.subscriptions()).toEqual(['StatsLive']));
    const before = stats.mock.calls.length;
    await backend.pushActivity(changed(makeTicket({ id: '1', version: 2 }), bea, [{ field: 'STATUS', from: 'OPEN', to: 'CLOSED' }]));
    await waitFor(() => expect(stats.mock.calls.length).toBeGreaterThan(before));
  });
});
