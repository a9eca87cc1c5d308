// Webhooks end to end in one process, on both databases: endpoints registered over
// GraphQL, events written to the outbox by the change's own transaction, delivered
// by the worker to a real receiver on 127.0.0.1, signed, retried, logged, redelivered,
// and an endpoint turned off after failing for long enough.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { executeRows } from '../../src/db/statements.js';
import { verifySignature } from '../../src/webhooks/webhook-signature.js';
import { startWebhookWorker, type WebhookWorker } from '../../src/webhooks/webhook.worker.js';
import { describeOnDatabases, testConfig, type TestContext } from '../support/harness.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const ENV = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_DISABLE_AFTER_HOURS: '1',
  // Long enough that a loaded test machine answers in time; the hanging receiver costs it once.
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_BACKOFF_BASE_MS: '20',
  WEBHOOK_BACKOFF_MAX_MS: '100',
  WEBHOOK_POLL_INTERVAL_MS: '200',
};

const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { endpoint { id url events active } secret userErrors { field code } }
}`;
const CREATE_TICKET = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } userErrors { code } } }`;
const UPDATE_TICKET = `mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { ticket { id version } userErrors { code } } }`;
const DELIVERIES = `query($endpointId: ID!, $first: Int, $after: String) {
  webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
    nodes { id eventId eventType ticketId status attemptCount lastStatusCode deliveredAt attempts { statusCode error } }
    endCursor hasNextPage
  }
}`;

const silent = { error: () => {}, warn: () => {} };

/** Room for a loaded test machine's worker to record what the receiver already saw. */
const RECORDED_WITHIN = { timeout: 20_000, interval: 50 };

async function createEndpoint(ctx: TestContext, url: string, events = ['TICKET_CREATED', 'TICKET_CHANGED', 'NOTE_ADDED']) {
  const res = await ctx.gql(CREATE_ENDPOINT, { input: { url, events } });
  expect(res.data?.createWebhookEndpoint.userErrors).toEqual([]);
  return res.data!.createWebhookEndpoint as { endpoint: { id: string }; secret: string };
}

async function createTicket(ctx: TestContext, title = 'Printer on fire'): Promise<string> {
  const res = await ctx.gql(CREATE_TICKET, { input: { title, description: 'It is really on fire.' } });
  return res.data!.createTicket.ticket.id as string;
}

/** The endpoint's newest delivery, once the worker has recorded it as delivered. */
function deliveredOnce(ctx: TestContext, endpointId: string) {
  return vi.waitFor(async () => {
    const res = await ctx.gql(DELIVERIES, { endpointId });
    const newest = res.data?.webhookDeliveries.nodes[0];
    expect(newest?.status).toBe('DELIVERED');
    return newest;
  }, RECORDED_WITHIN);
}

describeOnDatabases(
  'webhook delivery',
  (ctx) => {
    let receiver: WebhookReceiver;
    let worker: WebhookWorker | undefined;
    const start = (env: Record<string, string> = {}) => {
      worker = startWebhookWorker({ database: ctx.database, settings: testConfig({ ...ENV, ...env }).webhooks, log: silent });
    };
    beforeAll(async () => {
      receiver = await startWebhookReceiver();
    });
    afterEach(async () => {
      await worker?.stop();
      worker = undefined;
      receiver.requests.length = 0;
      receiver.answerWith(() => 200);
    });
    afterAll(async () => receiver?.close());

    it('delivers ticket.created then ticket.changed with the changed fields, signed, with the event id for deduplication', async () => {
      const { secret } = await createEndpoint(ctx, `${receiver.url}/hook`);
      start();
      const id = await createTicket(ctx);
      await ctx.gql(UPDATE_TICKET, { id, input: { status: 'IN_PROGRESS', priority: 'HIGH' } });
      // At least once: an attempt answered too late for a busy machine's worker is sent
      // again with the same id, which is what the id is for.
      const distinct = () => [...new Map(receiver.requests.map((r) => [r.json.id, r])).values()];
      await receiver.until(() => distinct().length >= 2, 'two deliveries');

      const [created, changed] = distinct();
      expect(created!.json).toMatchObject({ type: 'ticket.created', ticket: { id: Number(id), title: 'Printer on fire', status: 'open' } });
      expect(changed!.json).toMatchObject({
        type: 'ticket.changed',
        ticket: { id: Number(id), status: 'in_progress', priority: 'high', version: 2 },
        changes: [
          { field: 'priority', from: 'medium', to: 'high' },
          { field: 'status', from: 'open', to: 'in_progress' },
        ],
      });
      for (const request of receiver.requests) {
        expect(request.headers['content-type']).toBe('application/json');
        expect(request.headers['x-webhook-id']).toBe(request.json.id);
        expect(verifySignature(secret, String(request.headers['x-webhook-signature']), request.body)).toBe(true);
        expect(verifySignature('whsec_wrong', String(request.headers['x-webhook-signature']), request.body)).toBe(false);
      }
      expect(Number(changed!.json.id)).toBeGreaterThan(Number(created!.json.id));
    });

    it('writes no event for a change that did not commit, and none at all without an endpoint', async () => {
      const id = await createTicket(ctx);
      const count = async () => (await executeRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from webhook_events`))[0]!.n;
      expect(await count()).toBe(0);
      await createEndpoint(ctx, `${receiver.url}/hook`);
      const stale = await ctx.gql(UPDATE_TICKET, { id, input: { status: 'CLOSED', expectedVersion: 7 } });
      expect(stale.data?.updateTicket.userErrors).toEqual([{ code: 'CONFLICT' }]);
      expect(await count()).toBe(0);
      await ctx.gql(UPDATE_TICKET, { id, input: { status: 'CLOSED' } });
      expect(await count()).toBe(1);
    });

    it('sends only the events an endpoint asked for', async () => {
      await createEndpoint(ctx, `${receiver.url}/changes`, ['TICKET_CHANGED']);
      start();
      const id = await createTicket(ctx);
      await ctx.gql(UPDATE_TICKET, { id, input: { title: 'Printer no longer on fire' } });
      await receiver.until((r) => r.length >= 1);
      expect(receiver.requests.map((r) => r.json.type)).toEqual(['ticket.changed']);
    });

    it('retries a failed attempt (an error, a redirect it does not follow, a timeout) until the endpoint answers 2xx, and logs each attempt', async () => {
      const { endpoint } = await createEndpoint(ctx, `${receiver.url}/hook`);
      const answers: ('hang' | number | { status: number; headers: Record<string, string> })[] = [
        500,
        { status: 302, headers: { location: `${receiver.url}/elsewhere` } },
        'hang',
        204,
      ];
      receiver.answerWith(() => answers.shift() ?? 200);
      start();
      await createTicket(ctx);
      await receiver.until((r) => r.some((x) => x.answered === 204), 'a 2xx answer');
      expect(receiver.requests.map((r) => r.path)).toEqual(['/hook', '/hook', '/hook', '/hook']);
      expect(new Set(receiver.requests.map((r) => r.json.id)).size).toBe(1);

      const delivery = await deliveredOnce(ctx, endpoint.id);
      expect(delivery).toMatchObject({ eventType: 'TICKET_CREATED', status: 'DELIVERED', attemptCount: 4, lastStatusCode: 204 });
      expect(delivery.attempts).toEqual([
        { statusCode: 204, error: null },
        { statusCode: null, error: 'TIMEOUT' },
        { statusCode: 302, error: null },
        { statusCode: 500, error: null },
      ]);
    });

    it('redelivers an event on request, with the same event id', async () => {
      const { endpoint } = await createEndpoint(ctx, `${receiver.url}/hook`);
      start();
      await createTicket(ctx);
      await receiver.until((r) => r.length >= 1);
      const log = await ctx.gql(DELIVERIES, { endpointId: endpoint.id });
      const delivery = log.data!.webhookDeliveries.nodes[0];
      const again = await ctx.gql(
        `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { delivery { id status } userErrors { code } } }`,
        {
          id: delivery.id,
        },
      );
      expect(again.data?.redeliverWebhook).toMatchObject({ delivery: { id: delivery.id }, userErrors: [] });
      await receiver.until((r) => r.length >= 2, 'the redelivery');
      expect(receiver.requests[1]!.json.id).toBe(receiver.requests[0]!.json.id);

      const unknown = await ctx.gql(`mutation { redeliverWebhook(deliveryId: "999999") { delivery { id } userErrors { field code } } }`);
      expect(unknown.data?.redeliverWebhook).toEqual({ delivery: null, userErrors: [{ field: 'deliveryId', code: 'NOT_FOUND' }] });
    });

    // The log showed the request received, but the worker had not yet recorded its
    // answer: that answer (delivered, or a retry after the backoff) must not undo the
    // redelivery asked for meanwhile.
    it.each([
      [204, 'succeeded'],
      [500, 'failed'],
    ])('redelivers at once an event asked for while its attempt was in flight, which then answered %i (%s)', async (status) => {
      const { endpoint } = await createEndpoint(ctx, `${receiver.url}/hook`);
      let answerFirst!: (status: number) => void;
      const first = new Promise<number>((resolve) => (answerFirst = resolve));
      receiver.answerWith(() => (receiver.requests.length === 0 ? first : 200));
      // The first answer is held on purpose: a timeout must not end that attempt first.
      // A retry after a failure would come only after the test's time is up.
      start({ WEBHOOK_TIMEOUT_MS: '30000', WEBHOOK_BACKOFF_BASE_MS: '60000', WEBHOOK_BACKOFF_MAX_MS: '60000' });
      await createTicket(ctx);
      await receiver.until((r) => r.length >= 1, 'the first attempt');
      const log = await ctx.gql(DELIVERIES, { endpointId: endpoint.id });
      const delivery = log.data!.webhookDeliveries.nodes[0];
      const again = await ctx.gql(`mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { userErrors { code } } }`, { id: delivery.id });
      expect(again.data?.redeliverWebhook).toEqual({ userErrors: [] });
      answerFirst(status);

      await receiver.until((r) => r.some((x) => x.answered === 200 && x !== r[0]), 'the redelivery');
      expect(new Set(receiver.requests.map((r) => r.json.id)).size).toBe(1);
      const after = await deliveredOnce(ctx, endpoint.id);
      expect(after).toMatchObject({ status: 'DELIVERED', lastStatusCode: 200 });
      expect(after.attempts).toEqual([
        { statusCode: 200, error: null },
        { statusCode: status, error: null },
      ]);
    });

    it('turns off an endpoint failing continuously for WEBHOOK_DISABLE_AFTER_HOURS; turned back on, its deliveries resume', async () => {
      const { endpoint } = await createEndpoint(ctx, `${receiver.url}/hook`);
      // It has been failing for longer than the configured hour.
      await ctx.db.execute(sql`update webhook_endpoints set failing_since = now() - interval '2 hours' where id = ${Number(endpoint.id)}`);
      receiver.answerWith(() => 503);
      start();
      await createTicket(ctx);
      await receiver.until((r) => r.length >= 1);
      const read = async () =>
        (await ctx.gql(`query { webhookEndpoints { id active disabledAt failingSince } }`)).data!.webhookEndpoints[0] as Record<
          string,
          unknown
        >;
      await vi.waitFor(async () => {
        expect(await read()).toMatchObject({ active: false, disabledAt: expect.any(String), failingSince: expect.any(String) });
      }, RECORDED_WITHIN);
      const seen = receiver.requests.length;

      receiver.answerWith(() => 200);
      const enabled = await ctx.gql(
        `mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { active: true }) { endpoint { active disabledAt failingSince } userErrors { code } } }`,
        { id: endpoint.id },
      );
      expect(enabled.data?.updateWebhookEndpoint).toEqual({
        endpoint: { active: true, disabledAt: null, failingSince: null },
        userErrors: [],
      });
      await receiver.until((r) => r.length > seen && r.at(-1)!.answered === 200, 'the delivery after re-enabling');
    });
  },
  { env: ENV },
);

describeOnDatabases('webhook URLs (server-side request forgery)', (ctx) => {
  it.each([
    ['ftp://example.com/hook', 'INVALID'],
    ['not a url', 'INVALID'],
    ['https://user:pass@example.com/hook', 'INVALID'],
    ['http://127.0.0.1:8080/hook', 'PRIVATE_ADDRESS'],
    ['http://localhost/hook', 'PRIVATE_ADDRESS'],
    ['http://[::1]/hook', 'PRIVATE_ADDRESS'],
    ['http://[::ffff:127.0.0.1]/hook', 'PRIVATE_ADDRESS'],
    ['http://169.254.169.254/latest/meta-data/', 'PRIVATE_ADDRESS'],
    ['http://10.1.2.3/hook', 'PRIVATE_ADDRESS'],
    ['http://192.168.1.1/hook', 'PRIVATE_ADDRESS'],
    ['http://[fe80::1]/hook', 'PRIVATE_ADDRESS'],
    ['http://0.0.0.0/hook', 'PRIVATE_ADDRESS'],
    [`https://example.com/${'x'.repeat(2_000)}`, 'TOO_LONG'],
  ])('refuses %s with %s on url', async (url, code) => {
    const res = await ctx.gql(CREATE_ENDPOINT, { input: { url, events: ['TICKET_CREATED'] } });
    expect(res.data?.createWebhookEndpoint).toEqual({ endpoint: null, secret: null, userErrors: [{ field: 'url', code }] });
  });

  it("refuses a malformed delivery-log cursor as the caller's error on `after`, not a server error", async () => {
    const { endpoint } = await createEndpoint(ctx, 'https://93.184.215.14/hook');
    for (const after of ['', 'not-a-cursor']) {
      const res = await ctx.gql(DELIVERIES, { endpointId: endpoint.id, after });
      expect(res.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' })]);
    }
  });

  it('refuses an empty list of events', async () => {
    const res = await ctx.gql(CREATE_ENDPOINT, { input: { url: 'https://93.184.215.14/hook', events: [] } });
    expect(res.data?.createWebhookEndpoint.userErrors).toEqual([{ field: 'events', code: 'REQUIRED' }]);
  });

  it('accepts a public address and never shows the secret again', async () => {
    const res = await ctx.gql(CREATE_ENDPOINT, { input: { url: 'https://93.184.215.14/hook#frag', events: ['TICKET_CREATED'] } });
    expect(res.data?.createWebhookEndpoint).toMatchObject({
      endpoint: { url: 'https://93.184.215.14/hook', active: true },
      secret: expect.stringMatching(/^whsec_/),
      userErrors: [],
    });
    const fields = await ctx.gql(`{ __type(name: "WebhookEndpoint") { fields { name } } }`);
    expect(fields.data!.__type.fields.map((f: { name: string }) => f.name)).not.toContain('secret');
  });

  it('refuses at delivery time an endpoint whose host is private, without sending it anything', async () => {
    const receiver = await startWebhookReceiver();
    try {
      // Stored while private addresses were allowed (or a name that now resolves privately).
      for (const url of [`${receiver.url}/hook`, `http://localhost:${receiver.port}/hook`]) {
        await ctx.db.execute(
          sql`insert into webhook_endpoints (url, events, secret) values (${url}, array['ticket.created'], 'whsec_test')`,
        );
      }
      const worker = startWebhookWorker({ database: ctx.database, settings: testConfig(ENV_NO_PRIVATE).webhooks, log: silent });
      try {
        await createTicket(ctx);
        const errors = await vi.waitFor(async () => {
          const attempts = await executeRows<{ error: string | null; url: string }>(
            ctx.db,
            sql`select a.error, e.url from webhook_attempts a
                  join webhook_deliveries d on d.id = a.delivery_id join webhook_endpoints e on e.id = d.endpoint_id`,
          );
          expect(new Set(attempts.map((e) => e.url)).size).toBe(2);
          return attempts;
        }, RECORDED_WITHIN);
        expect(new Set(errors.map((e) => e.error))).toEqual(new Set(['address_refused']));
        expect(receiver.requests).toEqual([]);
      } finally {
        await worker.stop();
      }
    } finally {
      await receiver.close();
    }
  });
});

const ENV_NO_PRIVATE = { ...ENV, WEBHOOK_ALLOW_PRIVATE: 'false' };

describe('webhook signature', () => {
  it('verifies only the signed body, under the secret, within the tolerance', async () => {
    const { signatureHeader } = await import('../../src/webhooks/webhook-signature.js');
    const now = 1_800_000_000_000;
    const header = signatureHeader('whsec_a', now / 1000, '{"id":"1"}');
    expect(verifySignature('whsec_a', header, '{"id":"1"}', now)).toBe(true);
    expect(verifySignature('whsec_a', header, '{"id":"2"}', now)).toBe(false);
    expect(verifySignature('whsec_a', header, '{"id":"1"}', now + 301_000)).toBe(false);
  });
});
