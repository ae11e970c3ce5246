/**
 * The `live` target: each service at its documented host (or `--endpoint`), authenticated with
 * Application Default Credentials and `--header` values, and a good citizen of Google's front
 * ends. A request passes, outermost first: the clause's recorder (clause/clause-evidence.ts),
 * the retries of transient answers every target shares (http/retries.ts; a host that asks for a
 * wait is paused as a whole), the per-host rate (http/rate-limit.ts), the per-service request
 * budget (http/request-budget.ts), the network (http/http-fetch.ts). The credentials are added
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
  withRateLimit,
  withRetries,
} from '../http/index.ts';
import type { TargetConfig } from '../plan/index.ts';
import { createRunMemo } from './run-memo.ts';
import type { Target } from './target.ts';

type LiveConfig = Extract<TargetConfig, { kind: 'live' }>;

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
  const network = createHttpFetch({
    timeoutMs: config.requestTimeoutMs,
    maxAnswerBytes: config.maxAnswerBytes,
  });
  const memo = createRunMemo();
  const adc = createAdcCache();
  const targets = new Map<string, Target>();

  const politely = (fetch: FetchLike) =>
    withRetries(withRateLimit(fetch, limiter), {
      clock,
      advice: 'lower --max-rps or run later',
      onRetry: (event) => limiter.pauseHost(event.host, event.waitMs),
    });

  const build = (serviceId: string): Target => {
    const baseUrl = config.endpoints[serviceId];
    if (baseUrl === undefined) {
      throw new Error(`the live run has no endpoint for ${serviceId}`);
    }
    const authorize = authorizerFor(config.auth, serviceId, adc);
    const fetch = politely(budget.wrap(network, serviceId));
    return {
      fetch,
      ...(authorize === undefined ? {} : { authorize }),
      baseUrl: baseUrl.replace(/\/+$/, ''),
      control: undefined,
      clock,
      info: { kind: 'live', endpoints: config.endpoints, auth: authKind(config.auth) },
      memo,
      shareProbes: true,
      requestsSent: () => budget.count(serviceId),
      timeBudgetMs: (requests, waitsMs) =>
        waitsMs + (requests + 2) * network.timeout.limitMs() + QUEUE_SLACK_MS + fetch.waitedMs(),
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
