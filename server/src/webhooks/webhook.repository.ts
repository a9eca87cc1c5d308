// SQL of webhooks: endpoints, the workers' claim of due deliveries and the record of
// each attempt, the delivery log, and redelivery. Deliveries are only ever created
// by the outbox trigger (drizzle/0013_webhook_outbox.sql).
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from '../db/schema.js';
import { executeRows } from '../db/statements.js';
import { WEBHOOK_RETRY_WINDOW_HOURS, WebhookDeliveryStatus, type WebhookAttemptError, type WebhookEventType } from './webhook.enums.js';
import type { OutboxEvent } from './webhook-payload.js';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

/** Endpoints at most: each one multiplies the deliveries of every change. */
export const WEBHOOK_ENDPOINTS_MAX = 50;
/** Attempts shown per delivery in the log, newest first. */
export const WEBHOOK_ATTEMPTS_SHOWN = 10;

export async function countWebhookEndpoints(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(webhookEndpoints);
  return row?.n ?? 0;
}

export async function insertWebhookEndpoint(
  db: Db,
  values: { url: string; events: WebhookEventType[]; secret: string; createdByUserId: number | null },
): Promise<WebhookEndpointRow> {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  return row!;
}

export function listWebhookEndpoints(db: Db): Promise<WebhookEndpointRow[]> {
  return db.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.id)).limit(WEBHOOK_ENDPOINTS_MAX);
}

export async function findWebhookEndpoint(db: Db, id: number): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row;
}

/** Changes an endpoint; turning it on clears the failure that turned it off. */
export async function updateWebhookEndpoint(
  db: Db,
  id: number,
  patch: { url?: string; events?: WebhookEventType[]; active?: boolean },
): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      ...patch,
      ...(patch.active === true && { disabledAt: null, failingSince: null }),
      ...(patch.active === false && { disabledAt: null }),
      updatedAt: sql`now()`,
    })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return row;
}

/** Deletes an endpoint with its deliveries and their attempts. */
export async function deleteWebhookEndpoint(db: Db, id: number): Promise<boolean> {
  const rows = await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

// ---- the workers ----------------------------------------------------------------

export interface ClaimedDelivery {
  id: number;
  /** Attempts so far, this one included. */
  attempts: number;
  lockedBy: string;
  /** The delivery's redelivery requests when it was claimed. */
  redeliveryRequests: number;
  url: string;
  secret: string;
  endpointId: number;
  event: OutboxEvent;
}

/**
 * Claims up to `limit` due deliveries for `leaseMs`, in one statement: pending, due,
 * not leased (or its lease expired: the process attempting it died), of an active
 * endpoint, and with no earlier delivery of the same endpoint and ticket pending, so
 * that a ticket's events arrive in order. Rows another process is claiming at the
 * same moment are skipped, not waited for.
 */
export async function claimDueDeliveries(db: Db, params: { limit: number; leaseMs: number; lockedBy: string }): Promise<ClaimedDelivery[]> {
  const rows = await executeRows<Record<string, string | number>>(
    db,
    sql`with due as (
          select d.id from webhook_deliveries d
          where d.status = 'pending' and d.next_attempt_at <= now()
            and (d.locked_until is null or d.locked_until < now())
            and exists (select 1 from webhook_endpoints e where e.id = d.endpoint_id and e.active)
            and not exists (
              select 1 from webhook_deliveries p
              where p.endpoint_id = d.endpoint_id and p.ticket_id = d.ticket_id and p.status = 'pending' and p.id < d.id)
          order by d.next_attempt_at, d.id
          limit ${params.limit}
          for update of d skip locked)
        update webhook_deliveries d
        set locked_until = now() + ${params.leaseMs} * interval '1 millisecond', locked_by = ${params.lockedBy},
            attempts = d.attempts + 1
        from due, webhook_events ev, webhook_endpoints e
        where d.id = due.id and ev.id = d.webhook_event_id and e.id = d.endpoint_id
        returning d.id::text as id, d.attempts, d.redelivery_requests, e.id as endpoint_id, e.url, e.secret, ev.type,
                  ev.first_event_id::text as first_event_id, ev.occurred_at::text as occurred_at,
                  ev.ticket::text as ticket, ev.events::text as events`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    attempts: Number(r.attempts),
    lockedBy: params.lockedBy,
    redeliveryRequests: Number(r.redelivery_requests),
    url: String(r.url),
    secret: String(r.secret),
    endpointId: Number(r.endpoint_id),
    event: {
      type: r.type as WebhookEventType,
      firstEventId: Number(r.first_event_id),
      occurredAt: new Date(String(r.occurred_at)),
      ticket: JSON.parse(String(r.ticket)) as Record<string, unknown>,
      events: JSON.parse(String(r.events)) as Record<string, unknown>[],
    },
  }));
}

export interface AttemptRecord {
  delivery: ClaimedDelivery;
  worker: string;
  startedAt: Date;
  outcome: { statusCode: number } | { error: WebhookAttemptError };
  /** When a failed attempt is retried: ms from now. */
  retryInMs: number;
  /** An endpoint failing continuously for this long is turned off. */
  disableAfterMs: number;
}

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Records an attempt and its consequences in one transaction: the delivery is
 * delivered, or due again after `retryInMs` (failed for good past its retry window);
 * the endpoint's run of failures ends, or goes on and turns it off once long enough.
 * Only the lease holder moves the delivery: if the lease was lost (this process
 * stalled past it and another took over), the attempt is logged and nothing else.
 * A redelivery requested while the attempt was in flight wins over its outcome:
 * the delivery stays pending and is due at once.
 */
export async function recordAttempt(db: Db, record: AttemptRecord): Promise<void> {
  const { delivery, outcome } = record;
  const statusCode = 'statusCode' in outcome ? outcome.statusCode : null;
  const error = 'error' in outcome ? outcome.error : null;
  const succeeded = statusCode !== null && statusCode >= 200 && statusCode < 300;
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      worker: record.worker,
      startedAt: record.startedAt,
      finishedAt: sql`now()`,
      statusCode,
      error,
    });
    const leased = and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.lockedBy, delivery.lockedBy));
    const redelivered = sql`${webhookDeliveries.redeliveryRequests} <> ${delivery.redeliveryRequests}`;
    const common = {
      lockedUntil: null,
      lockedBy: null,
      lastAttemptAt: sql`${at(record.startedAt)}`,
      lastStatusCode: statusCode,
      lastError: error,
    };
    if (succeeded) {
      const moved = await tx
        .update(webhookDeliveries)
        .set({
          ...common,
          status: sql`case when ${redelivered} then 'pending' else 'delivered' end`,
          deliveredAt: sql`now()`,
        })
        .where(leased)
        .returning({ id: webhookDeliveries.id });
      if (moved.length > 0)
        await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, delivery.endpointId));
      return;
    }
    const moved = await tx
      .update(webhookDeliveries)
      .set({
        ...common,
        status: sql`case when not ${redelivered} and now() + ${record.retryInMs} * interval '1 millisecond' > ${webhookDeliveries.retryUntil} then 'failed' else 'pending' end`,
        nextAttemptAt: sql`case when ${redelivered} then now() else now() + ${record.retryInMs} * interval '1 millisecond' end`,
      })
      .where(leased)
      .returning({ id: webhookDeliveries.id });
    if (moved.length === 0) return;
    await tx
      .update(webhookEndpoints)
      .set({
        failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at(record.startedAt)})`,
        active: sql`${webhookEndpoints.active} and coalesce(${webhookEndpoints.failingSince}, now()) > now() - ${record.disableAfterMs} * interval '1 millisecond'`,
        disabledAt: sql`case when ${webhookEndpoints.active} and coalesce(${webhookEndpoints.failingSince}, now()) <= now() - ${record.disableAfterMs} * interval '1 millisecond' then now() else ${webhookEndpoints.disabledAt} end`,
      })
      .where(eq(webhookEndpoints.id, delivery.endpointId));
  });
}

/** When the next delivery falls due, in ms from now (null: none pending), so an idle worker wakes for it. */
export async function msUntilNextDue(db: Db): Promise<number | null> {
  const [row] = await executeRows<{ ms: number | string | null }>(
    db,
    sql`select (extract(epoch from (min(next_attempt_at) - now())) * 1000)::float8 as ms
        from webhook_deliveries where status = 'pending'`,
  );
  return row?.ms == null ? null : Math.max(0, Number(row.ms));
}

// ---- the delivery log ---------------------------------------------------------

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect & { eventType: WebhookEventType; eventId: number };
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;

/** A page of an endpoint's deliveries, newest first, after a delivery id. */
export function listWebhookDeliveriesPage(
  db: Db,
  endpointId: number,
  page: { beforeId?: number; limit: number },
): Promise<WebhookDeliveryRow[]> {
  return db
    .select({
      id: webhookDeliveries.id,
      endpointId: webhookDeliveries.endpointId,
      webhookEventId: webhookDeliveries.webhookEventId,
      ticketId: webhookDeliveries.ticketId,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      retryUntil: webhookDeliveries.retryUntil,
      lockedUntil: webhookDeliveries.lockedUntil,
      lockedBy: webhookDeliveries.lockedBy,
      redeliveryRequests: webhookDeliveries.redeliveryRequests,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
      eventType: webhookEvents.type,
      eventId: webhookEvents.firstEventId,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.webhookEventId))
    .where(
      and(eq(webhookDeliveries.endpointId, endpointId), page.beforeId === undefined ? undefined : lt(webhookDeliveries.id, page.beforeId)),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(page.limit);
}

/** The latest attempts of each of these deliveries (WEBHOOK_ATTEMPTS_SHOWN each), newest first, in one query. */
export async function listLatestAttempts(db: Db, deliveryIds: readonly number[]): Promise<WebhookAttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  const ranked = db
    .select({
      id: webhookAttempts.id,
      rank: sql<number>`row_number() over (partition by ${webhookAttempts.deliveryId} order by ${webhookAttempts.id} desc)`.as('rank'),
    })
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, [...deliveryIds]))
    .as('ranked');
  return db
    .select({
      id: webhookAttempts.id,
      deliveryId: webhookAttempts.deliveryId,
      worker: webhookAttempts.worker,
      startedAt: webhookAttempts.startedAt,
      finishedAt: webhookAttempts.finishedAt,
      statusCode: webhookAttempts.statusCode,
      error: webhookAttempts.error,
    })
    .from(webhookAttempts)
    .innerJoin(ranked, eq(ranked.id, webhookAttempts.id))
    .where(sql`${ranked.rank} <= ${WEBHOOK_ATTEMPTS_SHOWN}`)
    .orderBy(desc(webhookAttempts.id));
}

export async function findWebhookDelivery(db: Db, id: number): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db.select({ endpointId: webhookDeliveries.endpointId }).from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  if (!row) return undefined;
  const page = await listWebhookDeliveriesPage(db, row.endpointId, { beforeId: id + 1, limit: 1 });
  return page[0];
}

/**
 * Makes a delivery due now with a fresh retry window, whatever its state; one being
 * attempted keeps its lease (the attempt in flight finishes first, and then leaves
 * it pending: see recordAttempt).
 */
export async function redeliverWebhookDelivery(db: Db, id: number): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({
      status: WebhookDeliveryStatus.PENDING,
      nextAttemptAt: sql`now()`,
      retryUntil: sql`now() + ${WEBHOOK_RETRY_WINDOW_HOURS} * interval '1 hour'`,
      redeliveryRequests: sql`${webhookDeliveries.redeliveryRequests} + 1`,
    })
    .where(eq(webhookDeliveries.id, id))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

/** The channel that wakes the delivery workers of every process (the outbox trigger notifies it too). */
export const WEBHOOK_WAKE_CHANNEL = 'webhook_deliveries';

/** Wakes the workers of every process, once this transaction commits. */
export async function notifyWebhookWorkers(db: Db): Promise<void> {
  await db.execute(sql`select pg_notify(${WEBHOOK_WAKE_CHANNEL}, '')`);
}

// ---- retention ------------------------------------------------------------------

/**
 * Deletes up to `limit` finished deliveries (delivered, or failed and not redelivered)
 * whose last attempt is before `before`, with their attempts; answers how many. Rows
 * another process is purging are skipped (SKIP LOCKED), so processes share the work.
 */
export async function purgeFinishedDeliveries(db: Db, params: { before: Date; limit: number }): Promise<number> {
  const rows = await executeRows<{ id: string }>(
    db,
    sql`with doomed as (
          select id from webhook_deliveries
          where status <> ${WebhookDeliveryStatus.PENDING} and last_attempt_at < ${params.before.toISOString()}::timestamptz
          order by last_attempt_at
          limit ${params.limit}
          for update skip locked)
        delete from webhook_deliveries d using doomed where d.id = doomed.id
        returning d.id::text as id`,
  );
  return rows.length;
}

/**
 * Deletes up to `limit` outbox rows from before `before` that no delivery needs any
 * more (all purged, or their endpoints deleted); answers how many. A row that still
 * has a delivery, pending or kept, stays.
 */
export async function purgeUnneededOutboxEvents(db: Db, params: { before: Date; limit: number }): Promise<number> {
  const rows = await executeRows<{ id: string }>(
    db,
    sql`with doomed as (
          select e.id from webhook_events e
          where e.occurred_at < ${params.before.toISOString()}::timestamptz
            and not exists (select 1 from webhook_deliveries d where d.webhook_event_id = e.id)
          order by e.id
          limit ${params.limit}
          for update of e skip locked)
        delete from webhook_events e using doomed where e.id = doomed.id
        returning e.id::text as id`,
  );
  return rows.length;
}
