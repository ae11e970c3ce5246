/**
 * The `url` target: any implementation reachable over HTTP, driven through its control
 * endpoint when it has one, with the credentials the run names (`--header`, `--auth adc`). A
 * request passes, outermost first: the clause's recorder, the retries of transient answers
 * (http/retries.ts: 429 and 503, 504 for reads and cancels), the network with its adaptive timeout
 * and answer limit (http/http-fetch.ts). A connection failure, a timeout or a target that stays
 * unavailable is a HarnessError (ERROR), never a FAIL.
 */
import { systemClock } from '#base';
import { authKind, createHttpFetch, withRetries } from '../http/index.ts';
import type { TargetConfig } from '../plan/index.ts';
import { httpControl } from './http-control.ts';
import { createRunMemo } from './run-memo.ts';
import type { Target } from './target.ts';

/** Slack for the harness itself, on top of what a test's requests and waits may take. */
const HARNESS_SLACK_MS = 10_000;

export function createUrlTarget(config: Extract<TargetConfig, { kind: 'url' }>): Target {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  const controlUrl = config.controlUrl?.replace(/\/+$/, '');
  const auth = authKind(config.auth);
  const network = createHttpFetch({
    timeoutMs: config.requestTimeoutMs,
    roundTripMs: config.roundTripMs,
    maxAnswerBytes: config.maxAnswerBytes,
  });
  const fetch = withRetries(network, { clock: systemClock });
  return {
    fetch,
    baseUrl,
    control: controlUrl === undefined ? undefined : httpControl(controlUrl),
    clock: systemClock,
    info: {
      kind: 'url',
      baseUrl,
      ...(controlUrl === undefined ? {} : { controlUrl }),
      ...(auth === 'none' ? {} : { auth }),
    },
    // One target serves every test of the run: what they share lives as long as it.
    memo: createRunMemo(),
    // Every request may take the whole of the (adaptive) timeout, and every retry its wait; the
    // waits are the run's, a generous bound for one test.
    timeBudgetMs: (requests, waitsMs) =>
      waitsMs + (requests + 2) * network.timeout.limitMs() + fetch.waitedMs() + HARNESS_SLACK_MS,
  };
}
