// The administrators' webhook screens, against the real contract: the list with where
// each endpoint stands (a disabled one pointed out, in the navigation too),
// registering one (the secret shown once), an endpoint's settings and its delivery
// log, paged, with redelivery.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  createFakeBackend,
  makeUser,
  makeWebhookDelivery,
  makeWebhookEndpoint,
  sessionOf,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '../../../test/support/fake-backend.js';
import { currentUrl, renderApp } from '../../../test/support/render.js';

const ada = makeUser({ id: '1', displayName: 'Ada Admin', role: 'ADMIN' });
const crm = makeWebhookEndpoint({ id: '3', url: 'https://crm.example.com/hooks', events: ['TICKET_CREATED'] });
const broken = makeWebhookEndpoint({
  id: '4',
  url: 'https://old.example.com/hooks',
  active: false,
  failingSince: '2026-01-01T08:00:00Z',
  disabledAt: '2026-01-04T08:00:00Z',
});

const item = (url: string) => screen.getByRole('listitem', { name: url });

describe('AdminWebhooksPage', () => {
  it('lists the endpoints; one the server turned off says why, here and in the navigation', async () => {
    const backend = createFakeBackend({ ...sessionOf(ada), webhookEndpoints: () => [crm, broken] });
    renderApp({ client: backend.client, url: '/admin/webhooks' });
    await screen.findByRole('listitem', { name: crm.url });

    expect(within(item(crm.url)).getByText('Active')).toBeTruthy();
    expect(within(item(crm.url)).getByText('Ticket created')).toBeTruthy();
    const brokenItem = item(broken.url);
    expect(within(brokenItem).getByText('Disabled')).toBeTruthy();
    expect(within(brokenItem).getByText(/Turned off by the server .* every delivery failed since/)).toBeTruthy();
    expect(screen.getByTestId('webhooks-disabled').textContent).toMatch(/One endpoint was turned off/);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Webhooks 1 disabled' })).toBeTruthy();
  });

  it('shows no badge while every endpoint is on', async () => {
    const backend = createFakeBackend({ ...sessionOf(ada), webhookEndpoints: () => [crm] });
    renderApp({ client: backend.client, url: '/admin/webhooks' });
    await screen.findByRole('listitem', { name: crm.url });
    expect(screen.getByRole('link', { name: 'Webhooks' })).toBeTruthy();
    expect(screen.queryByTestId('webhooks-nav-badge')).toBeNull();
  });

  it('offers agents no webhooks link, and does not ask for endpoints', async () => {
    const agentBackend = createFakeBackend({
      ...sessionOf(makeUser({ id: '2', role: 'AGENT' })),
      webhookEndpoints: vi.fn(() => [broken]),
      tickets: () => ({
        edges: [],
        nodes: [],
        pageInfo: { endCursor: null, hasNextPage: false, hasPreviousPage: false, startCursor: null },
        totalCount: 0,
        totalCountIsExact: true,
      }),
    });
    renderApp({ client: agentBackend.client, url: '/tickets' });
    await screen.findAllByText('No tickets yet.');
    expect(screen.queryByRole('link', { name: /Webhooks/ })).toBeNull();
    expect(agentBackend.resolvers.webhookEndpoints).not.toHaveBeenCalled();
  });

  it('registers an endpoint, shows its secret once, and lists it', async () => {
    const endpoints: WebhookEndpoint[] = [crm];
    const createWebhookEndpoint = vi.fn(({ input }: { input: { url: string; events: WebhookEndpoint['events'] } }) => {
      const endpoint = makeWebhookEndpoint({ id: '9', url: input.url, events: input.events });
      endpoints.push(endpoint);
      return { endpoint, secret: 'whsec_the-whole-secret', userErrors: [] };
    });
    const backend = createFakeBackend({ ...sessionOf(ada), webhookEndpoints: () => endpoints, createWebhookEndpoint });
    renderApp({ client: backend.client, url: '/admin/webhooks' });
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Register an endpoint' });

    // Nothing typed: said at the field, nothing sent.
    await user.click(within(form).getByRole('button', { name: 'Register endpoint' }));
    expect(within(form).getByText('Enter the URL the events are sent to.')).toBeTruthy();
    await user.type(within(form).getByLabelText('URL'), 'ftp://files.example.com');
    await user.click(within(form).getByRole('button', { name: 'Register endpoint' }));
    expect(within(form).getByText('Only http:// and https:// URLs can receive events.')).toBeTruthy();
    expect(createWebhookEndpoint).not.toHaveBeenCalled();

    await user.clear(within(form).getByLabelText('URL'));
    await user.type(within(form).getByLabelText('URL'), ' https://hooks.example.com/in ');
    await user.click(within(form).getByLabelText('Note added'));
    await user.click(within(form).getByRole('button', { name: 'Register endpoint' }));

    expect((await screen.findByLabelText<HTMLInputElement>('Signing secret')).value).toBe('whsec_the-whole-secret');
    expect(screen.getByText('Copy it now: it will not be shown again.')).toBeTruthy();
    expect(createWebhookEndpoint).toHaveBeenCalledWith(
      { input: { url: 'https://hooks.example.com/in', events: ['TICKET_CREATED', 'TICKET_CHANGED'] } },
      expect.anything(),
      expect.anything(),
    );
    expect(within(item('https://hooks.example.com/in')).getByText('Ticket created, Ticket changed')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('Signing secret')).toBeNull();
  });

  it('shows the server’s refusal at the URL field', async () => {
    const createWebhookEndpoint = vi.fn(() => ({
      endpoint: null,
      secret: null,
      userErrors: [{ field: 'url', code: 'PRIVATE_ADDRESS' as const, message: 'The address is on a private network.' }],
    }));
    const backend = createFakeBackend({ ...sessionOf(ada), webhookEndpoints: () => [], createWebhookEndpoint });
    renderApp({ client: backend.client, url: '/admin/webhooks' });
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Register an endpoint' });
    await user.type(within(form).getByLabelText('URL'), 'http://10.0.0.5/hook');
    await user.click(within(form).getByRole('button', { name: 'Register endpoint' }));
    const field = within(form).getByLabelText('URL');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('The address is on a private network.')).toBeTruthy();
    expect(screen.queryByLabelText('Signing secret')).toBeNull();
  });
});

/** A log of `count` deliveries, newest first, paged by `first`/`after` as the server does. */
function deliveryLog(count: number) {
  const deliveries: WebhookDelivery[] = Array.from({ length: count }, (_, i) =>
    makeWebhookDelivery({ id: String(count - i), eventId: String(100 + count - i), ticketId: String(count - i) }),
  );
  return {
    deliveries,
    webhookDeliveries: vi.fn(({ first, after }: { first?: number | null; after?: string | null }) => {
      const start = after ? deliveries.findIndex((d) => d.id === after) + 1 : 0;
      const nodes = deliveries.slice(start, start + (first ?? 25));
      return { nodes, endCursor: nodes.at(-1)?.id ?? null, hasNextPage: start + nodes.length < deliveries.length };
    }),
  };
}

describe('AdminWebhookEndpointPage', () => {
  it('shows the delivery log page by page: status, attempts, answer and time', async () => {
    const log = deliveryLog(30);
    log.deliveries[0] = makeWebhookDelivery({
      id: '30',
      ticketId: '30',
      status: 'PENDING',
      attemptCount: 2,
      lastStatusCode: 503,
      deliveredAt: null,
      attempts: [
        {
          __typename: 'WebhookAttempt',
          id: '2',
          startedAt: '2026-01-02T10:01:00Z',
          finishedAt: '2026-01-02T10:01:00.250Z',
          statusCode: 503,
          error: null,
        },
        {
          __typename: 'WebhookAttempt',
          id: '1',
          startedAt: '2026-01-02T10:00:00Z',
          finishedAt: '2026-01-02T10:00:10Z',
          statusCode: null,
          error: 'TIMEOUT',
        },
      ],
    });
    const backend = createFakeBackend({ ...sessionOf(ada), webhookEndpoints: () => [crm], webhookDeliveries: log.webhookDeliveries });
    renderApp({ client: backend.client, url: '/admin/webhooks/3' });
    const log30 = await screen.findByRole('listitem', { name: /ticket\.changed · Ticket #30/ });
    expect(within(log30).getByTestId('delivery-status').textContent).toBe('Pending');
    expect(within(log30).getByTestId('delivery-answer').textContent).toMatch(/^HTTP 503 · /);
    expect(within(log30).getByText('2')).toBeTruthy();
    expect(within(log30).getByText(/No answer in time/)).toBeTruthy();
    expect(screen.getAllByRole('listitem', { name: /ticket\.changed · Ticket #/ })).toHaveLength(25);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show older deliveries' }));
    await screen.findByRole('listitem', { name: /Ticket #1$/ });
    expect(screen.getAllByRole('listitem', { name: /ticket\.changed · Ticket #/ })).toHaveLength(30);
    expect(screen.queryByRole('button', { name: 'Show older deliveries' })).toBeNull();
    expect(log.webhookDeliveries).toHaveBeenLastCalledWith(
      expect.objectContaining({ endpointId: '3', after: '6', first: 25 }),
      expect.anything(),
      expect.anything(),
    );
  });

  it('redelivers a delivery, which is pending again', async () => {
    const failed = makeWebhookDelivery({ id: '5', ticketId: '12', status: 'FAILED', deliveredAt: null, lastStatusCode: 500 });
    const redeliverWebhook = vi.fn(() => ({ delivery: { ...failed, status: 'PENDING' as const }, userErrors: [] }));
    const backend = createFakeBackend({
      ...sessionOf(ada),
      webhookEndpoints: () => [crm],
      webhookDeliveries: () => ({ nodes: [failed], endCursor: '5', hasNextPage: false }),
      redeliverWebhook,
    });
    renderApp({ client: backend.client, url: '/admin/webhooks/3' });
    const delivery = await screen.findByRole('listitem', { name: /Ticket #12/ });
    expect(within(delivery).getByTestId('delivery-status').textContent).toBe('Failed');
    const user = userEvent.setup();
    await user.click(within(delivery).getByRole('button', { name: /^Redeliver ticket\.changed of ticket #12/ }));
    await waitFor(() => expect(within(delivery).getByTestId('delivery-status').textContent).toBe('Pending'));
    expect(within(delivery).getByText('Queued: it is sent again now.')).toBeTruthy();
    expect(redeliverWebhook).toHaveBeenCalledWith({ deliveryId: '5' }, expect.anything(), expect.anything());
  });

  it('turns a disabled endpoint back on, and the navigation’s badge goes', async () => {
    const endpoint = { ...broken };
    const updateWebhookEndpoint = vi.fn(({ input }: { input: { active?: boolean | null } }) => {
      Object.assign(endpoint, { active: input.active ?? endpoint.active, disabledAt: null, failingSince: null });
      return { endpoint, userErrors: [] };
    });
    const backend = createFakeBackend({
      ...sessionOf(ada),
      webhookEndpoints: () => [endpoint],
      webhookDeliveries: () => ({ nodes: [], endCursor: null, hasNextPage: false }),
      updateWebhookEndpoint,
    });
    renderApp({ client: backend.client, url: '/admin/webhooks/4' });
    await screen.findByText(/Turned off by the server/);
    expect(screen.getByRole('link', { name: 'Webhooks 1 disabled' })).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    await screen.findByText('Turned on: its waiting deliveries resume.');
    expect(updateWebhookEndpoint).toHaveBeenCalledWith({ id: '4', input: { active: true } }, expect.anything(), expect.anything());
    expect(screen.getByRole('link', { name: 'Webhooks' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Turn off' })).toBeTruthy();
  });

  it('changes only what was edited, and deletes after confirming', async () => {
    const endpoints = [{ ...crm }];
    const updateWebhookEndpoint = vi.fn(({ input }: { input: { events?: WebhookEndpoint['events'] | null } }) => {
      Object.assign(endpoints[0]!, { events: input.events ?? endpoints[0]!.events });
      return { endpoint: endpoints[0]!, userErrors: [] };
    });
    const deleteWebhookEndpoint = vi.fn(({ id }: { id: string }) => {
      endpoints.splice(0, 1);
      return { deletedId: id, userErrors: [] };
    });
    const backend = createFakeBackend({
      ...sessionOf(ada),
      webhookEndpoints: () => endpoints,
      webhookDeliveries: () => ({ nodes: [], endCursor: null, hasNextPage: false }),
      updateWebhookEndpoint,
      deleteWebhookEndpoint,
    });
    const router = renderApp({ client: backend.client, url: '/admin/webhooks/3' });
    const form = await screen.findByRole('form', { name: 'Endpoint settings' });
    const user = userEvent.setup();
    await user.click(within(form).getByLabelText('Note added'));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await within(form).findByText('Saved.');
    expect(updateWebhookEndpoint).toHaveBeenCalledWith(
      { id: '3', input: { events: ['TICKET_CREATED', 'NOTE_ADDED'] } },
      expect.anything(),
      expect.anything(),
    );

    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const question = screen.getByRole('group', { name: 'Delete this endpoint?' });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Delete endpoint' }));
    await user.click(within(question).getByRole('button', { name: 'Keep it' }));
    expect(deleteWebhookEndpoint).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    await user.click(screen.getByRole('button', { name: 'Delete endpoint' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/admin/webhooks'));
    await screen.findByText('No endpoints yet.');
  });
});
