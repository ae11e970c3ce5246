/**
 * A clock for tests of code that sleeps concurrently (rate limits, retries): `sleep` registers a
 * timer and returns at once, and the test moves time on with `runUntilIdle`, which fires the
 * timers in time order and lets every promise chain settle between two of them. Unlike
 * ManualClock, whose `sleep` advances time as soon as it is called, concurrent sleepers see the
 * time a real clock would show them. Nothing waits in real time.
 */
import type { Clock } from '#base';

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly fire: () => void;
}

export class StepClock implements Clock {
  #now: number;
  #timers: Timer[] = [];
  #order = 0;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.#order += 1;
      this.#timers.push({ at: this.#now + Math.max(0, ms), order: this.#order, fire: resolve });
    });
  }

  /** Timers not yet fired. */
  get pending(): number {
    return this.#timers.length;
  }

  /** Fires every timer, earliest first, including timers set while running; stops when none is left. */
  async runUntilIdle(): Promise<void> {
    for (;;) {
      await settle();
      const [next] = this.#timers.toSorted((a, b) => a.at - b.at || a.order - b.order);
      if (next === undefined) return;
      this.#timers = this.#timers.filter((timer) => timer !== next);
      this.#now = Math.max(this.#now, next.at);
      next.fire();
    }
  }
}

/** Lets pending promise callbacks run (setImmediate comes after the microtask queue drains). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
