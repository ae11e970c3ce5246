/**
 * Which cancel observation a clause judges (cancel-observation.ts). A clause that requires a
 * cancellable operation, in a run that names one (`--allow-cancel`), judges the run's one shared
 * observation of it: the first clause that asks starts it on an observer of its own (kept in the
 * target's run memo), and every clause adopts its exchanges and warnings as evidence and meets
 * its ending (docs/decisions/0007-live-runs-share-observations.md). Any other clause cancels a
 * running operation made through the control endpoint, once per test.
 */

import { HarnessError } from '#base';
import type { CancelSupport, ClauseRequirement, Exchange } from '#reports';
import type { ServiceProfile } from '#specs';
import type { Scenario } from '../control/index.ts';
import type { Target } from '../targets/index.ts';
import {
  type AcceptedCancel,
  type CancelledOperation,
  type CancelObservation,
  type CancelSteps,
  ownCancelObservation,
  type SharedCancelObservation,
  startSharedCancel,
} from './cancel-observation.ts';
import type { ClauseEvidence } from './clause-evidence.ts';
import { outcomeValue, type SharedOutcome } from './shared-outcome.ts';

/** The suite's view (members of the clause context). */
export interface ObservationsView {
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
}

export interface ClauseObservations extends ObservationsView {
  /** What the shared observation's cancel showed about cancel support, once this test used it. */
  sharedCancelSupport(): CancelSupport | undefined;
  /** Requests the shared observation sent so far, once this test waits on it (time budget). */
  sharedRequestCount(): number;
}

/** Whoever makes the run's shared observation: a clause run of its own (clause-context.ts). */
export interface CancelObserver {
  readonly steps: CancelSteps;
  exchanges(): readonly Exchange[];
  warnings(): readonly string[];
  /** Waits the run's settle time and reads every operation seen done again. */
  settle(): Promise<void>;
  cancelSupport(): CancelSupport | undefined;
}

export interface ClauseObservationsOptions {
  readonly service: ServiceProfile;
  readonly target: Target;
  readonly requires?: ClauseRequirement | undefined;
  /** An existing operation the run may cancel once (`--allow-cancel`). */
  readonly cancellable?: string | undefined;
  /** This test's own steps, for an observation it makes itself. */
  readonly steps: CancelSteps;
  readonly createOperation: (scenario: Scenario) => Promise<string>;
  readonly evidence: ClauseEvidence;
  /** Makes the observer of the shared observation of `name`; called once per run. */
  readonly observer: (name: string) => CancelObserver;
}

export function createClauseObservations(options: ClauseObservationsOptions): ClauseObservations {
  const { service, target, steps, evidence } = options;
  let sharedSupport: () => CancelSupport | undefined = () => undefined;
  let waitingOn: (() => number) | undefined;
  let sharedWarnings: () => readonly string[] = () => [];
  let own: CancelObservation | undefined;
  const ownObservation = () => {
    own ??= ownCancelObservation(() => options.createOperation('running'), steps);
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
      const observer = options.observer(name);
      return {
        observer,
        stages: startSharedCancel({
          name,
          steps: observer.steps,
          exchanges: observer.exchanges,
          settle: observer.settle,
        }),
      };
    });
    return {
      cancelled: observation.then(({ observer, stages }) => {
        waitingOn = () => observer.exchanges().length;
        sharedSupport = () => observer.cancelSupport();
        sharedWarnings = () => observer.warnings();
        return stages.cancelled;
      }),
      waited: observation.then(({ stages }) => stages.waited),
    };
  };
  const judgeShared = async <T>(outcome: Promise<SharedOutcome<T>>): Promise<T> => {
    const settled = await outcome;
    evidence.adopt(settled.exchanges);
    for (const warning of sharedWarnings()) evidence.warn(warning);
    return outcomeValue(settled);
  };
  return {
    async acceptedCancel() {
      const observation = shared();
      if (observation !== undefined) return judgeShared(observation.cancelled);
      return ownObservation().cancelled();
    },
    async cancelAndWait(waitOptions = {}) {
      if (waitOptions.scenario !== undefined && waitOptions.scenario !== 'running') {
        const scenario = waitOptions.scenario;
        return ownCancelObservation(() => options.createOperation(scenario), steps).waited();
      }
      const observation = shared();
      if (observation !== undefined) {
        await judgeShared(observation.cancelled);
        return judgeShared(observation.waited);
      }
      return ownObservation().waited();
    },
    sharedCancelSupport: () => sharedSupport(),
    sharedRequestCount: () => waitingOn?.() ?? 0,
  };
}
