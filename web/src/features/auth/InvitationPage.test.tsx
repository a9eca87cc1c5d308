// Accepting an invitation, against the real contract: a password (and optionally a
// corrected name) with the link's token, then signed in; a dead link said plainly.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { connectionOf, createFakeBackend, makeUser, type SignInPayload, type User } from '../../../test/support/fake-backend.js';
import { currentUrl, renderApp } from '../../../test/support/render.js';

const sam = makeUser({ id: '4', displayName: 'Sam Smith' });

function invited(acceptInvitation: () => SignInPayload) {
  let me: User | null = null;
  return createFakeBackend({
    me: () => me,
    authStatus: () => ({ setupRequired: false }),
    tickets: () => connectionOf([]),
    acceptInvitation: vi.fn(() => {
      const payload = acceptInvitation();
      me = payload.user;
      return payload;
    }),
  });
}

it('sets the password, keeps the given name when none is typed, and signs in', async () => {
  const backend = invited(() => ({ user: sam, userErrors: [] }));
  const router = renderApp({ client: backend.client, url: '/invitation?token=inv1' });
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Password'), 'my own passphrase');
  await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));

  expect(await screen.findByRole('heading', { name: 'Tickets' })).toBeTruthy();
  expect(currentUrl(router)).toBe('/tickets');
  expect(backend.resolvers.acceptInvitation).toHaveBeenCalledWith(
    { input: { token: 'inv1', password: 'my own passphrase' } },
    expect.anything(),
    expect.anything(),
  );
});

it('says plainly when the invitation link no longer works', async () => {
  const backend = invited(() => ({ user: null, userErrors: [{ field: 'token', code: 'INVALID_LINK', message: 'Invalid link.' }] }));
  renderApp({ client: backend.client, url: '/invitation?token=old' });
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Your name (optional)'), 'Sam S.');
  await user.type(screen.getByLabelText('Password'), 'my own passphrase');
  await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));

  expect((await screen.findByRole('alert')).textContent).toContain('Ask an administrator for a new one.');
  expect(backend.resolvers.acceptInvitation).toHaveBeenCalledWith(
    { input: { token: 'old', password: 'my own passphrase', displayName: 'Sam S.' } },
    expect.anything(),
    expect.anything(),
  );
});
