// The first administrator, against the real contract: created with the setup link's
// token and signed in at once; a link that no longer works is said plainly; once an
// administrator exists the page says so.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { connectionOf, createFakeBackend, makeUser, type SignInPayload, type User } from '../../../test/support/fake-backend.js';
import { currentUrl, renderApp } from '../../../test/support/render.js';

const ada = makeUser({ id: '1', email: 'ada@example.com', displayName: 'Ada Admin', role: 'ADMIN' });

function freshInstall(completeSetup: () => SignInPayload) {
  let me: User | null = null;
  return createFakeBackend({
    me: () => me,
    authStatus: () => ({ setupRequired: me === null }),
    tickets: () => connectionOf([]),
    completeSetup: vi.fn(() => {
      const payload = completeSetup();
      me = payload.user;
      return payload;
    }),
  });
}

async function fillIn() {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Your name'), 'Ada Admin');
  await user.type(screen.getByLabelText('Password'), 'a long enough passphrase');
  await user.click(screen.getByRole('button', { name: 'Create administrator' }));
}

describe('SetupPage', () => {
  it('creates the first administrator with the link’s token and signs them in', async () => {
    const backend = freshInstall(() => ({ user: ada, userErrors: [] }));
    const router = renderApp({ client: backend.client, url: '/setup?token=s3tup' });
    await fillIn();

    expect(await screen.findByRole('heading', { name: 'Tickets' })).toBeTruthy();
    expect(currentUrl(router)).toBe('/tickets');
    expect(screen.getByText('Ada Admin')).toBeTruthy();
    expect(backend.resolvers.completeSetup).toHaveBeenCalledWith(
      { input: { token: 's3tup', email: 'ada@example.com', displayName: 'Ada Admin', password: 'a long enough passphrase' } },
      expect.anything(),
      expect.anything(),
    );
  });

  it('says plainly when the link no longer works', async () => {
    const backend = freshInstall(() => ({ user: null, userErrors: [{ field: 'token', code: 'INVALID_LINK', message: 'Invalid link.' }] }));
    const router = renderApp({ client: backend.client, url: '/setup?token=used' });
    await fillIn();

    expect((await screen.findByRole('alert')).textContent).toContain('This setup link does not work');
    expect(currentUrl(router)).toBe('/setup?token=used');
  });

  it('checks the password length before sending', async () => {
    const backend = freshInstall(() => ({ user: ada, userErrors: [] }));
    renderApp({ client: backend.client, url: '/setup?token=s3tup' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Your name'), 'Ada');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create administrator' }));

    const password = screen.getByLabelText('Password');
    expect(screen.getByText('Use at least 10 characters (5 so far).').id).toBe(
      password.getAttribute('aria-describedby')?.split(' ').at(-1),
    );
    expect(document.activeElement).toBe(password);
    expect(backend.resolvers.completeSetup).not.toHaveBeenCalled();
  });

  it('says setup is done once an administrator exists', async () => {
    const backend = createFakeBackend({ me: () => null, authStatus: () => ({ setupRequired: false }) });
    renderApp({ client: backend.client, url: '/setup?token=late' });
    expect(await screen.findByText('Setup is done: an administrator exists.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create administrator' })).toBeNull();
  });
});
