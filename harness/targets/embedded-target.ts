/**
 * The embedded reference: the reference implementation answering in-process through its MSW
 * handlers, with no socket. Time is a ManualClock, so polling advances it instead of sleeping.
 * A fault id swaps in a deliberately broken variant (harness/reference/faults) for the self-test.
 * Its answers pass the policy every target shares: retries of transient answers (a variant sheds
 * load) and the bound on what is read of an answer; retry waits advance the same clock.
 */

import { HarnessError, ManualClock } from '#base';
import { CONTROL_PATH } from '../control/index.ts';
import { DEFAULT_MAX_ANSWER_BYTES, withAnswerLimit, withRetries } from '../http/index.ts';
import type { TargetConfig } from '../plan/index.ts';
import { embeddedTargetInfo } from '../plan/index.ts';
import { referenceFault, referenceVariant, withFault } from '../reference/index.ts';
import { createReferenceFetch, createReferenceModel } from '../reference/msw.ts';
import { httpControl } from './http-control.ts';
import type { Target } from './target.ts';

const EMBEDDED_TIME_BUDGET_MS = 60_000;

/** Never resolved by DNS: requests to it can only be answered in-process. */
export const EMBEDDED_BASE_URL = 'https://reference.lro-conformance.invalid';

export function createEmbeddedTarget(config: Extract<TargetConfig, { kind: 'embedded' }>): Target {
  const clock = new ManualClock();
  const fault = config.fault === undefined ? undefined : referenceFault(config.fault);
  if (config.fault !== undefined && !fault)
    throw new HarnessError(`unknown reference fault "${config.fault}"`);
  const variant = config.variant === undefined ? undefined : referenceVariant(config.variant);
  if (config.variant !== undefined && !variant)
    throw new HarnessError(`unknown reference variant "${config.variant}"`);
  const cancelMode = fault?.cancelMode ?? variant?.cancelMode ?? config.cancelMode;
  const model = createReferenceModel({ clock, cancelMode, cancelDelayMs: config.cancelDelayMs });
  const altered = fault ?? variant;
  const fetch = createReferenceFetch({
    baseUrl: EMBEDDED_BASE_URL,
    model: altered ? withFault(model, altered) : model,
  });
  const bounded = withAnswerLimit(fetch, config.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES);
  return {
    // No jitter: it spreads clients over real time, and on a clock moved by hand would only make
    // one run differ from the next.
    fetch: withRetries(bounded, { clock, random: () => 1 }),
    baseUrl: EMBEDDED_BASE_URL,
    control: httpControl(`${EMBEDDED_BASE_URL}${CONTROL_PATH}`),
    clock,
    info: embeddedTargetInfo(config),
    // In-process answers on a hand-advanced clock: a test that runs this long is stuck.
    timeBudgetMs: () => EMBEDDED_TIME_BUDGET_MS,
  };
}
