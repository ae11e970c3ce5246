import type { CancelSupport, ClauseRequirement } from '#reports';
import type { ServiceProfile } from '#specs';
import type { Target } from '../targets/index.ts';
import { createCancelFollowThrough } from './cancel-follow-through.ts';
import type { AcceptedCancel, CancelledOperation, CancelSteps } from './cancel-observation.ts';
import { type CancelView, createClauseCancel } from './clause-cancel.ts';
import { type ClauseClients, createClauseClients, withCredentials } from './clause-clients.ts';
import { createClauseErrorAnswers, type ErrorAnswersView } from './clause-error-answers.ts';
import { createClauseEvidence, type EvidenceView } from './clause-evidence.ts';
import {
  type CancelObserver,
  createClauseObservations,
  type ObservationsView,
} from './clause-observations.ts';
import { createClauseOperations, type OperationsView } from './clause-operations.ts';
import { createClauseProbes, type ProbesView } from './clause-probes.ts';
import { createClauseReading, type ReadingView } from './clause-reading.ts';
import type { ExpectedError } from './define-clause.ts';
import { fail, inconclusive, notApplicable, type OutcomeSignals } from './outcome-signal.ts';

export type { AcceptedCancel, CancelledOperation };

export interface ClauseContext
  extends ClauseClients,
    EvidenceView,
    OperationsView,
    CancelView,
    ObservationsView,
    ReadingView,
    ProbesView,
    ErrorAnswersView,
    OutcomeSignals {
  readonly service: ServiceProfile;
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
  /**
   * Polls every running operation of the test whose cancel was accepted until it is done, and
   * checks it ended cancelled or completed (cancel-follow-through.ts).
   */
  followThrough(): Promise<void>;
  /** What this test's cancels showed about cancel support, if anything. */
  cancelSupport(): CancelSupport | undefined;
  /** Requests this test sent or waits on (an observation it shares), for its time budget. */
  requestCount(): number;
}

export function createClauseRun(options: ClauseContextOptions): ClauseRun {
  const { service, target } = options;
  const evidence = createClauseEvidence(target.fetch);
  const operations = createClauseOperations({
    service,
    target,
    fetch: withCredentials(target, evidence.fetch),
    operation: options.operation,
    knownOperations: options.knownOperations,
  });
  const probes = createClauseProbes({
    service,
    parent: options.parent,
    probeSeed: options.probeSeed,
    createDoneOperation:
      target.control === undefined ? undefined : () => operations.createOperation('done'),
  });
  const clients = createClauseClients({
    service,
    target,
    evidence,
    named: new Set([options.operation, options.cancellable].filter((n) => n !== undefined)),
    isProbe: probes.isProbe,
  });
  const reading = createClauseReading({
    client: clients.client,
    clock: target.clock,
    deadlineMs: options.deadlineMs,
    warn: evidence.warn,
  });
  const followThrough = createCancelFollowThrough({
    seenDone: reading.seenDone,
    pollUntilDone: (name) => reading.pollUntilDone(name),
    unreadable: service.limits?.find((limit) => limit.call === 'get')?.reason,
    warn: evidence.warn,
  });
  const cancel = createClauseCancel({
    service,
    client: clients.client,
    isKnown: operations.isKnown,
    onAccepted: (name, description) => {
      const scenario = operations.scenarioOf(name);
      if (scenario === 'running' || scenario === 'completes-despite-cancel') {
        followThrough.note(name, description);
      }
    },
  });
  const observations = createClauseObservations({
    service,
    target,
    requires: options.requires,
    cancellable: options.cancellable,
    steps: stepsOf(cancel, reading),
    createOperation: operations.createOperation,
    evidence,
    observer: (name) => observerOf(options, name),
  });
  const errorAnswers = createClauseErrorAnswers({
    expectedError: options.expectedError,
    warn: evidence.warn,
    beforeMismatch: probes.inconclusiveIfPermissionDenied,
  });

  const context: ClauseContext = {
    service,
    client: clients.client,
    clientWithoutCredentials: clients.clientWithoutCredentials,
    exchanges: evidence.exchanges,
    warnings: evidence.warnings,
    warn: evidence.warn,
    createOperation: operations.createOperation,
    operationToRead: operations.operationToRead,
    requestCancel: cancel.requestCancel,
    cancelAccepted: cancel.cancelAccepted,
    acceptedCancel: observations.acceptedCancel,
    cancelAndWait: observations.cancelAndWait,
    getOperation: reading.getOperation,
    pollUntilDone: reading.pollUntilDone,
    nonexistentName: probes.nonexistentName,
    malformedNames: probes.malformedNames,
    encodedSeparatorNames: probes.encodedSeparatorNames,
    expectDeclaredError: errorAnswers.expectDeclaredError,
    expectNameRejected: errorAnswers.expectNameRejected,
    expectErrorEnvelope: errorAnswers.expectErrorEnvelope,
    expectErrorInfo: errorAnswers.expectErrorInfo,
    fail,
    notApplicable,
    inconclusive,
  };
  return {
    context,
    settle: reading.settle,
    followThrough: followThrough.verify,
    cancelSupport: () => cancel.cancelSupport() ?? observations.sharedCancelSupport(),
    requestCount: () => evidence.exchanges.length + observations.sharedRequestCount(),
  };
}

/** The steps of a cancel observation, on one test's capabilities. */
function stepsOf(cancel: CancelView, reading: ReadingView): CancelSteps {
  return {
    cancelAccepted: (name) => cancel.cancelAccepted(name),
    getOperation: (name) => reading.getOperation(name),
    pollUntilDone: (name, first) => reading.pollUntilDone(name, first),
  };
}

/**
 * The observer of the run's one cancel of `name`: a clause run of its own, which knows `name` as
 * an existing operation (its accepted cancel shows support) and names none it must not change.
 */
function observerOf(options: ClauseContextOptions, name: string): CancelObserver {
  const { service, target, deadlineMs } = options;
  const fixture = createClauseRun({ service, target, deadlineMs, knownOperations: [name] });
  return {
    steps: stepsOf(fixture.context, fixture.context),
    exchanges: () => fixture.context.exchanges,
    warnings: () => fixture.context.warnings,
    settle: () => fixture.settle(options.settleMs ?? 0),
    cancelSupport: () => fixture.cancelSupport(),
  };
}
