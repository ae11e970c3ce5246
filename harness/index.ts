/**
 * The harness's public surface for suites and the CLI (`#harness`). Explicit re-exports only.
 */

export { type Clock, HarnessError, isLroError, ManualClock, systemClock } from '#base';
export {
  type CancelAnswer,
  type CancelAnswerKind,
  classifyCancel,
} from './clause/cancel-answer.ts';
export {
  type CancelledOperation,
  type ClauseContext,
  createClauseRun,
} from './clause/clause-context.ts';
export { conformanceTest } from './clause/conformance-test.ts';
export { currentRunConfig } from './clause/current-run-config.ts';
export {
  aipSource,
  type Clause,
  type ClauseSpec,
  defineClause,
  type ExpectedError,
  protoSource,
  rfcSource,
  seedSources,
  servicesWhere,
} from './clause/define-clause.ts';
export { isEmptyJsonObject } from './clause/json-shapes.ts';
export { createLroClient, type HttpResult, type LroClient } from './clause/lro-client.ts';
export { isJsonMediaType } from './clause/media-type.ts';
export {
  describeOperation,
  type OperationOutcome,
  operationOutcome,
} from './clause/operation-outcome.ts';
export { DEFAULT_DEADLINE_MS, poll } from './clause/poll.ts';
export {
  defaultRunConfig,
  type RunCapabilities,
  type RunConfig,
} from './clause/run-config.ts';
export { SCENARIOS, type Scenario } from './control/vocabulary.ts';
export type { FetchLike } from './http/fetch-like.ts';
export { TargetUnreachableError } from './http/http-fetch.ts';
export { createMockTarget, MOCK_BASE_URL } from './targets/mock-target.ts';
export type { Target, TargetConfig } from './targets/target.ts';
export { createUrlTarget } from './targets/url-target.ts';
