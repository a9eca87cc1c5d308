// The session across the app, against the real contract: a session that ends under
// the agent sends them to sign in with the way back; the top bar says who is signed
// in and offers administration to administrators only; signing out forgets what was
// cached.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  connectionOf,
  createFakeBackend,
  makeTicket,
  makeUser,
  sessionOf,
  topLevelError,
  type User,
} from '../../../test/support/fake-backend.js';
import { currentUrl, renderApp } from '../../../test/support/render.js';

const agent = makeUser({ id: '1', displayName: 'Alex Agent', role: 'AGENT' });
const admin = makeUser({ id: '2', displayName: 'Ada Admin', role: 'ADMIN' });

const mainNav = () => screen.getByRole('navigation', { name: 'Main' });

describe('the session', () => {
  it('sends the agent to sign in, with the way back, when an operation finds the session ended', async () => {
    const backend = createFakeBackend({
      ...sessionOf(agent),
      tickets: () => {
        throw topLevelError('UNAUTHENTICATED');
      },
    });
    const router = renderApp({ client: backend.client, url: '/tickets?q=printer' });

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(currentUrl(router)).toBe(`/signin?next=${encodeURIComponent('/tickets?q=printer')}`);
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
  });

  it('asks the server who is signed in once, whatever the screens', async () => {
    const backend = createFakeBackend({ ...sessionOf(agent), tickets: () => connectionOf([makeTicket()]), ticket: () => makeTicket() });
    renderApp({ client: backend.client, url: '/tickets' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Cannot log in' }));
    await screen.findByRole('heading', { name: 'Cannot log in' });
    expect(backend.calls.filter((call) => call.operation === 'SessionPage')).toHaveLength(1);
  });

  it('shows who is signed in, and no administration to an agent', async () => {
    const backend = createFakeBackend({ ...sessionOf(agent), tickets: () => connectionOf([]) });
    renderApp({ client: backend.client, url: '/tickets' });
    await screen.findByText('Alex Agent');
    expect(screen.getByText('Agent', { selector: '.badge' })).toBeTruthy();
    expect(within(mainNav()).queryByRole('link', { name: 'Users' })).toBeNull();
    expect(within(mainNav()).queryByRole('link', { name: 'API tokens' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Account' })).toBeTruthy();
  });

  it('tells an agent who opens an administration screen that it is not theirs, and asks nothing of the server', async () => {
    const backend = createFakeBackend(sessionOf(agent));
    renderApp({ client: backend.client, url: '/admin/users' });
    expect(await screen.findByRole('heading', { name: 'You do not have permission' })).toBeTruthy();
    expect(backend.calls.map((call) => call.operation)).toEqual(['SessionPage']);
  });

  it('offers administration to an administrator', async () => {
    const backend = createFakeBackend({ ...sessionOf(admin), tickets: () => connectionOf([]) });
    renderApp({ client: backend.client, url: '/tickets' });
    await screen.findByText('Ada Admin');
    expect(within(mainNav()).getByRole('link', { name: 'Users' }).getAttribute('href')).toBe('/admin/users');
    expect(within(mainNav()).getByRole('link', { name: 'API tokens' }).getAttribute('href')).toBe('/admin/tokens');
  });

  it('signs out: to the sign-in screen, with nothing of the session left in the cache', async () => {
    let me: User | null = agent;
    const backend = createFakeBackend({
      me: () => me,
      authStatus: () => ({ setupRequired: false }),
      tickets: () => connectionOf([makeTicket({ id: '5', title: 'Secret customer issue' })]),
      signOut: vi.fn(() => {
        me = null;
        return { signedOut: true };
      }),
    });
    const router = renderApp({ client: backend.client, url: '/tickets' });
    await screen.findByRole('link', { name: 'Secret customer issue' });

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(currentUrl(router)).toBe('/signin');
    expect(backend.resolvers.signOut).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull());
    const cached = JSON.stringify(backend.client.cache.extract());
    expect(cached).not.toContain('Secret customer issue');
    expect(cached).not.toContain('Alex Agent');
  });
});
