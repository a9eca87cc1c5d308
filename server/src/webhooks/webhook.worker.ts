// The delivery workers of one server process: claim due deliveries (FOR UPDATE SKIP
// LOCKED, under a lease), POST each, record the attempt, retry with exponential
// backoff and jitter. Every process runs them; the database decides who attempts
// what, so no delivery is attempted by two processes at once, and one whose process
// died is taken over when its lease expires. Woken by NOTIFY on WEBHOOK_WAKE_CHANNEL
// (a commit that created deliveries, a redelivery, an endpoint turned back on), by
// the next retry falling due, and by a poll as a fallback.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { WebhookSettings } from '../config.js';
import type { Database } from '../db/client.js';
import { listenWithRetry } from '../db/listen-retry.js';
import { WebhookAttemptError } from './webhook.enums.js';
import { webhookBody } from './webhook-payload.js';
import { claimDueDeliveries, msUntilNextDue, recordAttempt, WEBHOOK_WAKE_CHANNEL, type ClaimedDelivery } from './webhook.repository.js';
import { sendWebhook, type AttemptOutcome } from './webhook.sender.js';
import { EVENT_TYPE_HEADER, signatureHeader, WEBHOOK_ID_HEADER, SIGNATURE_HEADER } from './webhook-signature.js';

/** Beyond the attempt's timeout, time to record it before the lease lets another process take over. */
const LEASE_MARGIN_MS = 5_000;
const USER_AGENT = 'support-tickets-webhooks/1';

export interface WorkerLog {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface WebhookWorker {
  /** Looks for due deliveries now (this process changed something). */
  wake(): void;
  /** Stops claiming, aborts attempts in flight (recorded, retried at once elsewhere), and waits for them. */
  stop(): Promise<void>;
}

/** The delay before retry `attempt` (1 = after the first failure): exponential, capped, with full jitter over its upper half. */
export function backoffMs(
  attempt: number,
  settings: Pick<WebhookSettings, 'backoffBaseMs' | 'backoffMaxMs'>,
  random = Math.random,
): number {
  const ceiling = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function startWebhookWorker(deps: { database: Database; settings: WebhookSettings; log: WorkerLog }): WebhookWorker {
  const { database, settings, log } = deps;
  const db = database.db;
  const worker = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = settings.timeoutMs + LEASE_MARGIN_MS;
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let claims = 0;
  let pumping = false;
  let again = false;
  let retryTimer: NodeJS.Timeout | undefined;

  async function attempt(delivery: ClaimedDelivery): Promise<void> {
    const startedAt = new Date();
    const body = JSON.stringify(webhookBody(delivery.event));
    const timestamp = Math.floor(startedAt.getTime() / 1000);
    let outcome: AttemptOutcome;
    try {
      outcome = await sendWebhook({
        url: delivery.url,
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          [WEBHOOK_ID_HEADER]: String(delivery.event.firstEventId),
          [EVENT_TYPE_HEADER]: delivery.event.type,
          [SIGNATURE_HEADER]: signatureHeader(delivery.secret, timestamp, body),
        },
        timeoutMs: settings.timeoutMs,
        allowPrivate: settings.allowPrivate,
        signal: stopping.signal,
      });
    } catch {
      outcome = { error: WebhookAttemptError.CONNECTION_FAILED };
    }
    // Stopping: due again at once, for a process that stays.
    const aborted = 'error' in outcome && outcome.error === WebhookAttemptError.ABORTED;
    const retryInMs = aborted ? 0 : backoffMs(delivery.attempts, settings);
    await recordAttempt(db, { delivery, worker, startedAt, outcome, retryInMs, disableAfterMs: settings.disableAfterMs });
    const failed = !('statusCode' in outcome) || outcome.statusCode < 200 || outcome.statusCode >= 300;
    if (failed && !aborted) scheduleRetry(retryInMs);
  }

  /** A retry due before the next poll wakes the pump itself. */
  function scheduleRetry(ms: number): void {
    if (ms >= settings.pollIntervalMs || stopping.signal.aborted) return;
    setTimeout(wake, ms + 1).unref();
  }

  async function pump(): Promise<void> {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        const free = settings.workers - inFlight.size;
        if (free <= 0 || stopping.signal.aborted) break;
        claims += 1;
        const claimed = await claimDueDeliveries(db, { limit: free, leaseMs, lockedBy: `${worker}:${claims}` });
        for (const delivery of claimed) {
          const running = attempt(delivery)
            .catch((err: unknown) => log.error({ err, deliveryId: delivery.id }, 'webhook delivery: could not record the attempt'))
            .finally(() => {
              inFlight.delete(running);
              // The ticket's next event may be due now.
              wake();
            });
          inFlight.add(running);
        }
        if (claimed.length === free) again = true;
      } while (again);
      if (inFlight.size === 0) await armForNextDue();
    } catch (err) {
      if (!stopping.signal.aborted) log.warn({ err }, 'webhook delivery: could not claim deliveries; retrying at the next poll');
    } finally {
      pumping = false;
      // A wake that came while this pump was finishing.
      if (again) wake();
    }
  }

  /** Nothing due now: wake when the soonest pending delivery falls due, if before the next poll. */
  async function armForNextDue(): Promise<void> {
    const ms = await msUntilNextDue(db);
    clearTimeout(retryTimer);
    if (ms !== null && ms > 0 && ms < settings.pollIntervalMs && !stopping.signal.aborted) retryTimer = setTimeout(wake, ms + 1).unref();
  }

  function wake(): void {
    if (!stopping.signal.aborted) void pump();
  }

  const poll = setInterval(wake, settings.pollIntervalMs).unref();
  // Until LISTEN works (a database down at start), the poll finds due deliveries.
  const unlisten = listenWithRetry(database, WEBHOOK_WAKE_CHANNEL, wake, { onResume: wake, log });
  wake();

  return {
    wake,
    async stop() {
      stopping.abort();
      clearInterval(poll);
      clearTimeout(retryTimer);
      await (
        await unlisten
      )();
      await Promise.allSettled([...inFlight]);
    },
  };
}
