// One's own account, against the real contract: a new name shows everywhere at once;
// the server's refusals of a password change land at their fields, wired to them.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBackend, makeUser, sessionOf, type UserPayload } from '../../../test/support/fake-backend.js';
import { renderApp } from '../../../test/support/render.js';

const alex = makeUser({ id: '1', displayName: 'Alex Agent', email: 'alex@example.com' });

function refusing(field: string, code: 'WRONG_PASSWORD' | 'TOO_COMMON') {
  return vi.fn((): UserPayload => ({ user: null, userErrors: [{ field, code, message: `server says ${code}` }] }));
}

async function changePassword(current: string, next: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Current password'), current);
  await user.type(screen.getByLabelText('New password'), next);
  await user.type(screen.getByLabelText('New password again'), next);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('AccountPage', () => {
  it('shows a wrong current password at its field, wired to it, and focuses it', async () => {
    const changePasswordResolver = refusing('currentPassword', 'WRONG_PASSWORD');
    const backend = createFakeBackend({ ...sessionOf(alex), changePassword: changePasswordResolver });
    renderApp({ client: backend.client, url: '/account' });
    await changePassword('not it at all', 'a brand new passphrase');

    const message = await screen.findByText('This is not your current password.');
    const current = screen.getByLabelText('Current password');
    expect(current.getAttribute('aria-describedby')).toContain(message.id);
    expect(current.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(current);
    expect(changePasswordResolver).toHaveBeenCalledWith(
      { input: { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' } },
      expect.anything(),
      expect.anything(),
    );
  });

  it('shows a too common new password at the new password', async () => {
    const backend = createFakeBackend({ ...sessionOf(alex), changePassword: refusing('newPassword', 'TOO_COMMON') });
    renderApp({ client: backend.client, url: '/account' });
    await changePassword('my current one', 'password123456');

    const message = await screen.findByText('server says TOO_COMMON');
    expect(screen.getByLabelText('New password').getAttribute('aria-describedby')).toContain(message.id);
  });

  it('says a changed password is saved, and empties the fields without scolding them', async () => {
    const backend = createFakeBackend({ ...sessionOf(alex), changePassword: () => ({ user: alex, userErrors: [] }) });
    renderApp({ client: backend.client, url: '/account' });
    await changePassword('my current one', 'a brand new passphrase');

    expect(await screen.findByText('Password changed. Your other sessions were signed out.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Current password').value).toBe('');
    expect(screen.queryByText('Enter your password.')).toBeNull();
  });

  it('changes the display name, and the top bar follows', async () => {
    const updateMe = vi.fn(({ input }: { input: { displayName?: string | null } }): UserPayload => ({
      user: { ...alex, displayName: input.displayName ?? alex.displayName },
      userErrors: [],
    }));
    const backend = createFakeBackend({ ...sessionOf(alex), updateMe });
    renderApp({ client: backend.client, url: '/account' });
    const user = userEvent.setup();
    const name = await screen.findByLabelText('Display name');
    await user.clear(name);
    await user.type(name, 'Alexandra');
    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(await screen.findByText('Name saved.')).toBeTruthy();
    expect(screen.getByText('Alexandra', { selector: '.user-menu__name' })).toBeTruthy();
    expect(updateMe.mock.calls[0]![0].input).toEqual({ displayName: 'Alexandra' });
  });
});
