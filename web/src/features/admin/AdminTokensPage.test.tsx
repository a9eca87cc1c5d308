// The administrators' API tokens screen, against the real contract: the list, creating
// a token (shown once, with the warning), and revoking only after confirming.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFakeBackend, makeApiToken, makeUser, sessionOf, type ApiToken } from '../../../test/support/fake-backend.js';
import { renderApp } from '../../../test/support/render.js';

const ada = makeUser({ id: '1', displayName: 'Ada Admin', role: 'ADMIN' });
const crm = makeApiToken({
  id: '7',
  name: 'CRM sync',
  prefix: 'st_crm1',
  scopes: ['TICKETS_WRITE', 'TICKETS_READ'],
  lastUsedAt: '2026-01-05T08:30:00Z',
  owner: ada,
});
const old = makeApiToken({ id: '8', name: 'Old export', prefix: 'st_old2', revokedAt: '2026-01-03T12:00:00Z', owner: ada });

/** A server keeping its tokens, so revoking and listing agree. */
function tokenServer(tokens: ApiToken[] = [crm, old]) {
  const revokeApiToken = vi.fn(({ id }: { id: string }) => {
    const token = tokens.find((t) => t.id === id)!;
    token.revokedAt = '2026-01-06T10:00:00Z';
    return { apiToken: token, userErrors: [] };
  });
  const backend = createFakeBackend({
    ...sessionOf(ada),
    apiTokens: ({ includeRevoked }) => tokens.filter((t) => includeRevoked || t.revokedAt === null),
    revokeApiToken,
  });
  return { backend, revokeApiToken };
}

const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('AdminTokensPage', () => {
  it('lists the tokens in use, with the revoked ones on request', async () => {
    const { backend } = tokenServer([{ ...crm }, { ...old }]);
    renderApp({ client: backend.client, url: '/admin/tokens' });
    await screen.findByRole('row', { name: /CRM sync/ });

    const crmRow = row('CRM sync');
    expect(within(crmRow).getByText('st_crm1…')).toBeTruthy();
    expect(within(crmRow).getByText('Read tickets, Create and change tickets')).toBeTruthy();
    expect(within(crmRow).getByText('Never')).toBeTruthy();
    expect(within(crmRow).getByText(/by Ada Admin/)).toBeTruthy();
    expect(screen.queryByRole('row', { name: /Old export/ })).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Show revoked tokens'));
    expect(within(await screen.findByRole('row', { name: /Old export/ })).getByText(/Revoked/)).toBeTruthy();
  });

  it('creates a token and shows it once, with the warning, and lists it', async () => {
    const created = makeApiToken({ id: '9', name: 'Zapier', prefix: 'st_zap3', scopes: ['CLASSIFY'], owner: ada });
    const createApiToken = vi.fn(() => ({ apiToken: created, token: 'st_zap3.the-whole-secret', userErrors: [] }));
    const backend = createFakeBackend({ ...sessionOf(ada), apiTokens: () => [crm], createApiToken });
    renderApp({ client: backend.client, url: '/admin/tokens' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Name'), 'Zapier');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    // No scope chosen: said at the group, nothing sent.
    expect(screen.getByText('Choose at least one scope.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Read tickets'));
    expect(createApiToken).not.toHaveBeenCalled();

    await user.click(screen.getByLabelText('Classify descriptions'));
    await user.selectOptions(screen.getByLabelText('Expires'), 'NEVER');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    expect((await screen.findByLabelText<HTMLInputElement>('API token')).value).toBe('st_zap3.the-whole-secret');
    expect(screen.getByText('Copy it now: it will not be shown again.')).toBeTruthy();
    expect(within(row('Zapier')).getByText('st_zap3…')).toBeTruthy();
    expect(createApiToken).toHaveBeenCalledWith(
      { input: { name: 'Zapier', scopes: ['CLASSIFY'], expiresAt: null } },
      expect.anything(),
      expect.anything(),
    );

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('st_zap3.the-whole-secret')).toBeNull();
    expect(screen.queryByLabelText('API token')).toBeNull();
  });

  it('sends an expiry 90 days ahead by default', async () => {
    const createApiToken = vi.fn(() => ({ apiToken: makeApiToken({ id: '9', owner: ada }), token: 'secret', userErrors: [] }));
    const backend = createFakeBackend({ ...sessionOf(ada), apiTokens: () => [], createApiToken });
    renderApp({ client: backend.client, url: '/admin/tokens' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Name'), 'Nightly report');
    await user.click(screen.getByLabelText('Read tickets'));
    const before = Date.now();
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    await waitFor(() => expect(createApiToken).toHaveBeenCalled());
    const sent = (createApiToken.mock.calls[0] as unknown as [{ input: { expiresAt: string } }])[0].input.expiresAt;
    const days = (Date.parse(sent) - before) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
  });

  it('revokes a token only once confirmed', async () => {
    const { backend, revokeApiToken } = tokenServer([{ ...crm }, { ...old }]);
    renderApp({ client: backend.client, url: '/admin/tokens' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Revoke CRM sync' }));

    const question = screen.getByRole('group', { name: 'Revoke “CRM sync”?' });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Revoke token' }));
    await user.click(within(question).getByRole('button', { name: 'Keep it' }));
    expect(revokeApiToken).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Revoke CRM sync' }));

    await user.click(screen.getByRole('button', { name: 'Revoke CRM sync' }));
    await user.click(screen.getByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /CRM sync/ })).toBeNull());
    expect(revokeApiToken).toHaveBeenCalledWith({ id: '7' }, expect.anything(), expect.anything());

    await user.click(screen.getByLabelText('Show revoked tokens'));
    expect(within(await screen.findByRole('row', { name: /CRM sync/ })).getByText(/Revoked/)).toBeTruthy();
  });
});
