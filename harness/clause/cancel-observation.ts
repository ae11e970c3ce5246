/**
 * What the cancel-state clauses judge: one accepted cancel, sent with no body as Discovery
 * clients send it, the GetOperation right after it, and the operation once GetOperation shows it
 * done. The service pages: cancellation "starts asynchronous cancellation on a long-running
 * operation … Clients can use Operations.GetOperation or other methods to check whether the
 * cancellation succeeded or whether the operation completed despite cancellation."
 *
 * With a control endpoint each test makes and cancels its own operation. An operation the user
 * allows to be cancelled (`--allow-cancel`) is cancelled exactly once per run: the first clause
 * that needs it starts the observation (the run memo keeps it), every clause judges the same one,
 * adopting its exchanges as evidence. The shared observation includes its own settle re-read, so
 * a done state that goes back is caught once for all of them.
 */
import type { Exchange } from '#reports';
import type { OperationJson } from '#specs';
import type { HttpResult } from './lro-client.ts';
import { observeShared, type SharedOutcome } from './shared-outcome.ts';

export interface AcceptedCancel {
  readonly name: string;
  /** The accepted cancel's answer (2xx, no error envelope). */
  readonly answer: HttpResult;
}

export interface CancelledOperation extends AcceptedCancel {
  /** GetOperation right after the cancel: the operation is still there. */
  readonly afterCancel: OperationJson;
  /** The operation once GetOperation shows it done. */
  readonly operation: OperationJson;
}

/** The steps of an observation, on the context of whoever makes it. */
export interface CancelSteps {
  /** Sends the cancel; 501 ends in NOT_APPLICABLE, another refusal in FAIL. */
  cancelAccepted(name: string): Promise<HttpResult>;
  getOperation(name: string): Promise<OperationJson>;
  /** Polls until done, starting from an operation already read. */
  pollUntilDone(name: string, first: OperationJson): Promise<OperationJson>;
}

export interface CancelObservation {
  cancelled(): Promise<AcceptedCancel>;
  waited(): Promise<CancelledOperation>;
}

/** A test's own observation: each stage runs on its first use, on the test's own context. */
export function ownCancelObservation(
  name: () => Promise<string>,
  steps: CancelSteps,
): CancelObservation {
  let cancelled: Promise<AcceptedCancel> | undefined;
  let waited: Promise<CancelledOperation> | undefined;
  const cancel = () => {
    cancelled ??= name().then(async (named) => ({
      name: named,
      answer: await steps.cancelAccepted(named),
    }));
    return cancelled;
  };
  return {
    cancelled: cancel,
    waited: () => {
      waited ??= cancel().then((accepted) => waitForDone(accepted, steps));
      return waited;
    },
  };
}

/** The stages of an observation made once for the run, each kept with its exchanges. */
export interface SharedCancelObservation {
  readonly cancelled: Promise<SharedOutcome<AcceptedCancel>>;
  readonly waited: Promise<SharedOutcome<CancelledOperation>>;
}

export interface SharedCancelOptions {
  readonly name: string;
  readonly steps: CancelSteps;
  /** Every exchange of the observation so far. */
  readonly exchanges: () => readonly Exchange[];
  /** Waits the settle time and reads every operation seen done again. */
  readonly settle: () => Promise<void>;
}

/** Starts the one observation of the run: cancel, read, poll to done, settle. */
export function startSharedCancel(options: SharedCancelOptions): SharedCancelObservation {
  const { name, steps, exchanges } = options;
  const cancelled = observeShared(
    async () => ({ name, answer: await steps.cancelAccepted(name) }),
    exchanges,
  );
  const waited = cancelled.then((outcome) =>
    outcome.ok
      ? observeShared(async () => {
          const done = await waitForDone(outcome.value, steps);
          await options.settle();
          return done;
        }, exchanges)
      : outcome,
  );
  return { cancelled, waited };
}

async function waitForDone(
  accepted: AcceptedCancel,
  steps: CancelSteps,
): Promise<CancelledOperation> {
  const afterCancel = await steps.getOperation(accepted.name);
  const operation = await steps.pollUntilDone(accepted.name, afterCancel);
  return { ...accepted, afterCancel, operation };
}
