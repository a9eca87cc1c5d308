// Retention of the webhooks' history: finished deliveries (with their attempts) and
// the outbox rows no delivery needs any more are deleted once older than
// WEBHOOK_RETENTION_DAYS, a bounded batch at a time. Every process runs the
// purge each hour; the batches skip rows another process is deleting (SKIP LOCKED),
// so processes share the work instead of waiting on each other. Pending deliveries
// and their events are never touched, however old.
import type { WebhookSettings } from '../config.js';
import type { Database, Db } from '../db/client.js';
import { purgeFinishedDeliveries, purgeUnneededOutboxEvents } from './webhook.repository.js';
import type { WorkerLog } from './webhook.worker.js';

/** Rows one statement deletes: short statements, well within the statement timeout. */
const PURGE_BATCH = 1_000;
/** Batches of each kind one run deletes at most; what is left waits for the next run. */
const PURGE_MAX_BATCHES = 100;
/** The first run comes this long after start, spread so that processes started together do not purge together. */
const FIRST_RUN_MAX_DELAY_MS = 60_000;

export interface PurgeResult {
  deliveries: number;
  events: number;
}

/** Deletes what is past the retention, in batches of `batchSize`, at most `maxBatches` of each kind. */
export async function purgeWebhookHistory(
  db: Db,
  params: { retentionMs: number; now?: Date; batchSize?: number; maxBatches?: number },
): Promise<PurgeResult> {
  const before = new Date((params.now ?? new Date()).getTime() - params.retentionMs);
  const limit = params.batchSize ?? PURGE_BATCH;
  const maxBatches = params.maxBatches ?? PURGE_MAX_BATCHES;
  const result: PurgeResult = { deliveries: 0, events: 0 };
  // Deliveries first: their events become unneeded once they are gone.
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const n = await purgeFinishedDeliveries(db, { before, limit });
    result.deliveries += n;
    if (n < limit) break;
  }
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const n = await purgeUnneededOutboxEvents(db, { before, limit });
    result.events += n;
    if (n < limit) break;
  }
  return result;
}

export interface WebhookRetention {
  stop(): Promise<void>;
}

export function startWebhookRetention(deps: {
  database: Database;
  settings: Pick<WebhookSettings, 'retentionMs' | 'retentionIntervalMs'>;
  log: WorkerLog & { info(obj: object, msg: string): void };
}): WebhookRetention {
  const { database, settings, log } = deps;
  let running: Promise<void> | null = null;
  let stopped = false;

  const run = () => {
    if (running || stopped) return;
    running = purgeWebhookHistory(database.db, { retentionMs: settings.retentionMs })
      .then((purged) => {
        if (purged.deliveries > 0 || purged.events > 0) log.info({ ...purged }, 'webhook retention: purged old deliveries and outbox rows');
      })
      .catch((err: unknown) => {
        if (!stopped) log.warn({ err }, 'webhook retention: purge failed; retrying at the next run');
      })
      .finally(() => {
        running = null;
      });
  };

  const first = setTimeout(run, Math.round(Math.random() * Math.min(FIRST_RUN_MAX_DELAY_MS, settings.retentionIntervalMs))).unref();
  const every = setInterval(run, settings.retentionIntervalMs).unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
