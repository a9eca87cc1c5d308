// Folds the deltas ticket writes append (classifier_term_deltas) into the learned
// counts, in every server process: a batch at a time, each fold skipping what another
// process is folding. Suggestions read the counts, so this is what makes a write's
// lesson show: within FOLD_INTERVAL_MS (the issue allows a second). The folder also
// vacuums the deltas it emptied, as PGlite has no autovacuum and PostgreSQL's comes
// only every minute, while a busy minute leaves a million dead rows there.
import type { Database } from '../db/client.js';
import { FOLD_BATCH, foldTermDeltas, vacuumTermDeltas } from './learning.repository.js';

export interface LearningFolder {
  stop(): Promise<void>;
}

/** How often a process folds. Writes at full speed append about 20,000 deltas a second. */
const FOLD_INTERVAL_MS = 250;
/** Deltas folded by this process between two vacuums of their table. */
const VACUUM_AFTER = 20_000;

export function startLearningFolder(deps: {
  database: Pick<Database, 'db'>;
  log: { warn(obj: object, msg: string): void };
  intervalMs?: number;
  vacuumAfter?: number;
}): LearningFolder {
  const { database, log, intervalMs = FOLD_INTERVAL_MS, vacuumAfter = VACUUM_AFTER } = deps;
  let running: Promise<void> | null = null;
  let stopped = false;
  let sinceVacuum = 0;

  async function foldAll(): Promise<void> {
    for (let moved = FOLD_BATCH; moved === FOLD_BATCH && !stopped;) {
      // A full batch means more may be waiting.
      moved = await foldTermDeltas(database.db);
      sinceVacuum += moved;
    }
    if (sinceVacuum >= vacuumAfter && !stopped) {
      sinceVacuum = 0;
      await vacuumTermDeltas(database.db);
    }
  }

  const run = () => {
    if (running || stopped) return;
    running = foldAll()
      .catch((err: unknown) => {
        if (!stopped) log.warn({ err }, 'learning: folding deltas into the counts failed; retrying at the next run');
      })
      .finally(() => {
        running = null;
      });
  };

  const every = setInterval(run, intervalMs).unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(every);
      await running;
    },
  };
}
