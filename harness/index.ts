/**
 * The harness's public surface for suites and the CLI (`#harness`). Explicit re-exports only.
 */

export { createLroClient, type HttpResult, type LroClient } from './client/lro-client.ts';
export { type Clock, ManualClock, systemClock } from './clock/clock.ts';
export {
  type CancelAnswer,
  type CancelAnswerKind,
  classifyCancel,
} from './conformance/cancel-answer.ts';
export {
  type CancelledOperation,
  type ClauseContext,
  createClauseRun,
  isEmptyJsonObject,
} from './conformance/clause-context.ts';
export { conformanceTest } from './conformance/conformance-test.ts';
export { currentRunConfig } from './conformance/current-run-config.ts';
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
} from './conformance/define-clause.ts';
export { isJsonMediaType } from './conformance/media-type.ts';
export {
  describeOperation,
  type OperationOutcome,
  operationOutcome,
} from './conformance/operation-outcome.ts';
export {
  defaultRunConfig,
  type RunCapabilities,
  type RunConfig,
} from './conformance/run-config.ts';
export { SCENARIOS, type Scenario } from './control-protocol/vocabulary.ts';
export { DEFAULT_DEADLINE_MS, poll } from './polling/poll.ts';
export { HarnessError, isHarnessError, TargetUnreachableError } from './targets/harness-error.ts';
export { createMockTarget, MOCK_BASE_URL } from './targets/mock-target.ts';
export type { FetchLike, Target, TargetConfig } from './targets/target.ts';
export { createUrlTarget } from './targets/url-target.ts';
