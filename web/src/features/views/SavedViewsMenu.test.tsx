// The Views menu of the navigation, the whole app against the real contract: each of
// the person's views is a link to the list showing it; the view on screen names the
// menu and is the current page; nothing is asked of the server until the menu is
// needed.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { connectionOf, createFakeBackend, makeSavedView, makeTicket, makeUser, sessionOf } from '../../../test/support/fake-backend.js';
import { currentUrl, renderApp } from '../../../test/support/render.js';

const agent = makeUser({ id: '1', displayName: 'Alex Agent', role: 'AGENT' });
const critical = makeSavedView({
  id: '1',
  name: 'Critical first',
  orderBy: 'PRIORITY',
  filter: { ...makeSavedView().filter, statuses: ['OPEN', 'IN_PROGRESS'] },
});
const mine = makeSavedView({
  id: '2',
  name: 'Mine, last changed',
  orderBy: 'RECENTLY_CHANGED',
  filter: { ...makeSavedView().filter, assignee: { __typename: 'SavedViewAssignee', me: true, none: false, userIds: [] } },
});

const nav = () => screen.getByRole('navigation', { name: 'Main' });

function setup(url: string) {
  const backend = createFakeBackend({
    ...sessionOf(agent),
    tickets: () => connectionOf([makeTicket({ id: '3', title: 'Printer on fire' })]),
    savedViews: () => [critical, mine],
  });
  const router = renderApp({ client: backend.client, url });
  return { backend, router, user: userEvent.setup() };
}

describe('SavedViewsMenu', () => {
  it('lists the person’s views as links to the list showing each, and opens one', async () => {
    const { router, user } = setup('/tickets');
    await screen.findByRole('link', { name: 'Printer on fire' });
    await user.click(within(nav()).getByRole('button', { name: 'Views' }));
    const list = within(nav()).getByRole('list', { name: 'Saved views' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Critical first', '/tickets?status=OPEN&status=IN_PROGRESS&sort=priority'],
      ['Mine, last changed', '/tickets?assignee=me&sort=changed'],
    ]);
    expect(within(nav()).getByRole('link', { name: 'Rename or delete views' }).getAttribute('href')).toBe('/views');

    await user.click(within(list).getByRole('link', { name: 'Mine, last changed' }));
    expect(currentUrl(router)).toBe('/tickets?assignee=me&sort=changed');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mine, last changed' })).toBeTruthy();
    expect(within(nav()).queryByRole('list', { name: 'Saved views' })).toBeNull();
  });

  it('names the view on screen, whatever order its URL lists the parameters in, marks its link current, and closes on Escape', async () => {
    const { user } = setup('/tickets?sort=priority&status=IN_PROGRESS&status=OPEN');
    await screen.findByRole('link', { name: 'Printer on fire' });
    const button = await within(nav()).findByRole('button', { name: 'View: Critical first' });
    expect(button.className).toContain('active');
    await user.click(button);
    expect(within(nav()).getByRole('link', { name: 'Critical first' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav()).getByRole('link', { name: 'Mine, last changed' }).getAttribute('aria-current')).toBeNull();
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(button);
    expect(within(nav()).queryByRole('list', { name: 'Saved views' })).toBeNull();
  });

  it('asks for the views only when the menu opens, away from the tickets list', async () => {
    const { backend, user } = setup('/account');
    await screen.findByText('Alex Agent');
    expect(backend.calls.map((call) => call.operation)).not.toContain('SavedViews');
    await user.click(within(nav()).getByRole('button', { name: 'Views' }));
    expect(await within(nav()).findByRole('link', { name: 'Critical first' })).toBeTruthy();
    expect(backend.calls.filter((call) => call.operation === 'SavedViews')).toHaveLength(1);
  });

  it('names no view when the list shows more than a view does', async () => {
    const { user } = setup('/tickets?sort=priority&status=IN_PROGRESS&status=OPEN&category=BILLING');
    await screen.findByRole('link', { name: 'Printer on fire' });
    await user.click(within(nav()).getByRole('button', { name: 'Views' }));
    // Loaded, and still none is the view on screen.
    const link = await within(nav()).findByRole('link', { name: 'Critical first' });
    expect(link.getAttribute('aria-current')).toBeNull();
    expect(within(nav()).getByRole('button', { name: 'Views' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tickets');
  });
});
