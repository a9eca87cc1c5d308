// Sorting the tickets list, the whole app against the real contract: the order is
// asked of the server, kept in the URL as a step Back undoes, and read back from a URL.
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { connectionOf, createFakeBackend, makeTicket, makeUser, sessionOf } from '../../../test/support/fake-backend.js';
import { currentUrl, renderApp } from '../../../test/support/render.js';

function setup(url: string) {
  const backend = createFakeBackend({
    ...sessionOf(makeUser()),
    tickets: () => connectionOf([makeTicket({ id: '3', title: 'Printer on fire', priority: 'CRITICAL' })]),
  });
  const router = renderApp({ client: backend.client, url });
  const lastOrder = () => backend.calls.filter((c) => c.operation === 'TicketsPage').at(-1)?.variables.orderBy;
  return { router, lastOrder, user: userEvent.setup() };
}

describe('TicketSortControl', () => {
  it('asks the server for the order chosen and keeps it in the URL, a step Back undoes', async () => {
    const { router, lastOrder, user } = setup('/tickets?status=OPEN');
    await screen.findByRole('link', { name: 'Printer on fire' });
    const sort = screen.getByLabelText<HTMLSelectElement>('Sort');
    expect(sort.value).toBe('NEWEST_FIRST');
    expect(lastOrder()).toBe('NEWEST_FIRST');

    await user.selectOptions(sort, 'Critical first');
    await waitFor(() => expect(currentUrl(router)).toBe('/tickets?status=OPEN&sort=priority'));
    await waitFor(() => expect(lastOrder()).toBe('PRIORITY'));

    await act(() => router.navigate(-1));
    await waitFor(() => expect(currentUrl(router)).toBe('/tickets?status=OPEN'));
    await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>('Sort').value).toBe('NEWEST_FIRST'));
  });

  it('opens in the order its URL names, and keeps it when the filters are cleared', async () => {
    const { router, lastOrder, user } = setup('/tickets?status=OPEN&sort=changed');
    await screen.findByRole('link', { name: 'Printer on fire' });
    expect(screen.getByLabelText<HTMLSelectElement>('Sort').value).toBe('RECENTLY_CHANGED');
    expect(lastOrder()).toBe('RECENTLY_CHANGED');
    await user.click(screen.getByRole('button', { name: 'Clear filters and search' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/tickets?sort=changed'));
  });
});
