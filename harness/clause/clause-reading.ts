/**
 * Reading operations the way every clause reads them: GetOperation read as proto3 JSON
 * (read-operation.ts) and validated at every read, whichever clause makes it and whenever (before
 * or after a cancel, while polling, on re-reads): the answer is an Operation under the name
 * asked, valid against google.longrunning.Operation and the proto3 JSON mapping (an Any carries
 * `@type`, which Google's clients need to decode it). Each read is compared with the test's
 * earlier ones so that a done operation that changes or disappears FAILs (operation-history.ts);
 * polling runs against the target's clock (poll.ts: still running at the deadline is
 * INCONCLUSIVE); the settle re-read covers every operation seen done.
 */
import type { Clock } from '#base';
import type { OperationJson } from '#specs';
import { formatViolations, splitUnknownFields, validateOperation } from '../validators/index.ts';
import type { LroClient, RequestOptions } from './lro-client.ts';
import { OperationHistory } from './operation-history.ts';
import { fail, inconclusive } from './outcome-signal.ts';
import { poll } from './poll.ts';
import { readOperation } from './read-operation.ts';

/** The suite's view (members of the clause context). */
export interface ReadingView {
  /**
   * Reads an operation; fails unless the answer is a valid Operation under the name asked, or if
   * a done one changed. `options` add query parameters to the request.
   */
  getOperation(name: string, options?: RequestOptions): Promise<OperationJson>;
  /**
   * Polls GetOperation until `done`, starting from `first` when the operation was just read;
   * still running at the deadline is INCONCLUSIVE.
   */
  pollUntilDone(name: string, first?: OperationJson): Promise<OperationJson>;
}

export interface ClauseReading extends ReadingView {
  /** The operation as this test first read it done, if it did. */
  seenDone(name: string): OperationJson | undefined;
  /** Waits `settleMs` on the target's clock and reads every operation seen done again. */
  settle(settleMs: number): Promise<void>;
}

export interface ClauseReadingOptions {
  readonly client: LroClient;
  readonly clock: Clock;
  readonly deadlineMs: number;
  readonly warn: (message: string) => void;
}

/** Every invariant of google.longrunning.Operation (operations.proto, code.proto, proto3 JSON). */
function expectValidOperation(operation: OperationJson): void {
  const { violations } = splitUnknownFields(validateOperation(operation));
  if (violations.length > 0) {
    fail(`${operation.name} is not a valid Operation:\n${formatViolations(violations)}`, {
      rootCause: `operation-invalid-${[...new Set(violations.map((violation) => violation.rule))].join('+')}`,
    });
  }
}

export function createClauseReading(options: ClauseReadingOptions): ClauseReading {
  const { client, clock, deadlineMs } = options;
  const history = new OperationHistory();
  const getOperation = async (name: string, requestOptions?: RequestOptions) => {
    const result = await client.get(name, requestOptions);
    if (result.status !== 200) {
      const gone = history.observeMissing(name, result.status);
      if (gone !== undefined) fail(gone, { rootCause: 'done-operation-disappeared' });
    }
    const { operation, unknownFields } = readOperation(result, name);
    if (unknownFields.length > 0) {
      options.warn(
        `Operation fields google.longrunning.Operation does not define (ignored, as Google's clients do): ${unknownFields.join(', ')}`,
      );
    }
    if (operation.name !== name) {
      fail(`GetOperation ${name} answered the operation ${operation.name}`, {
        rootCause: 'get-answers-another-name',
      });
    }
    expectValidOperation(operation);
    const changed = history.observe(name, operation);
    if (changed !== undefined) fail(changed, { rootCause: 'done-operation-changed' });
    return operation;
  };
  return {
    getOperation,
    async pollUntilDone(name, first) {
      let seen = first;
      const result = await poll({
        clock,
        deadlineMs,
        observe: async () => {
          if (seen === undefined) return getOperation(name);
          const already = seen;
          seen = undefined;
          return already;
        },
        until: (operation) => operation.done === true,
      });
      if (!result.settled) {
        inconclusive(
          `${name} was still running ${deadlineMs} ms after the cancel (${result.attempts} polls): cancellation is best effort, so this proves nothing either way`,
        );
      }
      // Read once more at once: a done state must not flap back.
      await getOperation(name);
      return result.value;
    },
    seenDone: (name) => history.terminalRead(name),
    async settle(settleMs) {
      const names = history.terminalNames();
      if (names.length === 0) return;
      await clock.sleep(settleMs);
      for (const name of names) await getOperation(name);
    },
  };
}
