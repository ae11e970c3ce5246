/**
 * Faults in which a done operation does not stay done: the pages' cancelled operation "is not
 * deleted; instead, it becomes an operation with an Operation.error value with a
 * google.rpc.Status.code of 1", and operations.proto's `done` "If true, the operation is
 * completed". Some only show after a while: the settle re-read (on the embedded reference's clock,
 * 30 s by default) is what catches them.
 */
import type { ModelResponse } from '../../model/model-request.ts';
import {
  envelope,
  failing,
  isCancel,
  isCancelled,
  isGetOperation,
  mapOperation,
  nameOf,
  READ_EVERY_CANCELLED_OPERATION,
  type ReferenceFault,
  readEveryCancelledOperationBut,
} from '../fault.ts';

/** How long after it first shows a delayed fault takes effect, on the model's clock. */
const LATER_MS = 10_000;
/** How long after its cancel a purged operation disappears: past the old 3 s settle time. */
const PURGE_MS = 5_000;
const EMPTY = { '@type': 'type.googleapis.com/google.protobuf.Empty' };

/** Remembers when each operation was first read back cancelled. */
function cancelledSince(now: () => number) {
  const seen = new Map<string, number>();
  return {
    note(response: ModelResponse | undefined): void {
      const operation =
        response?.status === 200 ? (response.body as Record<string, unknown>) : undefined;
      if (operation && isCancelled(operation) && !seen.has(String(operation.name))) {
        seen.set(String(operation.name), now());
      }
    },
    isLater: (name: string) => {
      const since = seen.get(name);
      return since !== undefined && now() - since >= LATER_MS;
    },
  };
}

export const TERMINAL_STATE_FAULTS: readonly ReferenceFault[] = [
  {
    id: 'cancelled-operation-disappears-later',
    description:
      'a cancelled operation is deleted 10 s after it is seen cancelled: GetOperation answers 404 from then on',
    exitCode: 1,
    alsoCaughtBy: [
      ...readEveryCancelledOperationBut('cancel/cancelled-operation-is-not-deleted'),
      ...failing('cancel/cancellation-is-observed-through-get-operation'),
    ],
    caughtBy: [
      { clause: 'cancel/cancelled-operation-is-not-deleted', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' },
    ],
    install: (model) => {
      const cancelled = cancelledSince(() => model.now());
      return (request) => {
        if (isGetOperation(request) && cancelled.isLater(nameOf(request))) {
          return envelope(404, 'NOT_FOUND', `Operation ${nameOf(request)} not found.`);
        }
        const response = model.handle(request);
        if (isGetOperation(request)) cancelled.note(response);
        return response;
      };
    },
  },
  {
    id: 'cancelled-operation-flaps-to-running',
    description: 'once cancelled, every second GetOperation shows the operation running again',
    exitCode: 1,
    alsoCaughtBy: readEveryCancelledOperationBut('cancel/cancelled-operation-is-not-deleted'),
    caughtBy: [
      { clause: 'cancel/cancellation-is-observed-through-get-operation', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-is-not-deleted', outcome: 'FAIL' },
    ],
    install: (model) => {
      const reads = new Map<string, number>();
      return (request) => {
        const response = model.handle(request);
        if (!isGetOperation(request)) return response;
        return mapOperation(response, (operation) => {
          if (!isCancelled(operation)) return operation;
          const count = (reads.get(String(operation.name)) ?? 0) + 1;
          reads.set(String(operation.name), count);
          if (count % 2 === 1) return operation;
          const { error: _hidden, ...running } = operation;
          return { ...running, done: false };
        });
      };
    },
  },
  {
    id: 'cancelled-operation-turns-completed-later',
    description:
      'a cancelled operation shows a response instead of its error 10 s after it is seen cancelled',
    exitCode: 1,
    alsoCaughtBy: READ_EVERY_CANCELLED_OPERATION,
    caughtBy: [
      { clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' },
      { clause: 'cancel/cancellation-is-observed-through-get-operation', outcome: 'FAIL' },
    ],
    install: (model) => {
      const cancelled = cancelledSince(() => model.now());
      return (request) => {
        const response = model.handle(request);
        if (!isGetOperation(request)) return response;
        const later = cancelled.isLater(nameOf(request));
        cancelled.note(response);
        if (!later) return response;
        return mapOperation(response, ({ error: _dropped, ...operation }) => ({
          ...operation,
          response: EMPTY,
        }));
      };
    },
  },
  {
    id: 'cancel-of-done-operation-shows-later',
    description:
      'a cancel of a completed operation changes nothing at first, then turns it into a cancelled one 10 s later',
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'cancel/completed-operation-is-unchanged-by-cancel', outcome: 'FAIL' }],
    install: (model) => {
      const cancelledAt = new Map<string, number>();
      return (request) => {
        const name = nameOf(request);
        if (isCancel(request) && model.operation(name)?.done === true && !cancelledAt.has(name)) {
          cancelledAt.set(name, model.now());
        }
        const response = model.handle(request);
        const since = cancelledAt.get(name);
        if (!isGetOperation(request) || since === undefined || model.now() - since < LATER_MS) {
          return response;
        }
        return mapOperation(response, ({ response: _dropped, ...operation }) => ({
          ...operation,
          error: { code: 1, message: 'Operation cancelled.' },
        }));
      };
    },
  },
  {
    id: 'cancelled-operation-purged-after-5s',
    description:
      'a cancelled operation is deleted 5 s after its cancel (run at the settle time over HTTP, the default for real targets)',
    exitCode: 1,
    settle: 'over-http',
    alsoCaughtBy: [
      ...readEveryCancelledOperationBut('cancel/cancelled-operation-is-not-deleted'),
      ...failing(
        'cancel/cancellation-is-observed-through-get-operation',
        'cancel/cancelled-operation-has-error-code-1',
      ),
    ],
    caughtBy: [{ clause: 'cancel/cancelled-operation-is-not-deleted', outcome: 'FAIL' }],
    install: (model) => {
      const cancelledAt = new Map<string, number>();
      return (request) => {
        const name = nameOf(request);
        const since = cancelledAt.get(name);
        const operation = model.operation(name);
        if (
          isGetOperation(request) &&
          since !== undefined &&
          model.now() - since >= PURGE_MS &&
          operation !== undefined &&
          isCancelled(operation)
        ) {
          return envelope(404, 'NOT_FOUND', `Operation ${name} not found.`);
        }
        const response = model.handle(request);
        if (isCancel(request) && response?.status === 200 && operation?.done !== true) {
          if (!cancelledAt.has(name)) cancelledAt.set(name, model.now());
        }
        return response;
      };
    },
  },
];
