/**
 * The four operation states every call of the client matrix meets, and what the documented
 * contract makes each kind of call do in each. The states are the ones each service's cancel page
 * names (specs/seeds: on success "the operation is not deleted; instead, it becomes an operation
 * with an Operation.error value with a google.rpc.Status.code of 1"; clients check "whether the
 * cancellation succeeded or whether the operation completed despite cancellation"), plus an
 * operation that failed by itself (`error` is "the error result of the operation in case of
 * failure or cancellation":
 * https://github.com/googleapis/googleapis/blob/master/google/longrunning/operations.proto).
 */
import type { Scenario } from '../../../harness/reference/msw.ts';
import type { OperationView } from './operation-view.ts';

export const MATRIX_STATES = [
  'running',
  'cancelled',
  'completes-despite-cancel',
  'failed',
] as const;
export type MatrixState = (typeof MATRIX_STATES)[number];

/**
 * `get`/`check-progress` read the operation, `cancel`/`lro-cancel` cancel it (directly, or
 * through the Operation a check-progress helper returns), `lro-promise` awaits its result.
 */
export type CallKind = 'get' | 'cancel' | 'check-progress' | 'lro-cancel' | 'lro-promise';

/** What the reference shows for each state (harness/reference/model/operation-state.ts). */
export const STATE_OF: Readonly<Record<MatrixState, OperationView>> = {
  running: { done: false },
  cancelled: { done: true, errorCode: 1 },
  'completes-despite-cancel': { done: true, response: true },
  failed: { done: true, errorCode: 13 },
};

export type DocumentedResult =
  /** The call resolves to the operation in this state. */
  | { readonly kind: 'shows'; readonly state: OperationView }
  /** The call resolves (a cancel answers the empty message). */
  | { readonly kind: 'resolves' }
  /** The call settles as the operation ended: rejects with its error code, or resolves. */
  | { readonly kind: 'settles'; readonly state: OperationView };

export interface Recipe {
  /** The reference scenario the operation is created in. */
  readonly create: Scenario;
  /** The harness cancels it before the call. */
  readonly cancelFirst: boolean;
  /** The harness cancels it after the client has read it and before it awaits the result. */
  readonly cancelBeforeAwait: boolean;
  readonly expect: DocumentedResult;
  /** What the call meets, for the doc's legend. */
  readonly setup: string;
}

const CREATE: Readonly<Record<MatrixState, Scenario>> = {
  running: 'running',
  cancelled: 'running',
  'completes-despite-cancel': 'completes-despite-cancel',
  failed: 'failed',
};

export function recipeFor(kind: CallKind, scenario: MatrixState): Recipe {
  const create = CREATE[scenario];
  if (kind === 'cancel' || kind === 'lro-cancel') {
    return {
      create,
      cancelFirst: scenario === 'cancelled',
      cancelBeforeAwait: false,
      expect: { kind: 'resolves' },
      setup: CANCEL_SETUP[scenario],
    };
  }
  const cancelFirst = scenario === 'cancelled' || scenario === 'completes-despite-cancel';
  if (kind === 'lro-promise') {
    const running = scenario === 'running';
    return {
      create,
      cancelFirst,
      cancelBeforeAwait: running,
      expect: { kind: 'settles', state: STATE_OF[running ? 'cancelled' : scenario] },
      setup: running ? PROMISE_ON_RUNNING : READ_SETUP[scenario],
    };
  }
  return {
    create,
    cancelFirst,
    cancelBeforeAwait: false,
    expect: { kind: 'shows', state: STATE_OF[scenario] },
    setup: READ_SETUP[scenario],
  };
}

const READ_SETUP: Readonly<Record<MatrixState, string>> = {
  running: 'a running operation',
  cancelled: 'a running operation, cancelled before the call',
  'completes-despite-cancel':
    'an operation that completed with a response despite a cancel made before the call',
  failed: 'an operation that failed with error.code 13 (INTERNAL)',
};

const CANCEL_SETUP: Readonly<Record<MatrixState, string>> = {
  running: 'cancels a running operation',
  cancelled: 'cancels an operation already cancelled',
  'completes-despite-cancel': 'cancels an operation that then completes despite the cancel',
  failed: 'cancels an operation that already failed',
};

const PROMISE_ON_RUNNING =
  'reads a running operation, which is cancelled before `promise()` is awaited: `promise()` must poll until it sees the cancel';
