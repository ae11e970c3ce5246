/**
 * How long one request over HTTP may take before it is abandoned, adapted to the target. A fixed
 * limit cannot tell a hung server from a slow one: a server that answers one request at a time
 * in 700 ms answers the last of the 16 requests a run keeps in flight after 11 s, on an idle
 * machine as on a loaded one, and a fixed 10 s limit turned such a conformant server's cells into
 * ERROR. So the limit is the longer of `--request-timeout` (the floor, what a hung server costs)
 * and twice the longest a request can be expected to take: the slowest answer of the run so far,
 * or, before the run's first answers, the round trip the preflight measured times the requests in
 * flight (the queue a server that answers one at a time builds). It grows with the target, never
 * beyond ten times the floor, and never shrinks during a run: a test's time budget is made of it
 * (targets/url-target.ts), and a budget must not shrink under a waiting test.
 */

export interface RequestTimeout {
  /** How long a request may take now, in milliseconds. */
  limitMs(): number;
  /** A request was answered, its body read, after `ms` milliseconds. */
  observe(ms: number): void;
}

export interface RequestTimeoutOptions {
  /** `--request-timeout`: the least any request is given. */
  readonly floorMs: number;
  /** A round trip measured before the run, one request at a time (the preflight). */
  readonly roundTripMs?: number | undefined;
  /** How many requests the run keeps in flight against the target at most. */
  readonly inFlight: number;
}

/** A request is given this many times the longest one is expected to take. */
export const TIMEOUT_MARGIN = 2;
/** The limit never grows beyond this many times the floor. */
export const TIMEOUT_CEILING_FACTOR = 10;

export function createRequestTimeout(options: RequestTimeoutOptions): RequestTimeout {
  const { floorMs, inFlight } = options;
  let expected = (options.roundTripMs ?? 0) * inFlight;
  const ceiling = floorMs * TIMEOUT_CEILING_FACTOR;
  return {
    limitMs: () => Math.round(Math.min(ceiling, Math.max(floorMs, TIMEOUT_MARGIN * expected))),
    observe: (ms) => {
      if (Number.isFinite(ms) && ms > expected) expected = ms;
    },
  };
}

/**
 * Aborts `controller` once a request started at `startedAt` (performance.now()) has run past the
 * timeout's limit, re-reading the limit whenever it would fire: answers to other requests may have
 * raised it meanwhile. Returns a function that stops watching.
 */
export function abortAfterLimit(
  controller: AbortController,
  startedAt: number,
  timeout: RequestTimeout,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    const left = timeout.limitMs() - (performance.now() - startedAt);
    if (left <= 0) {
      controller.abort(new DOMException('the request timed out', 'TimeoutError'));
      return;
    }
    timer = setTimeout(check, left);
    timer.unref();
  };
  check();
  return () => clearTimeout(timer);
}
