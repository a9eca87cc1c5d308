// "Save view" on the tickets list, the whole app against the real contract: the
// dialog says what will be saved, checks the name as the server will, shows the
// server's refusal on the name field, and once saved the view is in the navigation
// and is the view on screen.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  connectionOf,
  createFakeBackend,
  makeSavedView,
  makeTicket,
  makeUser,
  sessionOf,
  type SavedView,
  type SavedViewPayload,
} from '../../../test/support/fake-backend.js';
import type { CreateSavedViewInput } from '../../gql/graphql.js';
import { renderApp } from '../../../test/support/render.js';

const agent = makeUser({ id: '1', displayName: 'Alex Agent', role: 'AGENT' });

/** The server's view of a saved input, as it would answer it. */
function answered(input: CreateSavedViewInput, id: string): SavedView {
  const filter = input.filter ?? {};
  return makeSavedView({
    id,
    name: input.name.trim(),
    search: input.search ?? null,
    orderBy: input.orderBy ?? 'NEWEST_FIRST',
    filter: {
      ...makeSavedView().filter,
      statuses: filter.statuses ?? null,
      priorities: filter.priorities ?? null,
      categories: filter.categories ?? null,
    },
  });
}

function setup(refuse?: (input: CreateSavedViewInput) => SavedViewPayload['userErrors']) {
  const views: SavedView[] = [];
  const createSavedView = vi.fn(({ input }: { input: CreateSavedViewInput }): SavedViewPayload => {
    const userErrors = refuse?.(input) ?? [];
    if (userErrors.length) return { __typename: 'SavedViewPayload', savedView: null, userErrors };
    const view = answered(input, String(views.length + 1));
    views.push(view);
    return { __typename: 'SavedViewPayload', savedView: view, userErrors: [] };
  });
  const backend = createFakeBackend({
    ...sessionOf(agent),
    tickets: () => connectionOf([makeTicket({ id: '3', title: 'Refund twice', priority: 'CRITICAL' })]),
    savedViews: () => views,
    createSavedView,
  });
  renderApp({ client: backend.client, url: '/tickets?status=OPEN&q=refund&sort=priority' });
  return { backend, createSavedView, user: userEvent.setup() };
}

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('link', { name: 'Refund twice' });
  await user.click(screen.getByRole('button', { name: 'Save view' }));
  return screen.getByRole('dialog', { name: 'Save this view' });
}

describe('SaveViewDialog', () => {
  it('saves the filters, search and order on screen under a name; the view is then in the navigation and on screen', async () => {
    const { createSavedView, user } = setup();
    const dialog = await openDialog(user);
    expect(within(dialog).getByText('Status: Open · Search: “refund” · Sorted: Critical first')).toBeTruthy();
    const name = within(dialog).getByLabelText('Name');
    expect(document.activeElement).toBe(name);

    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    expect(within(dialog).getByText('Give the view a name.')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(createSavedView).not.toHaveBeenCalled();

    await user.type(name, '  Open refunds ');
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(createSavedView.mock.calls[0]![0].input).toEqual({
      name: 'Open refunds',
      filter: { statuses: ['OPEN'] },
      search: 'refund',
      orderBy: 'PRIORITY',
    });
    expect(screen.getByText('Saved “Open refunds”: it is under Views in the navigation.')).toBeTruthy();
    // The list on screen is now that view: its name heads the page and the navigation says so.
    expect(await screen.findByRole('heading', { level: 1, name: 'Open refunds' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'View: Open refunds' }));
    const link = within(nav).getByRole('link', { name: 'Open refunds' });
    expect(link.getAttribute('href')).toBe('/tickets?status=OPEN&q=refund&sort=priority');
    expect(link.getAttribute('aria-current')).toBe('page');
  });

  it('shows the server’s refusal of the name on the name field, and keeps the dialog open', async () => {
    const { user } = setup(() => [
      { __typename: 'UserError', field: 'name', code: 'TAKEN', message: 'You already have a view with this name.' },
    ]);
    const dialog = await openDialog(user);
    await user.type(within(dialog).getByLabelText('Name'), 'Open refunds');
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    expect(await within(dialog).findByText('You already have a view with this name: choose another.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('dialog', { name: 'Save this view' })).toBe(dialog);
  });

  it('says above the form what no field can show: the limit reached', async () => {
    const { user } = setup(() => [
      { __typename: 'UserError', field: null, code: 'TOO_MANY', message: 'You can keep at most 50 views: delete one first.' },
    ]);
    const dialog = await openDialog(user);
    await user.type(within(dialog).getByLabelText('Name'), 'One more');
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe('The view was not saved.You can keep at most 50 views: delete one first.');
  });

  it('closes on Cancel without saving, focus back on its button', async () => {
    const { createSavedView, user } = setup();
    const dialog = await openDialog(user);
    await user.type(within(dialog).getByLabelText('Name'), 'Never mind');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save view' }));
    expect(createSavedView).not.toHaveBeenCalled();
  });
});
