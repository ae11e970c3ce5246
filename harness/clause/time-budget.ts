/**
 * A test's time limit, derived from what it does rather than fixed: the deadline and settle time
 * it may wait, plus a request timeout for every request it has sent so far. A slow target that
 * answers each request in time never ends in ERROR because a test made many requests; a test
 * that outlives its budget is a fault of the harness (ERROR).
 */
import { HarnessError } from '#base';

const CHECK_EVERY_MS = 500;

export async function withinTimeBudget<T>(
  work: Promise<T>,
  budgetMs: () => number,
  what: string,
): Promise<T> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const limit = budgetMs();
      if (Date.now() - started > limit) {
        reject(
          new HarnessError(`${what} ran past its time budget of ${limit} ms and was abandoned`),
        );
      }
    }, CHECK_EVERY_MS);
    timer.unref();
  });
  try {
    return await Promise.race([work, watchdog]);
  } finally {
    clearInterval(timer);
  }
}
