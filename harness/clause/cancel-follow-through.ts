/**
 * Every accepted cancel has its effect verified, whatever request form it took (no body, `{}`,
 * `""`, system parameters): the service pages say a cancel "starts asynchronous cancellation" and
 * "Clients can use Operations.GetOperation or other methods to check whether the cancellation
 * succeeded or whether the operation completed despite cancellation". So once a test's checks
 * are done, each running operation of the test whose cancel was accepted is polled until it is
 * done, and must end cancelled (error.code 1) or completed with a response: the eventual-state
 * oracle the cancel-state clauses apply. Still running at the deadline is INCONCLUSIVE (best
 * effort: a cancel that changes nothing proves nothing either way), any other end a FAIL.
 * A service that publishes no GetOperation to read its operations with (a profile's `get`
 * limit: texttospeech, firebasehosting, …) cannot have the effect checked: the cell keeps what
 * its clause judged and carries a warning that says why the effect went unverified.
 */
import type { OperationJson } from '#specs';
import { describeOperation, operationState } from '#specs';
import { fail } from './outcome-signal.ts';

export interface CancelFollowThrough {
  /** Notes an accepted cancel of `name`, described for messages ("the cancel … with body {}"). */
  note(name: string, description: string): void;
  /** Polls every noted operation until done and checks its end. */
  verify(): Promise<void>;
}

export interface CancelFollowThroughOptions {
  /** The operation as this test first saw it done, if it did (no new read is needed then). */
  readonly seenDone: (name: string) => OperationJson | undefined;
  readonly pollUntilDone: (name: string) => Promise<OperationJson>;
  /** Why the service's operations cannot be read (its profile's `get` limit), if they cannot. */
  readonly unreadable?: string | undefined;
  readonly warn: (message: string) => void;
}

export function createCancelFollowThrough(
  options: CancelFollowThroughOptions,
): CancelFollowThrough {
  const noted = new Map<string, string>();
  return {
    note(name, description) {
      if (!noted.has(name)) noted.set(name, description);
    },
    async verify() {
      if (options.unreadable !== undefined) {
        for (const [name, description] of noted) {
          options.warn(
            `after ${description} was accepted, what became of ${name} was not verified: ${options.unreadable}`,
          );
        }
        return;
      }
      for (const [name, description] of noted) {
        const operation = options.seenDone(name) ?? (await options.pollUntilDone(name));
        const state = operationState(operation);
        if (state !== 'cancelled' && state !== 'completed') {
          fail(
            `after ${description} was accepted, ${name} ended ${describeOperation(operation)}: neither cancelled (error.code 1) nor completed with a response`,
            { rootCause: 'accepted-cancel-ended-otherwise' },
          );
        }
      }
    },
  };
}
