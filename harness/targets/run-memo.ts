/**
 * Observations the tests of one run share. Every test of a run lives in one worker thread
 * (harness/run/run-suites.ts), so a promise kept here is seen by all of them: the first test to
 * ask starts the work, the others wait for the same answer. This is how an operation the user
 * allowed to be cancelled is cancelled exactly once, however many clauses judge it.
 */
export interface RunMemo {
  /** The result of `compute` for `key`, computed by the first caller only (a rejection too). */
  once<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export function createRunMemo(): RunMemo {
  const kept = new Map<string, Promise<unknown>>();
  return {
    once<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let promise = kept.get(key) as Promise<T> | undefined;
      if (promise === undefined) {
        promise = compute();
        kept.set(key, promise);
      }
      return promise;
    },
  };
}
