/**
 * What a suite gets for one service: the service profile, a recording client, the control
 * protocol, polling against the target's clock, and the few verdict helpers a suite may call.
 * Suites never branch on the target (HOUSE-STYLE point 6): everything target-specific is here.
 */
import type { Exchange } from '#reports';
import type { ServiceProfile } from '#specs';
import { recordExchanges } from '../client/exchange-recorder.ts';
import {
  type CancelOptions,
  createLroClient,
  type HttpResult,
  type LroClient,
} from '../client/lro-client.ts';
import { parseSegmentsTemplate, sampleNames } from '../path-template/index.ts';
import { poll } from '../polling/poll.ts';
import type { Target } from '../targets/target.ts';
import {
  errorEnvelopeHasErrorInfo,
  formatViolations,
  validateErrorEnvelope,
} from '../validators/index.ts';
import { createControlledOperation, type Scenario } from './control-client.ts';
import type { ExpectedError } from './define-clause.ts';
import { checkExpectedError } from './expected-error.ts';
import { ConformanceFailure, OutcomeSignal } from './outcome-signal.ts';
import { type OperationJson, readOperation } from './read-operation.ts';

export interface ClauseContext {
  readonly service: ServiceProfile;
  readonly client: LroClient;
  /** Every exchange of this test so far: the evidence of its verdict. */
  readonly exchanges: readonly Exchange[];
  readonly warnings: readonly string[];
  createOperation(scenario: Scenario): Promise<string>;
  /**
   * Cancels (with no body unless `options.body` says otherwise) and requires a 2xx answer;
   * a 501 UNIMPLEMENTED answer makes the clause NOT_APPLICABLE.
   */
  cancelAccepted(name: string, options?: CancelOptions): Promise<HttpResult>;
  /** Reads an operation and requires a valid Operation body. */
  getOperation(name: string): Promise<OperationJson>;
  /** Polls GetOperation until `done`; still running at the deadline is INCONCLUSIVE. */
  pollUntilDone(name: string): Promise<OperationJson>;
  /** A name that fits the service's template but names no operation. */
  nonexistentName(): string;
  /** Names that do not fit the service's template. */
  malformedNames(): string[];
  /** Checks an answer against the clause's declared `expectedError` (one harness assertion for all suites). */
  expectDeclaredError(result: HttpResult): void;
  /** Checks that an error answer, whatever its status, is a consistent AIP-193 envelope. */
  expectErrorEnvelope(result: HttpResult): void;
  warn(message: string): void;
  notApplicable(reason: string): never;
  inconclusive(reason: string): never;
  fail(message: string): never;
}

export interface ClauseContextOptions {
  readonly service: ServiceProfile;
  readonly target: Target;
  readonly deadlineMs: number;
  readonly expectedError?: ExpectedError | readonly ExpectedError[];
}

export function createClauseContext(options: ClauseContextOptions): ClauseContext {
  const { service, target, deadlineMs } = options;
  const recorder = recordExchanges(target.fetch);
  const client = createLroClient(service, target.baseUrl, recorder.fetch);
  const warnings: string[] = [];
  const segments = parseSegmentsTemplate(service.nameTemplate);
  const unique = `lro-conformance-absent-${Math.random().toString(36).slice(2, 10)}`;

  // AIP-193 asks for an ErrorInfo in every error: advice, so a warning rather than a verdict.
  const adviseErrorInfo = (result: HttpResult) => {
    const advice = errorEnvelopeHasErrorInfo(result.json);
    if (advice.length > 0) warnings.push(`AIP-193 advice: ${formatViolations(advice)}`);
  };

  const context: ClauseContext = {
    service,
    client,
    exchanges: recorder.exchanges,
    warnings,
    createOperation: (scenario) =>
      createControlledOperation(target.fetch, target.controlUrl, service.id, scenario),
    async cancelAccepted(name, cancelOptions) {
      const result = await client.cancel(name, cancelOptions);
      if (isUnimplemented(result)) {
        context.notApplicable(
          `cancel answered ${result.status} UNIMPLEMENTED: this target does not support cancel`,
        );
      }
      if (result.status < 200 || result.status > 299) {
        context.fail(
          `cancel of ${name}${describeBody(cancelOptions)} answered ${result.status}: ${result.text.slice(0, 300)}`,
        );
      }
      return result;
    },
    async getOperation(name) {
      return readOperation(await client.get(name), name);
    },
    async pollUntilDone(name) {
      const result = await poll({
        clock: target.clock,
        deadlineMs,
        observe: () => context.getOperation(name),
        until: (operation) => operation.done === true,
      });
      if (!result.settled) {
        context.inconclusive(
          `${name} was still running ${deadlineMs} ms after cancel (${result.attempts} polls): cancellation is best effort, so this proves nothing either way`,
        );
      }
      return result.value;
    },
    nonexistentName: () => absentName(service.nameTemplate, unique),
    malformedNames: () => sampleNames(segments, { valid: false, count: 3, seed: 11 }),
    expectDeclaredError: (result) => {
      const failure = checkExpectedError(result, options.expectedError);
      if (failure) context.fail(failure);
      adviseErrorInfo(result);
    },
    expectErrorEnvelope: (result) => {
      const violations = validateErrorEnvelope(result.json, result.status);
      if (violations.length > 0) {
        context.fail(
          `error answer ${result.status} is not a consistent AIP-193 envelope:\n${formatViolations(violations)}`,
        );
      }
      adviseErrorInfo(result);
    },
    warn: (message) => {
      warnings.push(message);
    },
    notApplicable: (reason) => {
      throw new OutcomeSignal('NOT_APPLICABLE', reason);
    },
    inconclusive: (reason) => {
      throw new OutcomeSignal('INCONCLUSIVE', reason);
    },
    fail: (message) => {
      throw new ConformanceFailure(message);
    },
  };
  return context;
}

/** 501 is UNIMPLEMENTED's HTTP status (google/rpc/code.proto); whether the envelope says so too is another clause's business. */
function isUnimplemented(result: HttpResult): boolean {
  return result.status === 501;
}

/** Fills the template's wildcards; the last one (or the `**`) gets the unique, absent id. */
function absentName(nameTemplate: string, unique: string): string {
  const segments = nameTemplate.split('/');
  const last = segments.findLastIndex((segment) => segment === '*' || segment === '**');
  return segments
    .map((segment, index) => {
      if (index === last) return unique;
      return segment === '*' ? 'lro-conformance' : segment;
    })
    .join('/');
}

function describeBody(options: CancelOptions | undefined): string {
  return options && 'body' in options
    ? ` with body ${JSON.stringify(options.body)}`
    : ' with no body';
}

/** `{}`: the JSON form of google.protobuf.Empty. */
export function isEmptyJsonObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  );
}
