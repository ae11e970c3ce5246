/**
 * The JSON an operation shows at a given clock time (`google.longrunning.Operation`,
 * googleapis `google/longrunning/operations.proto`): `done:false` with neither `error` nor
 * `response`, or `done:true` with exactly one of them. A cancelled operation carries
 * `error.code` 1 (CANCELLED) and no `response` (the service pages: "it becomes an operation with an
 * Operation.error value with a google.rpc.Status.code of 1"). The state is derived lazily from
 * the stored record and the clock, so a pending cancel takes effect without any timer.
 *
 * `metadata` and `response` are Anys of `google.protobuf.Empty`, and a cancelled operation's error
 * has no `details`: google-gax's generic operations client decodes every Any by its `@type` and
 * knows only the longrunning, google.rpc.Status and well-known types, so any other type (even
 * google.rpc.ErrorInfo) makes its getOperation fail with "cannot find type".
 */
import type { OperationJson, OperationState } from '#specs';
import type { StoredOperation } from './operation-store.ts';

export const EMPTY_TYPE = 'type.googleapis.com/google.protobuf.Empty';

/** The states the reference's operations reach: every one but done without a result. */
export type ReferenceState = Exclude<OperationState, 'done-without-result'>;

/** What the operation has become at `now`. */
export function stateAt(
  operation: StoredOperation,
  now: number,
  cancelDelayMs: number,
): ReferenceState {
  if (operation.scenario === 'done') return 'completed';
  if (operation.scenario === 'failed') return 'failed';
  const cancel = operation.cancel;
  if (cancel === undefined || now < cancel.requestedAt + cancelDelayMs) return 'running';
  return cancel.effect === 'cancel' ? 'cancelled' : 'completed';
}

export function operationAt(
  operation: StoredOperation,
  now: number,
  cancelDelayMs: number,
): OperationJson {
  const base = { name: operation.name, metadata: { '@type': EMPTY_TYPE } };
  switch (stateAt(operation, now, cancelDelayMs)) {
    case 'running':
      return { ...base, done: false };
    case 'completed':
      return { ...base, done: true, response: { '@type': EMPTY_TYPE } };
    case 'cancelled':
      return { ...base, done: true, error: { code: 1, message: 'Operation cancelled.' } };
    case 'failed':
      return { ...base, done: true, error: { code: 13, message: 'Internal error encountered.' } };
  }
}
