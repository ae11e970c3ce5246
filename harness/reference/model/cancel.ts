/**
 * The effect of an accepted cancel (the service pages in specs/seeds): cancellation starts asynchronously and takes
 * effect `cancelDelayMs` later; a finished operation is never altered; repeated cancels keep the
 * first request. Under `completes-despite-cancel` (or for a `completes-despite-cancel` operation) the server
 * accepts the cancel but the operation completes with a response, which the seeds allow ("whether
 * the operation completed despite cancellation").
 */

import type { CancelMode } from '../../control/index.ts';
import { stateAt } from './operation-state.ts';
import type { StoredOperation } from './operation-store.ts';

export function applyCancel(
  operation: StoredOperation,
  now: number,
  cancelDelayMs: number,
  mode: Exclude<CancelMode, 'unimplemented'>,
): StoredOperation {
  if (operation.cancel !== undefined) return operation;
  if (stateAt(operation, now, cancelDelayMs) !== 'running') return operation;
  const completes =
    mode === 'completes-despite-cancel' || operation.scenario === 'completes-despite-cancel';
  return { ...operation, cancel: { requestedAt: now, effect: completes ? 'complete' : 'cancel' } };
}
