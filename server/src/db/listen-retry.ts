// LISTEN that outlives a database which is down when the process starts. The HTTP side
// answers 503 through an outage and recovers by itself; a process started during one
// must too, rather than fail to start, wait for the database, or stay deaf to
// notifications. Once listening, the driver reconnects by itself (and says so
// through `onResume`).
import type { Database } from './client.js';

export interface ListenWithRetryOptions {
  /** Called when listening starts late or resumes after a lost connection: notifications were missed. */
  onResume?: () => void;
  log: { warn(obj: object, msg: string): void };
  /** How long the start waits for listening before it goes on without (it goes on trying). */
  startWaitMs?: number;
  /** The first retry's delay after a failed attempt; each next one doubles, up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Listens on `channel`, retrying with backoff while the database cannot be reached.
 * Resolves once listening, or after `startWaitMs` (or a failed first attempt) while
 * it keeps trying, with the function that stops listening, or trying to.
 */
export async function listenWithRetry(
  database: Pick<Database, 'listen'>,
  channel: string,
  onNotify: (payload: string) => void,
  options: ListenWithRetryOptions,
): Promise<() => Promise<void>> {
  const { onResume, log, startWaitMs = 2_000, firstDelayMs = 1_000, maxDelayMs = 30_000 } = options;
  let stopped = false;
  // Set once the start went on without listening: whatever committed meanwhile was not heard.
  let late = false;
  let unlisten: (() => Promise<void>) | null = null;
  let timer: NodeJS.Timeout | undefined;

  function attempt(delayMs: number): Promise<unknown> {
    // The driver keeps reconnecting by itself while connections are refused or reset;
    // it gives up (and this retries) on a connect timeout or an error from the server.
    return database.listen(channel, onNotify, onResume).then(
      async (stop) => {
        if (stopped) return stop().catch(() => {});
        unlisten = stop;
        if (late) onResume?.();
      },
      (err: unknown) => {
        if (stopped) return;
        late = true;
        log.warn({ err, channel, retryInMs: delayMs }, 'LISTEN failed; trying again');
        timer = setTimeout(() => void attempt(Math.min(delayMs * 2, maxDelayMs)), delayMs).unref();
      },
    );
  }

  let waited: NodeJS.Timeout | undefined;
  const startedInTime = await Promise.race([
    attempt(firstDelayMs).then(() => true),
    new Promise<false>((resolve) => (waited = setTimeout(() => resolve(false), startWaitMs).unref())),
  ]);
  clearTimeout(waited);
  if (!startedInTime && unlisten === null && !late) {
    late = true;
    log.warn({ channel, waitedMs: startWaitMs }, 'LISTEN not established yet; going on and still trying');
  }
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await unlisten?.().catch(() => {});
  };
}
