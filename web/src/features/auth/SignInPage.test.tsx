// Signing in, the whole app against the real contract: an anonymous visitor is sent to
// sign in and brought back where they were; a wrong password or too many attempts are
// said plainly; a `next` leading elsewhere is refused; a fresh install says where the
// setup link is.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  connectionOf,
  createFakeBackend,
  makeTicket,
  makeUser,
  topLevelError,
  type FakeResolvers,
  type SignInPayload,
  type User,
} from '../../../test/support/fake-backend.js';
import { currentUrl, renderApp } from '../../../test/support/render.js';

const alex = makeUser({ id: '1', displayName: 'Alex Agent', email: 'alex@example.com', role: 'AGENT' });

/** A server where nobody is signed in until `signIn` answers with a user. */
function anonymousServer(signIn: FakeResolvers['signIn'], more: Partial<FakeResolvers> = {}) {
  let me: User | null = null;
  const backend = createFakeBackend({
    me: () => me,
    authStatus: () => ({ setupRequired: false }),
    signIn: vi.fn(async (args: Parameters<FakeResolvers['signIn']>[0]) => {
      const payload = await signIn(args);
      me = payload.user;
      return payload;
    }),
    ...more,
  });
  return backend;
}

const accepting = (): SignInPayload => ({ user: alex, userErrors: [] });

async function signInWith(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('signing in', () => {
  it('sends an anonymous visitor to sign in, and back to the screen they asked for', async () => {
    const backend = anonymousServer(accepting, { ticket: () => makeTicket({ id: '3', title: 'Printer on fire' }) });
    const router = renderApp({ client: backend.client, url: '/tickets/3' });

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(currentUrl(router)).toBe('/signin?next=%2Ftickets%2F3');
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();

    await signInWith('alex@example.com', 'correct horse battery');

    expect(await screen.findByRole('heading', { name: 'Printer on fire' })).toBeTruthy();
    expect(currentUrl(router)).toBe('/tickets/3');
    expect(backend.resolvers.signIn).toHaveBeenCalledWith(
      { input: { email: 'alex@example.com', password: 'correct horse battery' } },
      expect.anything(),
      expect.anything(),
    );
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByText('Alex Agent')).toBeTruthy();
  });

  it('goes to the tickets, not to another site, when `next` is //evil.example', async () => {
    const backend = anonymousServer(accepting, { tickets: () => connectionOf([]) });
    const router = renderApp({ client: backend.client, url: '/signin?next=//evil.example' });
    await signInWith('alex@example.com', 'correct horse battery');
    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets'));
    expect(currentUrl(router)).toBe('/tickets');
  });

  it('says once that the email or password is wrong, and stays', async () => {
    const backend = anonymousServer(() => ({
      user: null,
      userErrors: [{ field: null, code: 'INVALID_CREDENTIALS', message: 'Invalid credentials.' }],
    }));
    const router = renderApp({ client: backend.client, url: '/signin?next=%2Ftickets' });
    await signInWith('alex@example.com', 'wrong password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The email address or the password is wrong.');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('form', { name: 'Sign in' }).getAttribute('aria-describedby')).toBe(alert.id);
    expect(currentUrl(router)).toBe('/signin?next=%2Ftickets');
  });

  it('says how long to wait when the server throttles sign-in attempts', async () => {
    const backend = anonymousServer(() => {
      throw topLevelError('RATE_LIMITED', { retryAfter: 270 });
    });
    renderApp({ client: backend.client, url: '/signin' });
    await signInWith('alex@example.com', 'another guess');
    expect((await screen.findByRole('alert')).textContent).toContain('Too many attempts, try again in 5 minutes.');
  });

  it('asks for both fields before sending anything', async () => {
    const backend = anonymousServer(accepting);
    renderApp({ client: backend.client, url: '/signin' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter an email address.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Email'));
    expect(backend.resolvers.signIn).not.toHaveBeenCalled();
  });

  it('says where the setup link is while no administrator exists', async () => {
    const backend = createFakeBackend({ me: () => null, authStatus: () => ({ setupRequired: true }) });
    renderApp({ client: backend.client, url: '/tickets' });
    const note = await screen.findByRole('note');
    expect(note.textContent).toMatch(/setup link to its log/);
    expect(note.textContent).toMatch(/README/);
  });
});
