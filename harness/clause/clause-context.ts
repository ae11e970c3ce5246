/**
 * What a suite gets for one service: the service profile, a recording client, the control
 * protocol, polling against the target's clock, and the verdict helpers. Suites never branch on
 * the target: everything target-specific is here. The rules every suite
 * shares live here once: what a cancel's answer means (cancel-answer.ts), what an operation shows
 * (operation-outcome.ts), and that a terminal state stays terminal (operation-history.ts).
 */
import { HarnessError, isJsonObject } from '#base';
import type { CancelSupport, ClauseRequirement, Exchange } from '#reports';
import type { ServiceProfile } from '#specs';
import { parseSegmentsTemplate, sampleNames } from '../../specs/path-template/index.ts';
import type { Scenario } from '../control/vocabulary.ts';
import type { FetchLike } from '../http/fetch-like.ts';
import type { Target } from '../targets/target.ts';
import {
  errorEnvelopeHasErrorInfo,
  formatViolations,
  splitUnknownFields,
  validateOperation,
  withoutNulls,
} from '../validators/index.ts';
import { type CancelAnswer, classifyCancel } from './cancel-answer.ts';
import {
  type AcceptedCancel,
  type CancelledOperation,
  type CancelObservation,
  type CancelSteps,
  ownCancelObservation,
  type SharedCancelObservation,
  startSharedCancel,
} from './cancel-observation.ts';
import type { ExpectedError } from './define-clause.ts';
import { recordExchanges } from './exchange-recorder.ts';
import { checkErrorEnvelope, checkExpectedError } from './expected-error.ts';
import {
  type CancelOptions,
  createLroClient,
  encodeName,
  type HttpResult,
  type LroClient,
} from './lro-client.ts';
import { OperationHistory } from './operation-history.ts';
import { ConformanceFailure, type FindingOptions, OutcomeSignal } from './outcome-signal.ts';
import { poll } from './poll.ts';
import { absentId, absentName, parentOf } from './probe-names.ts';
import { sharingProbes } from './probe-sharing.ts';
import { type OperationJson, readOperation } from './read-operation.ts';
import { scrubUrl } from './scrub.ts';
import { outcomeValue, type SharedOutcome } from './shared-outcome.ts';

export type { AcceptedCancel, CancelledOperation };

/** A response header the live target adds when a request was retried (live-target.ts). */
const RETRIED_HEADER = 'x-lro-conformance-retried';

export interface ClauseContext {
  readonly service: ServiceProfile;
  readonly client: LroClient;
  /** A client whose requests carry none of the run's credentials (`--header`, ADC). */
  readonly clientWithoutCredentials: LroClient;
  /** Every exchange of this test so far: the evidence of its verdict. */
  readonly exchanges: readonly Exchange[];
  readonly warnings: readonly string[];
  /** An operation in a known state, made through the control endpoint. */
  createOperation(scenario: Scenario): Promise<string>;
  /** Sends a cancel (no body unless `options.body` says otherwise) and classifies the answer. */
  requestCancel(name: string, options?: CancelOptions): Promise<CancelAnswer>;
  /**
   * Requires the cancel to be accepted (2xx, without an error envelope). 501 UNIMPLEMENTED makes
   * the clause NOT_APPLICABLE (a FAIL if other cancels of the service are accepted in the run).
   */
  cancelAccepted(name: string, options?: CancelOptions): Promise<HttpResult>;
  /**
   * The accepted cancel of the operation this clause may cancel: the run's `--allow-cancel`
   * operation (cancelled once per run, whichever clause asks first) for a clause that requires a
   * cancellable operation, else a running operation made through the control endpoint.
   */
  acceptedCancel(): Promise<AcceptedCancel>;
  /**
   * The same cancel, then GetOperation right after it and polling until it shows the operation
   * done. `scenario` makes a fresh operation through the control endpoint instead.
   */
  cancelAndWait(options?: {
    readonly scenario?: Extract<Scenario, 'running' | 'completes-despite-cancel'>;
  }): Promise<CancelledOperation>;
  /**
   * The operation a read-only clause reads: the run's `--operation`, else a done one made
   * through the control endpoint.
   */
  operationToRead(): Promise<string>;
  /** Reads an operation; fails unless the answer is an Operation, or if a done one changed. */
  getOperation(name: string): Promise<OperationJson>;
  /**
   * Polls GetOperation until `done`, starting from `first` when the operation was just read;
   * still running at the deadline is INCONCLUSIVE.
   */
  pollUntilDone(name: string, first?: OperationJson): Promise<OperationJson>;
  /** Checks every invariant of google.longrunning.Operation (operations.proto, code.proto). */
  expectValidOperation(operation: OperationJson): void;
  /**
   * A name that fits the service's template but names no operation, under a parent the caller
   * owns: the run's `--parent`, else the parent of an operation the control endpoint makes, else
   * a made-up one (a 403 to it is then INCONCLUSIVE: permission comes before existence, AIP-193).
   */
  nonexistentName(): Promise<string>;
  /** Names that do not fit the service's template. */
  malformedNames(): string[];
  /**
   * Checks an answer against the clause's declared `expectedError` (one assertion for all
   * suites). A 403 PERMISSION_DENIED to a probe under a made-up parent is INCONCLUSIVE.
   */
  expectDeclaredError(result: HttpResult): void;
  /** Checks that an error answer, whatever its status, is a consistent AIP-193 envelope. */
  expectErrorEnvelope(result: HttpResult): void;
  /** Checks that an error answer's `details` carry a well-formed google.rpc.ErrorInfo (AIP-193). */
  expectErrorInfo(result: HttpResult): void;
  warn(message: string): void;
  notApplicable(reason: string): never;
  inconclusive(reason: string): never;
  fail(message: string, options?: FindingOptions): never;
}

export interface ClauseContextOptions {
  readonly service: ServiceProfile;
  readonly target: Target;
  readonly deadlineMs: number;
  readonly expectedError?: ExpectedError | readonly ExpectedError[];
  /** The leading segments of names the caller owns, for probe names (live runs). */
  readonly parent?: string;
  /** What the clause needs: a cancellable-operation clause cancels the run's named operation. */
  readonly requires?: ClauseRequirement;
  /** An existing operation to read, never to change (`--operation`). */
  readonly operation?: string;
  /** An existing operation the run may cancel once (`--allow-cancel`). */
  readonly cancellable?: string;
  /** Makes the run's probe names (probe-names.ts); random when absent. */
  readonly probeSeed?: string;
  /** The settle time, waited by the observation shared with other tests. */
  readonly settleMs?: number;
  /** Existing operations whose accepted cancel shows that the service supports cancel. */
  readonly knownOperations?: readonly string[];
}

/** The context a suite sees, plus what the harness does around it. */
export interface ClauseRun {
  readonly context: ClauseContext;
  /** Waits `settleMs` on the target's clock and reads every operation seen done again. */
  settle(settleMs: number): Promise<void>;
  /** What this test's cancels showed about cancel support, if anything. */
  cancelSupport(): CancelSupport | undefined;
  /** Requests this test sent or waits on (an observation it shares), for its time budget. */
  requestCount(): number;
}

export function createClauseRun(options: ClauseContextOptions): ClauseRun {
  const { service, target, deadlineMs } = options;
  const recorder = recordExchanges(target.fetch);
  const warnings: string[] = [];
  const history = new OperationHistory();
  const created = new Set<string>();
  /** Names of existing operations the user named: cancelled only by the shared observation. */
  const named = new Set([options.operation, options.cancellable].filter((n) => n !== undefined));
  const support: { accepted?: string; unimplemented?: string } = {};
  let sharedSupport: () => CancelSupport | undefined = () => undefined;
  const adopted = new Set<Exchange>();
  let waitingOn: (() => number) | undefined;
  let sharedWarnings: () => readonly string[] = () => [];
  const segments = parseSegmentsTemplate(service.nameTemplate);
  const probeId = absentId(options.probeSeed);
  const malformed = sampleNames(segments, { valid: false, count: 3, seed: 11 });
  let probe: { readonly name: string; readonly ownParent: boolean } | undefined;

  const warnOnce = (message: string) => {
    if (!warnings.includes(message)) warnings.push(message);
  };
  const fail = (message: string, findingOptions?: FindingOptions): never => {
    throw new ConformanceFailure(message, findingOptions);
  };
  const adopt = (exchanges: readonly Exchange[]) => {
    recorder.adopt(exchanges.filter((exchange) => !adopted.has(exchange)));
    for (const exchange of exchanges) adopted.add(exchange);
  };
  /** The run's credentials, added before the recorder so evidence shows them (scrubbed). */
  const withCredentials = (fetch: FetchLike): FetchLike => {
    const { authorize } = target;
    return authorize === undefined ? fetch : async (request) => fetch(await authorize(request));
  };
  const noticingRetries =
    (fetch: FetchLike): FetchLike =>
    async (request) => {
      const response = await fetch(request);
      const retried = response.headers.get(RETRIED_HEADER);
      if (retried !== null) {
        warnOnce(
          `${request.method} ${scrubUrl(request.url)} was answered after retries (${retried}), as the server asked`,
        );
      }
      return response;
    };
  const isProbe = (name: string) => name === probe?.name || malformed.includes(name);
  const clientOf = (credentials: boolean) => {
    const via = (fetch: FetchLike) => noticingRetries(credentials ? withCredentials(fetch) : fetch);
    const own = createLroClient(service, target.baseUrl, via(recorder.fetch));
    const client =
      target.shareProbes === true && target.memo !== undefined
        ? sharingProbes(own, {
            memo: target.memo,
            scope: `${service.id} ${credentials ? 'with credentials' : 'without credentials'}`,
            isProbe,
            freshClient: () => {
              const fresh = recordExchanges(target.fetch);
              return {
                client: createLroClient(service, target.baseUrl, via(fresh.fetch)),
                exchanges: fresh.exchanges,
              };
            },
            adopt,
          })
        : own;
    return guardNamed(client, named, service.id);
  };
  const client = clientOf(true);
  const clientWithoutCredentials = clientOf(false);
  // Fields AIP-193 does not define are ignored by Google's clients: worth a warning, not a verdict.
  const warnOnUnknownFields = (result: HttpResult) => {
    const { unknownFields } = checkErrorEnvelope(result);
    if (unknownFields.length > 0) {
      warnOnce(
        `error envelope fields AIP-193 does not define (ignored): ${formatViolations(unknownFields)}`,
      );
    }
  };
  /** Permission comes before existence (AIP-193): a made-up parent's 403 proves nothing. */
  const inconclusiveIfForeignParent = (result: HttpResult) => {
    if (probe === undefined || probe.ownParent || result.status !== 403) return;
    const body = withoutNulls(result.json) as { error?: { status?: unknown } } | undefined;
    if (body?.error?.status !== 'PERMISSION_DENIED') return;
    if (!result.url.includes(encodeName(probe.name))) return;
    throw new OutcomeSignal(
      'INCONCLUSIVE',
      `the probe ${probe.name} sits under a made-up parent, which the caller may not read: 403 PERMISSION_DENIED comes before existence (AIP-193); pass --parent ${service.id}=PARENT with a parent you own`,
    );
  };

  /** Whether a service supports cancel is one fact per run: a test that sees both is inconsistent. */
  const noteSupport = (kind: 'accepted' | 'unimplemented', what: string) => {
    support[kind] ??= what;
    if (support.accepted !== undefined && support.unimplemented !== undefined) {
      fail(
        `cancel answered 2xx to ${support.accepted} but 501 UNIMPLEMENTED to ${support.unimplemented}: a server either supports cancel or does not ("If the server doesn't support this method, it returns google.rpc.Code.UNIMPLEMENTED")`,
        { rootCause: 'cancel-support-inconsistent' },
      );
    }
  };

  const describeCancel = (name: string, cancelOptions: CancelOptions | undefined) =>
    `the cancel of ${name} with ${cancelOptions && 'body' in cancelOptions ? `body ${JSON.stringify(cancelOptions.body)}` : 'no body'}`;

  const steps: CancelSteps = {
    cancelAccepted: (name) => context.cancelAccepted(name),
    getOperation: (name) => context.getOperation(name),
    pollUntilDone: (name, first) => context.pollUntilDone(name, first),
  };
  let own: CancelObservation | undefined;
  const ownObservation = () => {
    own ??= ownCancelObservation(() => context.createOperation('running'), steps);
    return own;
  };
  /** The run's one observation of the --allow-cancel operation, when this clause judges it. */
  const shared = (): SharedCancelObservation | undefined => {
    const name = options.cancellable;
    if (name === undefined || options.requires !== 'cancellable-operation') return undefined;
    if (target.memo === undefined) {
      throw new HarnessError(`${service.id}: this target cannot share the cancel of ${name}`);
    }
    const observation = target.memo.once(`cancel ${service.id} ${name}`, async () => {
      const fixture = createClauseRun({
        service,
        target,
        deadlineMs,
        knownOperations: [name],
      });
      return {
        fixture,
        stages: startSharedCancel({
          name,
          steps: {
            cancelAccepted: (n) => fixture.context.cancelAccepted(n),
            getOperation: (n) => fixture.context.getOperation(n),
            pollUntilDone: (n, first) => fixture.context.pollUntilDone(n, first),
          },
          exchanges: () => fixture.context.exchanges,
          settle: () => fixture.settle(options.settleMs ?? 0),
        }),
      };
    });
    return {
      cancelled: observation.then(({ fixture, stages }) => {
        waitingOn = () => fixture.context.exchanges.length;
        sharedSupport = () => fixture.cancelSupport();
        sharedWarnings = () => fixture.context.warnings;
        return stages.cancelled;
      }),
      waited: observation.then(({ stages }) => stages.waited),
    };
  };
  const judgeShared = async <T>(outcome: Promise<SharedOutcome<T>>): Promise<T> => {
    const settled = await outcome;
    adopt(settled.exchanges);
    for (const warning of sharedWarnings()) warnOnce(warning);
    return outcomeValue(settled);
  };
  for (const name of options.knownOperations ?? []) created.add(name);

  const context: ClauseContext = {
    service,
    client,
    clientWithoutCredentials,
    exchanges: recorder.exchanges,
    warnings,
    async createOperation(scenario) {
      if (target.control === undefined) {
        throw new HarnessError(
          `${service.id}: this run has no control endpoint to make a ${scenario} operation`,
        );
      }
      const name = await target.control.createOperation(
        service.id,
        scenario,
        withCredentials(recorder.fetch),
      );
      created.add(name);
      return name;
    },
    async requestCancel(name, cancelOptions) {
      const result = await client.cancel(name, cancelOptions);
      const kind = classifyCancel(result);
      if (kind === 'unimplemented')
        noteSupport('unimplemented', describeCancel(name, cancelOptions));
      if (kind === 'accepted' && created.has(name)) {
        noteSupport('accepted', describeCancel(name, cancelOptions));
      }
      return { kind, result };
    },
    async cancelAccepted(name, cancelOptions) {
      const { kind, result } = await context.requestCancel(name, cancelOptions);
      if (kind === 'unimplemented') {
        context.notApplicable(
          `cancel answered 501 UNIMPLEMENTED: ${service.id} does not support cancel on this target`,
        );
      }
      if (kind === 'refused') {
        fail(
          `${describeCancel(name, cancelOptions)} answered ${result.status}: ${result.text.slice(0, 300) || '(empty body)'}`,
          { rootCause: `cancel-refused-${result.status}` },
        );
      }
      if (isErrorEnvelope(result.json)) {
        fail(
          `${describeCancel(name, cancelOptions)} answered ${result.status} with an error envelope: an error needs an error status (AIP-193)`,
          { rootCause: 'envelope-under-2xx' },
        );
      }
      return result;
    },
    async acceptedCancel() {
      const observation = shared();
      if (observation !== undefined) return judgeShared(observation.cancelled);
      return ownObservation().cancelled();
    },
    async cancelAndWait(waitOptions = {}) {
      if (waitOptions.scenario !== undefined && waitOptions.scenario !== 'running') {
        const scenario = waitOptions.scenario;
        return ownCancelObservation(() => context.createOperation(scenario), steps).waited();
      }
      const observation = shared();
      if (observation !== undefined) {
        await judgeShared(observation.cancelled);
        return judgeShared(observation.waited);
      }
      return ownObservation().waited();
    },
    async operationToRead() {
      return options.operation ?? context.createOperation('done');
    },
    async getOperation(name) {
      const result = await client.get(name);
      if (result.status !== 200) {
        const gone = history.observeMissing(name, result.status);
        if (gone !== undefined) fail(gone, { rootCause: 'done-operation-disappeared' });
      }
      const { operation, unknownFields } = readOperation(result, name);
      if (unknownFields.length > 0) {
        warnOnce(
          `Operation fields google.longrunning.Operation does not define (ignored, as Google's clients do): ${unknownFields.join(', ')}`,
        );
      }
      const changed = history.observe(name, operation);
      if (changed !== undefined) fail(changed, { rootCause: 'done-operation-changed' });
      return operation;
    },
    async pollUntilDone(name, first) {
      let seen = first;
      const result = await poll({
        clock: target.clock,
        deadlineMs,
        observe: async () => {
          if (seen === undefined) return context.getOperation(name);
          const already = seen;
          seen = undefined;
          return already;
        },
        until: (operation) => operation.done === true,
      });
      if (!result.settled) {
        context.inconclusive(
          `${name} was still running ${deadlineMs} ms after the cancel (${result.attempts} polls): cancellation is best effort, so this proves nothing either way`,
        );
      }
      // Read once more at once: a done state must not flap back.
      await context.getOperation(name);
      return result.value;
    },
    expectValidOperation(operation) {
      const { violations } = splitUnknownFields(validateOperation(operation));
      if (violations.length > 0) {
        fail(`${operation.name} is not a valid Operation:\n${formatViolations(violations)}`, {
          rootCause: `operation-invalid-${violations.map((violation) => violation.rule).join('+')}`,
        });
      }
    },
    async nonexistentName() {
      if (probe === undefined) {
        const owner =
          options.parent ??
          (target.control === undefined
            ? undefined
            : parentOf(service.nameTemplate, await context.createOperation('done')));
        probe = {
          name: absentName(service.nameTemplate, probeId, owner),
          ownParent: owner !== undefined,
        };
      }
      return probe.name;
    },
    malformedNames: () => [...malformed],
    expectDeclaredError: (result) => {
      const failure = checkExpectedError(result, options.expectedError);
      if (failure) {
        inconclusiveIfForeignParent(result);
        fail(failure);
      }
      warnOnUnknownFields(result);
    },
    expectErrorEnvelope: (result) => {
      const { violations } = checkErrorEnvelope(result);
      if (violations.length > 0) {
        fail(
          `error answer ${result.status} is not a consistent AIP-193 envelope:\n${formatViolations(violations)}`,
        );
      }
      warnOnUnknownFields(result);
    },
    expectErrorInfo: (result) => {
      const violations = errorEnvelopeHasErrorInfo(withoutNulls(result.json));
      if (violations.length > 0) {
        fail(
          `error answer ${result.status} carries no well-formed google.rpc.ErrorInfo:\n${formatViolations(violations)}`,
          { rootCause: 'error-info-missing' },
        );
      }
    },
    warn: warnOnce,
    notApplicable: (reason) => {
      throw new OutcomeSignal('NOT_APPLICABLE', reason);
    },
    inconclusive: (reason) => {
      throw new OutcomeSignal('INCONCLUSIVE', reason);
    },
    fail,
  };

  return {
    context,
    async settle(settleMs) {
      const names = history.terminalNames();
      if (names.length === 0) return;
      await target.clock.sleep(settleMs);
      for (const name of names) await context.getOperation(name);
    },
    cancelSupport() {
      if (support.accepted !== undefined) return 'supported';
      if (support.unimplemented !== undefined) return 'unsupported';
      return sharedSupport();
    },
    requestCount: () => recorder.exchanges.length + (waitingOn?.() ?? 0),
  };
}

/**
 * Refuses to change an operation the user named: an `--operation` is only read, and an
 * `--allow-cancel` operation is cancelled once per run, by the shared observation alone.
 */
function guardNamed(client: LroClient, named: ReadonlySet<string>, serviceId: string): LroClient {
  const refuse = (name: string): Promise<never> =>
    Promise.reject(
      new HarnessError(
        `${serviceId}: refused to send a second request that could change ${name}, an operation the run names (--operation is only read; --allow-cancel is cancelled once)`,
      ),
    );
  return {
    get: (name) => client.get(name),
    cancel: (name, options) => (named.has(name) ? refuse(name) : client.cancel(name, options)),
    send: (method, name, verb) =>
      named.has(name) && (method !== 'GET' || verb !== undefined)
        ? refuse(name)
        : client.send(method, name, verb),
  };
}

/** An AIP-193 envelope: `{"error": {…, "status": …}}` and nothing beside it. */
export function isErrorEnvelope(json: unknown): boolean {
  const body = withoutNulls(json);
  return (
    isJsonObject(body) &&
    Object.keys(body).length === 1 &&
    isJsonObject(body.error) &&
    typeof body.error.status === 'string'
  );
}

/** `{}`: the JSON form of google.protobuf.Empty. */
export function isEmptyJsonObject(value: unknown): boolean {
  return isJsonObject(value) && Object.keys(value).length === 0;
}
