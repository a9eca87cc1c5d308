// The page of one's saved views, the whole app against the real contract: each opens
// the list it shows, is renamed in place (the server's refusal on the name field), and
// is deleted after one more question; the navigation follows.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  createFakeBackend,
  makeSavedView,
  makeUser,
  sessionOf,
  type DeleteSavedViewPayload,
  type RenameSavedViewPayload,
  type SavedView,
} from '../../../test/support/fake-backend.js';
import { renderApp } from '../../../test/support/render.js';

const agent = makeUser({ id: '1', displayName: 'Alex Agent', role: 'AGENT' });

function setup(initial: SavedView[]) {
  let views = [...initial];
  const updateSavedView = vi.fn(({ id, input }: { id: string; input: { name?: string | null } }): RenameSavedViewPayload => {
    if (input.name === 'Taken') {
      return {
        __typename: 'SavedViewPayload',
        savedView: null,
        userErrors: [{ __typename: 'UserError', field: 'name', code: 'TAKEN', message: 'You already have a view with this name.' }],
      };
    }
    views = views.map((view) => (view.id === id ? { ...view, name: input.name! } : view));
    return { __typename: 'SavedViewPayload', savedView: views.find((view) => view.id === id)!, userErrors: [] };
  });
  const deleteSavedView = vi.fn(({ id }: { id: string }): DeleteSavedViewPayload => {
    views = views.filter((view) => view.id !== id);
    return { __typename: 'DeleteSavedViewPayload', deletedId: id, userErrors: [] };
  });
  const backend = createFakeBackend({ ...sessionOf(agent), savedViews: () => views, updateSavedView, deleteSavedView });
  renderApp({ client: backend.client, url: '/views' });
  return { updateSavedView, deleteSavedView, user: userEvent.setup() };
}

const queue = makeSavedView({
  id: '7',
  name: 'Queue',
  orderBy: 'PRIORITY',
  filter: { ...makeSavedView().filter, statuses: ['OPEN'] },
});

describe('SavedViewsPage', () => {
  it('lists each view with what it shows, linking to the list', async () => {
    setup([queue]);
    const item = (await screen.findByRole('heading', { name: 'Queue' })).closest('li')!;
    expect(within(item).getByRole('link', { name: 'Queue' }).getAttribute('href')).toBe('/tickets?status=OPEN&sort=priority');
    expect(within(item).getByText('Status: Open · Sorted: Critical first')).toBeTruthy();
  });

  it('renames a view in place, showing a name in use on the field', async () => {
    const { user, updateSavedView } = setup([queue]);
    await user.click(await screen.findByRole('button', { name: 'Rename “Queue”' }));
    const field = screen.getByLabelText('New name');
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.type(field, 'Taken');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('You already have a view with this name: choose another.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');

    await user.clear(field);
    await user.type(field, 'Morning queue');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByRole('heading', { name: 'Morning queue' })).toBeTruthy();
    expect(updateSavedView).toHaveBeenLastCalledWith({ id: '7', input: { name: 'Morning queue' } }, expect.anything(), expect.anything());
    // The navigation shows the new name too: one cached view.
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Views' }));
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Morning queue' })).toBeTruthy();
  });

  it('deletes a view after asking once more, and keeps it when told to', async () => {
    const { user, deleteSavedView } = setup([queue, makeSavedView({ id: '8', name: 'Other' })]);
    await user.click(await screen.findByRole('button', { name: 'Delete “Queue”' }));
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(deleteSavedView).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Delete “Queue”' }));
    await user.click(within(screen.getByRole('group', { name: 'Delete “Queue”?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Queue' })).toBeNull());
    expect(screen.getByText('Deleted “Queue”.').getAttribute('role')).toBe('status');
    expect(screen.getByRole('heading', { name: 'Other' })).toBeTruthy();
  });

  it('says how to save one when there is none', async () => {
    setup([]);
    expect(await screen.findByText(/No saved views yet/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the tickets list' }).getAttribute('href')).toBe('/tickets');
  });
});
