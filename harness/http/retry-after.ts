/**
 * Retries answers that say "not now": 429 (RESOURCE_EXHAUSTED, RFC 6585 §4) and 503
 * (UNAVAILABLE, RFC 9110 §15.6.4), waiting as long as the server asks (retry-delay.ts), with a
 * bounded number of retries and a cap on any single wait. Nothing else is retried: no other
 * status, no transport error, no timeout.
 *
 * Safety, cancel included. A cancel that timed out or lost its connection may have been carried
 * out, so it is never repeated. 429 and 503 are the two answers that say the request was not
 * handled: 429 comes from the quota check in front of the method, and google.rpc.Code says of
 * UNAVAILABLE that it "can be corrected by retrying with a backoff"; Google's own clients retry
 * CancelOperation on UNAVAILABLE (gax-nodejs `operations_client_config.json`,
 * https://github.com/googleapis/gax-nodejs). Should a 503'd cancel have taken effect after all,
 * its repeat asks for the same outcome on the same operation, which the user allowed to be
 * cancelled. Each retry is reported, so evidence can show it.
 *
 * When a server asks for a wait longer than the cap, nothing is waited for and the run moves on:
 * by default the request fails with a HarnessError coded THROTTLED (the cell is ERROR, the
 * throttled answer is no verdict on the target).
 */

import { type Clock, HarnessError } from '#base';
import { scrubUrl } from '#reports';
import type { FetchLike } from './fetch-like.ts';
import { requestedDelay } from './retry-delay.ts';

export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);

export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** The longest single wait; a server asking for more is not waited for. */
  readonly maxWaitMs: number;
  /** Wait before the first retry when the server names none; doubled for each further retry. */
  readonly fallbackWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  maxWaitMs: 60_000,
  fallbackWaitMs: 1_000,
};

export interface RetryEvent {
  readonly method: string;
  /** Scrubbed. */
  readonly url: string;
  readonly host: string;
  readonly status: number;
  /** 1 for the first retry. */
  readonly retry: number;
  readonly waitMs: number;
  /** `server`: Retry-After or RetryInfo; `backoff`: the fallback, the server named no wait. */
  readonly source: 'server' | 'backoff';
}

export interface GiveUpEvent {
  readonly method: string;
  readonly url: string;
  readonly host: string;
  readonly status: number;
  readonly retries: number;
  readonly reason: 'max-retries' | 'wait-too-long';
  /** The wait the server asked for, when it named one. */
  readonly requestedMs?: number;
}

export interface RetryOptions {
  readonly clock: Clock;
  readonly policy?: Partial<RetryPolicy>;
  /** Called before each wait (e.g. to pause the host in the rate limiter). */
  readonly onRetry?: (event: RetryEvent) => void;
  readonly onGiveUp?: (event: GiveUpEvent) => void;
  /** `throw` (default): a THROTTLED HarnessError; `return`: the last throttled response. */
  readonly whenExhausted?: 'throw' | 'return';
}

/** Throttled answers kept coming: a HarnessError (THROTTLED), so the cell is ERROR, never FAIL. */
function retriesExhausted(event: GiveUpEvent): HarnessError {
  const why =
    event.reason === 'wait-too-long'
      ? `asked to wait ${Math.ceil((event.requestedMs ?? 0) / 1000)} s, longer than the run waits`
      : `was still refused after ${event.retries} retries`;
  return new HarnessError(
    `${event.method} ${event.url} answered ${event.status} and ${why}; lower --max-rps or run later`,
    { code: 'THROTTLED' },
  );
}

export function withRetryAfter(fetch: FetchLike, options: RetryOptions): FetchLike {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  return async (request) => {
    const url = new URL(request.url);
    const base = { method: request.method, url: scrubUrl(request.url), host: url.host };
    for (let retry = 0; ; retry += 1) {
      // A fresh copy per attempt: sending a request consumes its body.
      const response = await fetch(request.clone());
      if (!RETRY_STATUSES.has(response.status)) return response;
      const requested = await requestedDelay(response, options.clock.now());
      const giveUp = (reason: GiveUpEvent['reason']): Response => {
        const event: GiveUpEvent = {
          ...base,
          status: response.status,
          retries: retry,
          reason,
          ...(requested === undefined ? {} : { requestedMs: requested }),
        };
        options.onGiveUp?.(event);
        if (options.whenExhausted === 'return') return response;
        throw retriesExhausted(event);
      };
      if (retry >= policy.maxRetries) return giveUp('max-retries');
      const waitMs = requested ?? policy.fallbackWaitMs * 2 ** retry;
      if (waitMs > policy.maxWaitMs) return giveUp('wait-too-long');
      options.onRetry?.({
        ...base,
        status: response.status,
        retry: retry + 1,
        waitMs,
        source: requested === undefined ? 'backoff' : 'server',
      });
      // Drained rather than cancelled: cancelling one branch of a cloned (teed) body waits for
      // the other branch, which an exchange recorder may still hold.
      await response.arrayBuffer().catch(() => undefined);
      await options.clock.sleep(waitMs);
    }
  };
}
