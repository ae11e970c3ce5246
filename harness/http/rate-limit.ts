/**
 * A per-host request rate, so a live run stays a good citizen of Google's front ends (whose
 * quotas are per minute and per user; https://cloud.google.com/apis/docs/capping-api-usage):
 * requests to one host start at least `1 / maxRps` seconds apart, strictly in the order they
 * asked (FIFO), and a host can be paused (a `Retry-After`) so no request to it starts before the
 * pause ends. Hosts do not wait for each other. Time comes from the injected clock, so tests
 * never sleep in real time (base/clock.ts).
 */
import type { Clock } from '#base';
import type { FetchLike } from './fetch-like.ts';

/** Live runs send at most this many requests per second to one host unless `--max-rps` says otherwise. */
export const DEFAULT_LIVE_MAX_RPS = 2;

export interface RateLimiter {
  readonly maxRps: number;
  /** Resolves when a request to `host` may start; callers are served in the order they asked. */
  acquire(host: string): Promise<void>;
  /** No request to `host` starts until `ms` from now. */
  pauseHost(host: string, ms: number): void;
}

interface HostQueue {
  readonly waiters: (() => void)[];
  /** Clock time before which the next request may not start. */
  next: number;
  pumping: boolean;
}

export function createRateLimiter(options: { maxRps: number; clock: Clock }): RateLimiter {
  const { maxRps, clock } = options;
  if (!Number.isFinite(maxRps) || maxRps <= 0) {
    throw new RangeError(`maxRps must be a positive number; got ${maxRps}`);
  }
  const intervalMs = 1000 / maxRps;
  const hosts = new Map<string, HostQueue>();
  const queueOf = (host: string): HostQueue => {
    let queue = hosts.get(host);
    if (queue === undefined) {
      queue = { waiters: [], next: Number.NEGATIVE_INFINITY, pumping: false };
      hosts.set(host, queue);
    }
    return queue;
  };

  // One pump per host releases waiters one at a time; it re-reads the clock after every sleep,
  // so a pause that arrives while it sleeps still holds everyone back.
  const pump = async (queue: HostQueue): Promise<void> => {
    queue.pumping = true;
    try {
      while (queue.waiters.length > 0) {
        const now = clock.now();
        if (queue.next > now) {
          await clock.sleep(queue.next - now);
          continue;
        }
        queue.next = now + intervalMs;
        queue.waiters.shift()?.();
      }
    } finally {
      queue.pumping = false;
    }
  };

  return {
    maxRps,
    acquire: (host) =>
      new Promise<void>((resolve) => {
        const queue = queueOf(host);
        queue.waiters.push(resolve);
        if (!queue.pumping) void pump(queue);
      }),
    pauseHost: (host, ms) => {
      const queue = queueOf(host);
      queue.next = Math.max(queue.next, clock.now() + ms);
    },
  };
}

/** Every request waits for its host's turn before it is sent. */
export function withRateLimit(fetch: FetchLike, limiter: RateLimiter): FetchLike {
  return async (request) => {
    await limiter.acquire(new URL(request.url).host);
    return fetch(request);
  };
}
