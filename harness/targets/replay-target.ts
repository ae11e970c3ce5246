/**
 * The `replay` target (`--target replay:FILE.har`): a session recorded with `run --record`,
 * answered offline through MSW (harness/http/recording/replay-fetch.ts) at the base URLs it was
 * recorded against, so it runs in CI without credentials and gives the recorded outcomes. As in
 * the live run, probes and the one cancel are shared by the clauses that judge them, so the same
 * requests are asked in the same numbers. Each test gets its own hand-advanced clock: polls and
 * settle waits take no real time, and one test's waits do not move another's deadline. Where the
 * session sent credentials, a replayed request carries the recorded stand-in for them
 * (`Bearer [REDACTED]`), so a request sent without any still gets the answer recorded for it.
 * The answers pass the policy every target shares, so a recorded 503 that was retried is retried
 * again, on the test's clock, and the recorded answer after it is judged, as it was when recorded.
 */

import { ManualClock } from '#base';
import { REDACTED } from '#reports';
import {
  createRequestBudget,
  DEFAULT_MAX_ANSWER_BYTES,
  readHar,
  withAnswerLimit,
  withRetries,
} from '../http/index.ts';
import type { TargetConfig } from '../plan/index.ts';
import { createReplayFetch } from './replay-fetch.ts';
import { carriesCredentials } from './replay-key.ts';
import { createRunMemo } from './run-memo.ts';
import type { Target } from './target.ts';

type ReplayConfig = Extract<TargetConfig, { kind: 'replay' }>;

/** Answers are in-process: a test that runs this long is stuck. */
const REPLAY_TIME_BUDGET_MS = 60_000;

export interface ReplayRun {
  /** A target for one test of `serviceId`: shared answers, its own clock. */
  targetFor(serviceId: string): Target;
}

export async function createReplayRun(config: ReplayConfig): Promise<ReplayRun> {
  const har = await readHar(config.file);
  const replay = withAnswerLimit(
    createReplayFetch(har),
    config.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES,
  );
  const budget = createRequestBudget();
  const memo = createRunMemo();
  const credentialed = har.log.entries.some((entry) =>
    carriesCredentials(entry.request.headers.map((header) => header.name)),
  );
  const authorize = async (request: Request) => {
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${REDACTED}`);
    return new Request(request, { headers });
  };
  return {
    targetFor: (serviceId) => {
      const baseUrl = config.endpoints[serviceId];
      if (baseUrl === undefined) {
        throw new Error(`${config.file} holds no recording of ${serviceId}`);
      }
      const clock = new ManualClock();
      return {
        // No jitter on a clock moved by hand (embedded-target.ts).
        fetch: withRetries(budget.wrap(replay, serviceId), { clock, random: () => 1 }),
        ...(credentialed ? { authorize } : {}),
        baseUrl: baseUrl.replace(/\/+$/, ''),
        control: undefined,
        clock,
        info: { kind: 'replay', source: config.file, endpoints: config.endpoints },
        memo,
        shareProbes: true,
        requestsSent: () => budget.count(serviceId),
        timeBudgetMs: () => REPLAY_TIME_BUDGET_MS,
      };
    },
  };
}
