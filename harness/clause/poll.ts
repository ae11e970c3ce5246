/**
 * Polling GetOperation until a condition holds, with backoff, against an injected clock.
 * Cancellation "starts asynchronous cancellation … Clients can use Operations.GetOperation or
 * other methods to check whether the cancellation succeeded" (every seed): the harness observes
 * it only by polling, and a deadline turns "still running" into INCONCLUSIVE, never PASS.
 */
import type { Clock } from '#base';

/** First wait between two polls. */
export const POLL_INITIAL_DELAY_MS = 100;
/** Each wait is this much longer than the previous one… */
export const POLL_BACKOFF_FACTOR = 1.5;
/** …up to this. */
export const POLL_MAX_DELAY_MS = 2_000;

export type PollResult<T> =
  | { readonly settled: true; readonly value: T; readonly attempts: number }
  | { readonly settled: false; readonly last: T; readonly attempts: number };

export interface PollOptions<T> {
  readonly clock: Clock;
  readonly deadlineMs: number;
  /** One observation, e.g. a GetOperation. */
  readonly observe: () => Promise<T>;
  readonly until: (value: T) => boolean;
}

export async function poll<T>(options: PollOptions<T>): Promise<PollResult<T>> {
  const { clock, deadlineMs, observe, until } = options;
  const deadline = clock.now() + deadlineMs;
  let delay = POLL_INITIAL_DELAY_MS;
  let attempts = 0;
  for (;;) {
    const value = await observe();
    attempts += 1;
    if (until(value)) return { settled: true, value, attempts };
    const remaining = deadline - clock.now();
    if (remaining <= 0) return { settled: false, last: value, attempts };
    await clock.sleep(Math.min(delay, remaining));
    delay = Math.min(delay * POLL_BACKOFF_FACTOR, POLL_MAX_DELAY_MS);
  }
}
