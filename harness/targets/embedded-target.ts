/**
 * The embedded reference: the reference implementation answering in-process through its MSW
 * handlers, with no socket. Time is a ManualClock, so polling advances it instead of sleeping.
 * A fault id swaps in a deliberately broken variant (harness/reference/faults) for the self-test.
 * Its answers pass the policy every target shares: retries of transient answers (a variant sheds
 * load) and the bound on what is read of an answer; retry waits advance the same clock.
 * It serves every service the run knows (the seeds, and a user's or the catalogue's profiles),
 * and routes each test's requests as if addressed to its service's own host, as Google's front
 * ends do: services that bind the same rules (dozens bind `/v1/{name=projects/*\/locations/*\/operations/*}:cancel`)
 * never answer for one another.
 */

import { HarnessError, ManualClock } from '#base';
import { knownServiceProfiles, serviceProfile } from '#specs';
import { CONTROL_PATH } from '../control/index.ts';
import { DEFAULT_MAX_ANSWER_BYTES, withAnswerLimit, withRetries } from '../http/index.ts';
import type { TargetConfig } from '../plan/index.ts';
import { embeddedTargetInfo } from '../plan/index.ts';
import { referenceFault, referenceVariant, withFault } from '../reference/index.ts';
import {
  createReferenceFetch,
  createReferenceModel,
  type ReferenceModel,
} from '../reference/msw.ts';
import { httpControl } from './http-control.ts';
import type { Target } from './target.ts';

const EMBEDDED_TIME_BUDGET_MS = 60_000;

/** Never resolved by DNS: requests to it can only be answered in-process. */
export const EMBEDDED_BASE_URL = 'https://reference.lro-conformance.invalid';

export function createEmbeddedTarget(
  config: Extract<TargetConfig, { kind: 'embedded' }>,
  serviceId?: string,
): Target {
  const clock = new ManualClock();
  const fault = config.fault === undefined ? undefined : referenceFault(config.fault);
  if (config.fault !== undefined && !fault)
    throw new HarnessError(`unknown reference fault "${config.fault}"`);
  const variant = config.variant === undefined ? undefined : referenceVariant(config.variant);
  if (config.variant !== undefined && !variant)
    throw new HarnessError(`unknown reference variant "${config.variant}"`);
  const cancelMode = fault?.cancelMode ?? variant?.cancelMode ?? config.cancelMode;
  const model = createReferenceModel({
    profiles: knownServiceProfiles(),
    clock,
    cancelMode,
    cancelDelayMs: config.cancelDelayMs,
  });
  const altered = fault ?? variant;
  const served = altered ? withFault(model, altered) : model;
  const host = serviceId === undefined ? undefined : serviceProfile(serviceId)?.host;
  const fetch = createReferenceFetch({
    baseUrl: EMBEDDED_BASE_URL,
    model: host === undefined ? served : addressedTo(served, host),
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

/** The model, answering every request as if it were addressed to `host`. */
function addressedTo(model: ReferenceModel, host: string): ReferenceModel {
  const handle: ReferenceModel['handle'] = (request) => model.handle({ ...request, host });
  return Object.assign(Object.create(model) as ReferenceModel, { handle });
}
