// An administrator wires an integration through the webhook screens, against the real
// server (with WEBHOOK_ALLOW_PRIVATE=true, so an endpoint on 127.0.0.1 is allowed) and
// a real HTTP receiver started here: registering an endpoint shows its secret once, a
// ticket changed in the app reaches the receiver signed with that secret, and the
// endpoint's delivery log shows the delivery with its answer. The screens pass axe and
// fit a desk and a phone without sideways scrolling.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { chooseInMenu } from './support/choice-menu.js';
import { ADMIN, startServer, type RunningServer } from './support/server.js';
import { signIn } from './support/sign-in.js';

const POLL = { timeout: 15_000, interval: 100 };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: RunningServer;
let receiver: Server;
let receiverUrl = '';
const received: Received[] = [];
let session: BrowserSession;
let page: Page;
let endpointPath = '';
let secret = '';
let ticketId = '';

function horizontalOverflow(p: Page): Promise<number> {
  return p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((listening) => receiver.listen(0, '127.0.0.1', listening));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/tickets`;
  server = await startServer({ env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
  const created = await server.gql<{ createTicket: { ticket: { id: string } } }>(
    'mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } } }',
    { input: { title: 'Webhook guinea pig', description: 'A ticket whose changes go out to the CRM.', status: 'OPEN' } },
  );
  ticketId = created.createTicket.ticket.id;
  session = await openBrowser(server.url);
  page = session.page;
  await page.setViewportSize(DESKTOP);
  await signIn(page, ADMIN);
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
  await new Promise<void>((closed) => (receiver ? receiver.close(() => closed()) : closed()));
});

describe('webhooks in the web app', () => {
  it('registers an endpoint from the admin navigation and shows its secret once', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    const form = page.getByRole('form', { name: 'Register an endpoint' });
    await form.getByLabel('URL').fill(receiverUrl);
    await form.getByRole('button', { name: 'Register endpoint' }).click();

    const secretField = page.getByLabel('Signing secret');
    await secretField.waitFor();
    secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByLabel('Signing secret').count()).toBe(0);

    const item = page.getByRole('listitem', { name: receiverUrl });
    await item.getByText('Active').waitFor();
    endpointPath = (await item.getByRole('link', { name: receiverUrl }).getAttribute('href')) ?? '';
    expect(endpointPath).toMatch(/^\/admin\/webhooks\/\d+$/);
  });

  it('delivers a change made in the app, signed with that secret, and the log shows it', async () => {
    await page.goto('/tickets');
    await chooseInMenu(page, 'Status of “Webhook guinea pig”', 'In progress');

    await expect
      .poll(() => received.filter((r) => r.headers['x-webhook-event'] === 'ticket.changed').length, POLL)
      .toBeGreaterThanOrEqual(1);
    const delivery = received.find((r) => r.headers['x-webhook-event'] === 'ticket.changed')!;
    const signature = Object.fromEntries(
      String(delivery.headers['x-webhook-signature'])
        .split(',')
        .map((part) => part.split('=', 2) as [string, string]),
    );
    expect(signature.v1).toBe(createHmac('sha256', secret).update(`${signature.t}.${delivery.body}`).digest('hex'));
    const payload = JSON.parse(delivery.body) as { id: unknown; type: string; ticket: { id: unknown }; changes: unknown[] };
    expect(payload.type).toBe('ticket.changed');
    expect(String(payload.id)).toBe(delivery.headers['x-webhook-id']);
    expect(String(payload.ticket.id)).toBe(ticketId);
    expect(payload.changes).toEqual([{ field: 'status', from: 'open', to: 'in_progress' }]);

    // The log is read when its page opens and on Refresh.
    await page.goto(endpointPath);
    const log = page.getByRole('list', { name: 'Deliveries' });
    const changed = log.getByRole('listitem', { name: `ticket.changed · Ticket #${ticketId}` });
    await expect
      .poll(async () => {
        if ((await changed.count()) === 1 && (await changed.getByTestId('delivery-status').textContent()) === 'Delivered') return true;
        await page.getByRole('button', { name: 'Refresh' }).click();
        return false;
      }, POLL)
      .toBe(true);
    expect(await changed.getByTestId('delivery-answer').textContent()).toMatch(/^HTTP 200 · /);
    expect(await changed.getByRole('definition').nth(1).textContent()).toBe('1');

    // Redelivering sends the same event again.
    const before = received.length;
    await changed.getByRole('button', { name: /^Redeliver/ }).click();
    await changed.getByText('Queued: it is sent again now.').waitFor();
    await expect.poll(() => received.length, POLL).toBeGreaterThan(before);
    expect(received.at(-1)!.headers['x-webhook-id']).toBe(delivery.headers['x-webhook-id']);
  });

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('passes axe with nothing wider than the window (%s)', async (name, viewport) => {
    await page.setViewportSize(viewport);
    for (const path of ['/admin/webhooks', endpointPath]) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page), path).toEqual([]);
      expect(await horizontalOverflow(page), path).toBe(0);
      await session.screenshot(`webhooks-${name}-${path === endpointPath ? 'endpoint' : 'list'}`);
    }
    await page.setViewportSize(DESKTOP);
  });

  it('raised no page error and no Content-Security-Policy violation', () => {
    expect(session.pageErrors).toEqual([]);
    expect(session.cspViolations).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });
});
