/**
 * The one definition of what an Operation shows, used by every suite. From the service pages: "On
 * successful cancellation, the operation is not deleted; instead, it becomes an operation with an
 * Operation.error value with a google.rpc.Status.code of 1, corresponding to Code.CANCELLED", and
 * clients check "whether the operation completed despite cancellation". From
 * google/longrunning/operations.proto: `done` false means still in progress; when done, "exactly
 * one of error or response can be set. Some services might not provide the result."
 */
import type { OperationJson } from '#specs';

export type OperationOutcome =
  /** `done` is false or absent. */
  | 'running'
  /** done, `error.code` 1 (CANCELLED). */
  | 'cancelled'
  /** done with a `response` and no `error`. */
  | 'completed'
  /** done with an `error` whose code is not 1. */
  | 'failed'
  /** done with neither: legal in general, never the result of a successful cancel. */
  | 'done-without-result';

export function operationOutcome(operation: OperationJson): OperationOutcome {
  if (operation.done !== true) return 'running';
  if (operation.error !== undefined) return operation.error.code === 1 ? 'cancelled' : 'failed';
  return operation.response !== undefined ? 'completed' : 'done-without-result';
}

/** `done, error.code 1`, `running`, `done, response` … for messages. */
export function describeOperation(operation: OperationJson): string {
  if (operation.done !== true) return 'running (done false)';
  const parts = ['done'];
  if (operation.error !== undefined) {
    parts.push(
      operation.error.code === undefined
        ? 'error without a code'
        : `error.code ${operation.error.code}`,
    );
  }
  if (operation.response !== undefined) parts.push('a response');
  if (parts.length === 1) parts.push('neither error nor response');
  return parts.join(', ');
}
