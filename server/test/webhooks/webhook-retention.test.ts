// Retention of the webhooks' history, on both databases: finished deliveries older
// than the retention go with their attempts, outbox rows go once no delivery needs
// them, pending deliveries stay however old, each run deletes bounded batches, two
// purges at once share the rows out, and every process's periodic job runs it.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { executeRows } from '../../src/db/statements.js';
import { purgeWebhookHistory, startWebhookRetention } from '../../src/webhooks/webhook.retention.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';

const DAY_MS = 86_400_000;
const RETENTION_MS = 30 * DAY_MS;
const silent = { error: () => {}, warn: () => {}, info: () => {} };

/** An endpoint (never delivered to: no worker runs here) and `n` tickets, each with its outbox row and pending delivery. */
async function arrange(ctx: TestContext, n: number): Promise<number[]> {
  const endpoint = await ctx.gql(
    'mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hook", events: [TICKET_CREATED] }) { userErrors { code } } }',
  );
  expect(endpoint.data?.createWebhookEndpoint.userErrors).toEqual([]);
  for (let i = 0; i < n; i += 1) {
    await ctx.gql('mutation($t: String!) { createTicket(input: { title: $t, description: "D" }) { ticket { id } } }', { t: `T${i}` });
  }
  const rows = await executeRows<{ id: string }>(ctx.db, sql`select id::text as id from webhook_deliveries order by id`);
  expect(rows).toHaveLength(n);
  return rows.map((r) => Number(r.id));
}

/** Sets a delivery's state as a worker would have left it, its last attempt `daysAgo` ago (with one attempt row), and its event as old. */
async function finish(ctx: TestContext, id: number, status: 'delivered' | 'failed' | 'pending', daysAgo: number): Promise<void> {
  const at = new Date(Date.now() - daysAgo * DAY_MS).toISOString();
  await ctx.db.execute(sql`update webhook_deliveries set status = ${status}, attempts = 1, last_attempt_at = ${at}::timestamptz,
    delivered_at = case when ${status} = 'delivered' then ${at}::timestamptz end where id = ${id}`);
  await ctx.db.execute(sql`insert into webhook_attempts (delivery_id, worker, started_at, finished_at, status_code)
    values (${id}, 'test', ${at}::timestamptz, ${at}::timestamptz, ${status === 'delivered' ? 200 : 500})`);
  await ctx.db.execute(sql`update webhook_events set occurred_at = ${at}::timestamptz
    where id = (select webhook_event_id from webhook_deliveries where id = ${id})`);
}

async function remaining(ctx: TestContext) {
  const [row] = await executeRows<{ deliveries: number; events: number; attempts: number }>(
    ctx.db,
    sql`select (select count(*) from webhook_deliveries)::int as deliveries, (select count(*) from webhook_events)::int as events,
               (select count(*) from webhook_attempts)::int as attempts`,
  );
  return row!;
}

describeOnDatabases(
  'webhook retention',
  (ctx) => {
    it('purges finished deliveries past the retention with their attempts, and outbox rows nobody needs; keeps the rest', async () => {
      const [oldDelivered, oldFailed, recentDelivered, oldPending] = await arrange(ctx, 4);
      await finish(ctx, oldDelivered!, 'delivered', 40);
      await finish(ctx, oldFailed!, 'failed', 31);
      await finish(ctx, recentDelivered!, 'delivered', 29);
      await finish(ctx, oldPending!, 'pending', 60);

      expect(await purgeWebhookHistory(ctx.db, { retentionMs: RETENTION_MS })).toEqual({ deliveries: 2, events: 2 });
      const kept = await executeRows<{ id: string }>(ctx.db, sql`select id::text as id from webhook_deliveries order by id`);
      expect(kept.map((r) => Number(r.id))).toEqual([recentDelivered, oldPending]);
      expect(await remaining(ctx)).toEqual({ deliveries: 2, events: 2, attempts: 2 });
      // Nothing more to do: a second run deletes nothing.
      expect(await purgeWebhookHistory(ctx.db, { retentionMs: RETENTION_MS })).toEqual({ deliveries: 0, events: 0 });
    });

    it('deletes at most its batches per run, and the next run goes on', async () => {
      const ids = await arrange(ctx, 5);
      for (const id of ids) await finish(ctx, id, 'delivered', 40);
      expect(await purgeWebhookHistory(ctx.db, { retentionMs: RETENTION_MS, batchSize: 2, maxBatches: 1 })).toEqual({
        deliveries: 2,
        events: 2,
      });
      expect(await purgeWebhookHistory(ctx.db, { retentionMs: RETENTION_MS, batchSize: 2 })).toEqual({ deliveries: 3, events: 3 });
      expect(await remaining(ctx)).toEqual({ deliveries: 0, events: 0, attempts: 0 });
    });

    it('shares the rows out between purges running at once, deleting each once', async () => {
      const ids = await arrange(ctx, 12);
      for (const id of ids) await finish(ctx, id, 'delivered', 40);
      const runs = await Promise.all([1, 2, 3].map(() => purgeWebhookHistory(ctx.db, { retentionMs: RETENTION_MS, batchSize: 2 })));
      expect(runs.reduce((n, r) => n + r.deliveries, 0)).toBe(12);
      expect(runs.reduce((n, r) => n + r.events, 0)).toBe(12);
      expect(await remaining(ctx)).toEqual({ deliveries: 0, events: 0, attempts: 0 });
    });

    it('runs periodically in every process until stopped', async () => {
      const [id] = await arrange(ctx, 1);
      await finish(ctx, id!, 'delivered', 40);
      const retention = startWebhookRetention({
        database: ctx.database,
        settings: { retentionMs: RETENTION_MS, retentionIntervalMs: 50 },
        log: silent,
      });
      try {
        while ((await remaining(ctx)).deliveries > 0) await new Promise((resolve) => setTimeout(resolve, 20));
        while ((await remaining(ctx)).events > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        await retention.stop();
      }
    });
  },
  { env: { WEBHOOK_ALLOW_PRIVATE: 'true' } },
);
