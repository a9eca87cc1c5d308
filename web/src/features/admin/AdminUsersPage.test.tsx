// The administrators' users screen, against the real contract: the list, inviting
// (the link shown once, copyable), creating with a password, and a refused
// deactivation of the last administrator said in its row and undone.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBackend, makeUser, sessionOf, type FakeResolvers, type User } from '../../../test/support/fake-backend.js';
import { renderApp } from '../../../test/support/render.js';
import { choose, menuButton } from '../../../test/support/choice-menu.js';
import { ROLE_LABEL } from '../auth/auth-enums.js';

const ada = makeUser({ id: '1', displayName: 'Ada Admin', email: 'ada@example.com', role: 'ADMIN' });
const alex = makeUser({ id: '2', displayName: 'Alex Agent', email: 'alex@example.com', role: 'AGENT' });

function adminServer(more: Partial<FakeResolvers> = {}) {
  const users: User[] = [ada, alex];
  return createFakeBackend({ ...sessionOf(ada), users: () => users, ...more });
}

const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('AdminUsersPage', () => {
  it('lists everyone with their role and whether they can sign in', async () => {
    const backend = createFakeBackend({
      ...sessionOf(ada),
      users: () => [
        ada,
        alex,
        makeUser({ id: '3', displayName: 'Sam New', invitationPending: true }),
        makeUser({ id: '4', displayName: 'Old Timer', active: false }),
      ],
    });
    renderApp({ client: backend.client, url: '/admin/users' });
    await screen.findByRole('heading', { name: 'Users', level: 1 });
    await screen.findByRole('row', { name: /Old Timer/ });

    expect(menuButton(row('Ada Admin'), 'Role of Ada Admin').textContent).toBe(ROLE_LABEL.ADMIN);
    expect(within(row('Ada Admin')).getByText('(you)')).toBeTruthy();
    expect(within(row('Alex Agent')).getByText('Active')).toBeTruthy();
    expect(within(row('Sam New')).getByText('Invitation pending')).toBeTruthy();
    expect(within(row('Old Timer')).getByText('Deactivated')).toBeTruthy();
    expect(within(row('Old Timer')).getByRole('button', { name: 'Reactivate Old Timer' })).toBeTruthy();
  });

  it('invites someone: the link is shown once with a copy button, and they join the list as pending', async () => {
    const sam = makeUser({ id: '3', displayName: 'Sam Smith', email: 'sam@example.com', invitationPending: true });
    const inviteUser = vi.fn(() => ({ user: sam, invitationUrl: 'https://tickets.example.com/invitation?token=once', userErrors: [] }));
    const backend = adminServer({ inviteUser });
    renderApp({ client: backend.client, url: '/admin/users' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Email'), 'sam@example.com');
    await user.type(screen.getByLabelText('Name'), 'Sam Smith');
    await user.click(screen.getByRole('button', { name: 'Invite' }));

    const link = await screen.findByLabelText<HTMLInputElement>('Invitation link');
    expect(link.value).toBe('https://tickets.example.com/invitation?token=once');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Invitation for Sam Smith' }));
    expect(screen.getByText(/It will not be shown again/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('https://tickets.example.com/invitation?token=once');
    expect(screen.getByText('Copied.')).toBeTruthy();

    expect(within(row('Sam Smith')).getByText('Invitation pending')).toBeTruthy();
    expect(inviteUser).toHaveBeenCalledWith(
      { input: { email: 'sam@example.com', displayName: 'Sam Smith', role: 'AGENT' } },
      expect.anything(),
      expect.anything(),
    );
    // The form starts over, without scolding its empty fields.
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe('');
    expect(screen.queryByText('Enter an email address.')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('Invitation link')).toBeNull();
  });

  it('creates a user with a password, and shows an email in use at its field', async () => {
    let taken = true;
    const createUser = vi.fn(({ input }: { input: { email: string; displayName: string; role: 'ADMIN' | 'AGENT' } }) =>
      taken
        ? { user: null, userErrors: [{ field: 'email', code: 'TAKEN' as const, message: 'This email is already in use.' }] }
        : { user: makeUser({ id: '5', email: input.email, displayName: input.displayName, role: input.role }), userErrors: [] },
    );
    const backend = adminServer({ createUser });
    renderApp({ client: backend.client, url: '/admin/users' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Email'), 'alex@example.com');
    await user.type(screen.getByLabelText('Name'), 'Second Admin');
    await user.selectOptions(screen.getByLabelText('Role'), 'ADMIN');
    await user.selectOptions(screen.getByLabelText('Signing in'), 'PASSWORD');
    await user.type(screen.getByLabelText('Password'), 'a shared passphrase');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    const message = await screen.findByText('This email is already in use.');
    expect(screen.getByLabelText('Email').getAttribute('aria-describedby')).toContain(message.id);

    taken = false;
    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'second@example.com');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('Second Admin can now sign in with the password you set.')).toBeTruthy();
    expect(menuButton(row('Second Admin'), 'Role of Second Admin').textContent).toBe(ROLE_LABEL.ADMIN);
    expect(createUser.mock.calls[1]![0].input).toEqual({
      email: 'second@example.com',
      displayName: 'Second Admin',
      role: 'ADMIN',
      password: 'a shared passphrase',
    });
  });

  it('says clearly in the row why the last administrator stays, and undoes the change', async () => {
    const updateUser = vi.fn(() => ({
      user: null,
      userErrors: [{ field: 'active', code: 'LAST_ADMIN' as const, message: 'Last admin.' }],
    }));
    const backend = adminServer({ updateUser });
    renderApp({ client: backend.client, url: '/admin/users' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Deactivate Ada Admin' }));

    const alert = await within(row('Ada Admin')).findByRole('alert');
    expect(alert.textContent).toBe(
      'Status not changed: there must be at least one active administrator. Make someone else an administrator first.',
    );
    await waitFor(() => expect(within(row('Ada Admin')).getByText('Active')).toBeTruthy());
    expect(updateUser).toHaveBeenCalledWith({ id: '1', input: { active: false } }, expect.anything(), expect.anything());
  });

  it('changes a role in place', async () => {
    const updateUser = vi.fn(({ id, input }: { id: string; input: { role?: 'ADMIN' | 'AGENT' | null } }) => ({
      user: { ...(id === alex.id ? alex : ada), role: input.role ?? 'AGENT' },
      userErrors: [],
    }));
    const backend = adminServer({ updateUser });
    renderApp({ client: backend.client, url: '/admin/users' });
    const user = userEvent.setup();
    await screen.findByRole('button', { name: /^Role of Alex Agent: / });
    await choose(user, menuButton(row('Alex Agent'), 'Role of Alex Agent'), ROLE_LABEL.ADMIN);
    expect(menuButton(row('Alex Agent'), 'Role of Alex Agent').textContent).toBe(ROLE_LABEL.ADMIN);
    await waitFor(() =>
      expect(updateUser).toHaveBeenCalledWith({ id: '2', input: { role: 'ADMIN' } }, expect.anything(), expect.anything()),
    );
    expect(within(row('Alex Agent')).queryByRole('alert')).toBeNull();
  });
});
