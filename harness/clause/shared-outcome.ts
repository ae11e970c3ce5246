/**
 * An observation one test makes for several (harness/targets/run-memo.ts): how it ended,
 * value or error, and the exchanges it made. Each test that uses it adopts the exchanges as its
 * own evidence and meets the same ending: the same value, or the same finding, skip or fault
 * thrown again, so every clause judges the observation as if it had made it.
 */
import type { Exchange } from '#reports';

export type SharedOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly exchanges: readonly Exchange[] }
  | { readonly ok: false; readonly error: unknown; readonly exchanges: readonly Exchange[] };

/** Runs `work` and keeps how it ended with a snapshot of `exchanges()` at that moment. */
export async function observeShared<T>(
  work: () => Promise<T>,
  exchanges: () => readonly Exchange[],
): Promise<SharedOutcome<T>> {
  try {
    const value = await work();
    return { ok: true, value, exchanges: [...exchanges()] };
  } catch (error) {
    return { ok: false, error, exchanges: [...exchanges()] };
  }
}

/** The observation's value, or its error thrown again. */
export function outcomeValue<T>(outcome: SharedOutcome<T>): T {
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
