/**
 * The one definition of what an Operation shows (docs/GLOSSARY.md, "operation state"), used by
 * every suite, the reference and the client matrix alike. From the service pages: "On
 * successful cancellation, the operation is not deleted; instead, it becomes an operation with an
 * Operation.error value with a google.rpc.Status.code of 1, corresponding to Code.CANCELLED", and
 * clients check "whether the operation completed despite cancellation". From
 * google/longrunning/operations.proto: `done` false means still in progress; when done, "exactly
 * one of error or response can be set. Some services might not provide the result."
 */
import type { OperationJson } from './json-types.ts';

/** Every operation state, in the order an operation can reach them. */
export const OPERATION_STATES = [
  'running',
  'cancelled',
  'completed',
  'failed',
  'done-without-result',
] as const;

export type OperationState =
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

export function operationState(operation: OperationJson): OperationState {
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
