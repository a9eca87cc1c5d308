// The throttle of the dashboard's refresh, on a hand-driven clock: at once after a
// quiet spell, then at most once per interval, the end of a burst always included.
import { describe, expect, it } from 'vitest';
import { throttle } from './throttle.js';

function manualClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id: unknown) => {
      timers = timers.filter((timer) => timer.id !== id);
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        now = due.at;
        due.fn();
      }
      now = until;
    },
  };
}

describe('throttle', () => {
  it.each([
    ['one call runs at once', [0], 5000, [0]],
    ['a burst runs at its start and once at the end of the interval', [0, 100, 500, 1900], 5000, [0, 2000]],
    ['calls an interval apart each run at once', [0, 2000, 4000], 5000, [0, 2000, 4000]],
    ['a call soon after a run waits for the interval', [0, 2500, 2600], 5000, [0, 2500, 4500]],
  ])('%s', (_case, callsAt, until, runsAt) => {
    const clock = manualClock();
    const runs: number[] = [];
    const throttled = throttle(() => runs.push(clock.now()), 2000, clock);
    for (const at of callsAt) {
      clock.advance(at - clock.now());
      throttled();
    }
    clock.advance(until - clock.now());
    expect(runs).toEqual(runsAt);
  });

  it('runs nothing more once cancelled', () => {
    const clock = manualClock();
    const runs: number[] = [];
    const throttled = throttle(() => runs.push(clock.now()), 2000, clock);
    throttled();
    clock.advance(100);
    throttled();
    throttled.cancel();
    clock.advance(5000);
    expect(runs).toEqual([0]);
  });
});
