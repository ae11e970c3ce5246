/**
 * The `live` target: each service at its documented host (or `--endpoint`), authenticated with
 * Application Default Credentials and `--header` values, and a good citizen of Google's front
 * ends. A request passes, outermost first: the clause's recorder (clause/clause-evidence.ts),
 * retries of 429 and 503 as the server asks (http/retry-after.ts), the per-host rate
 * (http/rate-limit.ts), the per-service request budget (http/request-budget.ts), the network. The credentials are added
 * before the recorder (`authorize`), so evidence shows them scrubbed and the probe of a request
 * without credentials can leave them out. There is no control hook: a live run never creates
 * anything.
 */
import { type Clock, systemClock } from '#base';
import type { FetchLike } from '../http/index.ts';
import {
  authKind,
  authorizerFor,
  createAdcCache,
  createHttpFetch,
  createRateLimiter,
  createRequestBudget,
  type RetryEvent,
  withRateLimit,
  withRetryAfter,
} from '../http/index.ts';
import type { TargetConfig } from '../plan/index.ts';
import { createRunMemo } from './run-memo.ts';
import type { Target } from './target.ts';

type LiveConfig = Extract<TargetConfig, { kind: 'live' }>;

/** A response header naming the retries a request took, so its evidence shows them. */
export const RETRIED_HEADER = 'x-lro-conformance-retried';

/** Slack for requests queued behind the rate limit, on top of each request's timeout. */
const QUEUE_SLACK_MS = 60_000;

export interface LiveRun {
  targetFor(serviceId: string): Target;
  /** Requests sent per service so far, retries included. */
  counts(): Readonly<Record<string, number>>;
}

export interface LiveRunOptions {
  /** Defaults to the system clock; tests pass a StepClock. */
  readonly clock?: Clock;
}

export function createLiveRun(config: LiveConfig, options: LiveRunOptions = {}): LiveRun {
  const clock = options.clock ?? systemClock;
  const limiter = createRateLimiter({ maxRps: config.maxRps, clock });
  const budget = createRequestBudget({ cap: config.maxRequests });
  const network = createHttpFetch({ timeoutMs: config.requestTimeoutMs });
  const memo = createRunMemo();
  const adc = createAdcCache();
  const retryWaits = new Map<string, number>();
  const targets = new Map<string, Target>();

  const politely = (fetch: FetchLike, serviceId: string): FetchLike => {
    const limited = withRateLimit(fetch, limiter);
    return async (request) => {
      const retries: RetryEvent[] = [];
      const response = await withRetryAfter(limited, {
        clock,
        onRetry: (event) => {
          retries.push(event);
          limiter.pauseHost(event.host, event.waitMs);
          retryWaits.set(serviceId, (retryWaits.get(serviceId) ?? 0) + event.waitMs);
        },
      })(request);
      return retries.length === 0 ? response : marked(response, retries);
    };
  };

  const build = (serviceId: string): Target => {
    const baseUrl = config.endpoints[serviceId];
    if (baseUrl === undefined) {
      throw new Error(`the live run has no endpoint for ${serviceId}`);
    }
    const authorize = authorizerFor(config.auth, serviceId, adc);
    return {
      fetch: politely(budget.wrap(network, serviceId), serviceId),
      ...(authorize === undefined ? {} : { authorize }),
      baseUrl: baseUrl.replace(/\/+$/, ''),
      control: undefined,
      clock,
      info: { kind: 'live', endpoints: config.endpoints, auth: authKind(config.auth) },
      memo,
      shareProbes: true,
      requestsSent: () => budget.count(serviceId),
      timeBudgetMs: (requests, waitsMs) =>
        waitsMs +
        (requests + 2) * config.requestTimeoutMs +
        QUEUE_SLACK_MS +
        (retryWaits.get(serviceId) ?? 0),
    };
  };

  return {
    targetFor: (serviceId) => {
      let target = targets.get(serviceId);
      if (target === undefined) {
        target = build(serviceId);
        targets.set(serviceId, target);
      }
      return target;
    },
    counts: () => budget.counts(),
  };
}

/** The response as answered, plus a header that says which throttled answers came first. */
function marked(response: Response, retries: readonly RetryEvent[]): Response {
  const headers = new Headers(response.headers);
  headers.set(
    RETRIED_HEADER,
    retries.map((event) => `${event.status} then waited ${event.waitMs} ms`).join(', '),
  );
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
