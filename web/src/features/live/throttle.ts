// Calls `run` at most once per `intervalMs`: at once when it has not run for that long,
// otherwise once at the end of the interval however many calls came meanwhile (so the
// last change is never left out). For refreshing figures on a burst of activity.
export interface Throttled {
  (): void;
  cancel(): void;
}

export function throttle(
  run: () => void,
  intervalMs: number,
  clock: { now(): number; setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void } = {
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
): Throttled {
  let last = -Infinity;
  let pending: unknown = null;
  const fire = () => {
    pending = null;
    last = clock.now();
    run();
  };
  const throttled = () => {
    if (pending !== null) return;
    const wait = last + intervalMs - clock.now();
    if (wait <= 0) fire();
    else pending = clock.setTimeout(fire, wait);
  };
  throttled.cancel = () => {
    if (pending !== null) clock.clearTimeout(pending);
    pending = null;
  };
  return throttled;
}
