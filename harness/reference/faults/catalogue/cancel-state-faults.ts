/**
 * Faults in what a cancel does to the operation (the pages: a cancelled operation "is not
 * deleted; instead, it becomes an operation with an Operation.error value with a
 * google.rpc.Status.code of 1").
 */
import {
  createdOperation,
  envelope,
  failing,
  isCancel,
  isCancelled,
  isGet,
  json,
  mapOperation,
  nameOf,
  READ_EVERY_CANCELLED_OPERATION,
  type ReferenceFault,
  readEveryCancelledOperationBut,
} from '../fault.ts';

export const CANCEL_STATE_FAULTS: readonly ReferenceFault[] = [
  {
    id: 'cancel-deletes-the-operation',
    description: 'a cancelled operation is deleted: GetOperation answers 404 afterwards',
    exitCode: 1,
    alsoCaughtBy: [
      ...readEveryCancelledOperationBut('cancel/cancelled-operation-is-not-deleted'),
      ...failing(
        'cancel/cancellation-is-observed-through-get-operation',
        'cancel/cancelled-operation-has-error-code-1',
        'cancel/completed-operation-is-unchanged-by-cancel',
        'cancel/operation-may-complete-despite-cancel',
      ),
    ],
    caughtBy: [{ clause: 'cancel/cancelled-operation-is-not-deleted', outcome: 'FAIL' }],
    install: (model) => {
      const deleted = new Set<string>();
      return (request) => {
        if (isGet(request) && deleted.has(nameOf(request))) {
          return envelope(404, 'NOT_FOUND', `Operation ${nameOf(request)} not found.`);
        }
        const response = model.handle(request);
        if (isCancel(request) && response?.status === 200) deleted.add(nameOf(request));
        return response;
      };
    },
  },
  {
    id: 'cancelled-error-code-is-http-499',
    description: 'a cancelled operation carries error.code 499 (the HTTP status) instead of 1',
    exitCode: 1,
    alsoCaughtBy: [
      ...READ_EVERY_CANCELLED_OPERATION,
      ...failing('cancel/cancellation-is-observed-through-get-operation'),
    ],
    caughtBy: [{ clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' }],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isGet(request)) return response;
      return mapOperation(response, (op) =>
        isCancelled(op) ? { ...op, error: { ...(op.error as object), code: 499 } } : op,
      );
    },
  },
  {
    id: 'cancelled-error-code-is-unknown',
    description: 'a cancelled operation carries error.code 2 (UNKNOWN) instead of 1 (CANCELLED)',
    exitCode: 1,
    alsoCaughtBy: READ_EVERY_CANCELLED_OPERATION,
    caughtBy: [
      { clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' },
      { clause: 'cancel/cancellation-is-observed-through-get-operation', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isGet(request)) return response;
      return mapOperation(response, (op) =>
        isCancelled(op) ? { ...op, error: { code: 2, message: 'Unknown.' } } : op,
      );
    },
  },
  {
    id: 'cancelled-operation-keeps-a-response',
    description: 'a cancelled operation carries both error and response',
    exitCode: 1,
    alsoCaughtBy: [
      ...READ_EVERY_CANCELLED_OPERATION,
      ...failing('cancel/cancellation-is-observed-through-get-operation'),
    ],
    caughtBy: [{ clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' }],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isGet(request)) return response;
      return mapOperation(response, (op) =>
        isCancelled(op)
          ? { ...op, response: { '@type': 'type.googleapis.com/google.protobuf.Empty' } }
          : op,
      );
    },
  },
  {
    id: 'cancelled-operation-has-no-result',
    description: 'a cancelled operation is done with neither error nor response',
    exitCode: 1,
    alsoCaughtBy: READ_EVERY_CANCELLED_OPERATION,
    caughtBy: [
      { clause: 'cancel/cancellation-is-observed-through-get-operation', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isGet(request)) return response;
      return mapOperation(response, (op) => {
        if (!isCancelled(op)) return op;
        const { error: _dropped, ...rest } = op;
        return rest;
      });
    },
  },
  {
    id: 'cancel-is-a-stub',
    description: 'cancel answers {} and changes nothing, as GAPIC Showcase does',
    exitCode: 4,
    alsoCaughtBy: [
      { clause: 'cancel/accepts-empty-json-object-body', outcome: 'INCONCLUSIVE' },
      { clause: 'cancel/accepts-empty-string-body', outcome: 'INCONCLUSIVE' },
      { clause: 'cancel/accepts-request-without-body', outcome: 'INCONCLUSIVE' },
      { clause: 'cancel/cancelled-operation-is-not-deleted', outcome: 'INCONCLUSIVE' },
      { clause: 'cancel/operation-may-complete-despite-cancel', outcome: 'INCONCLUSIVE' },
      { clause: 'cancel/repeated-cancel-keeps-the-state', outcome: 'INCONCLUSIVE' },
      { clause: 'cancel/success-answers-200', outcome: 'INCONCLUSIVE' },
      { clause: 'cancel/success-body-is-empty', outcome: 'INCONCLUSIVE' },
      { clause: 'cancel/success-body-is-empty-json-object', outcome: 'INCONCLUSIVE' },
      { clause: 'cancel/unknown-body-field-is-rejected', outcome: 'FAIL' },
      { clause: 'errors/encoded-separator-reaches-no-other-operation', outcome: 'FAIL' },
      { clause: 'errors/malformed-name-is-rejected', outcome: 'FAIL' },
      { clause: 'errors/unknown-name-answers-not-found', outcome: 'FAIL' },
      { clause: 'get/accepts-google-system-parameters', outcome: 'INCONCLUSIVE' },
      { clause: 'get/answers-carry-a-json-media-type', outcome: 'INCONCLUSIVE' },
    ],
    caughtBy: [
      { clause: 'cancel/cancellation-is-observed-through-get-operation', outcome: 'INCONCLUSIVE' },
      { clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'INCONCLUSIVE' },
    ],
    install: (model) => (request) => (isCancel(request) ? json(200, {}) : model.handle(request)),
  },
  {
    id: 'cancel-refuses-a-completing-operation',
    description:
      'cancel answers 400 FAILED_PRECONDITION for an operation that is about to complete',
    exitCode: 1,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'cancel/operation-may-complete-despite-cancel', outcome: 'FAIL' }],
    install: (model) => {
      const completing = new Set<string>();
      return (request) => {
        if (isCancel(request) && completing.has(nameOf(request))) {
          return envelope(400, 'FAILED_PRECONDITION', 'The operation is completing.');
        }
        const response = model.handle(request);
        const created = createdOperation(request, response);
        if (created?.scenario === 'completes-despite-cancel') completing.add(created.name);
        return response;
      };
    },
  },
  {
    id: 'cancel-alters-a-completed-operation',
    description: 'cancel turns an operation that already completed into a cancelled one',
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'cancel/completed-operation-is-unchanged-by-cancel', outcome: 'FAIL' }],
    install: (model) => {
      const overwritten = new Set<string>();
      return (request) => {
        const name = nameOf(request);
        if (isCancel(request) && model.operation(name)?.done === true) overwritten.add(name);
        const response = model.handle(request);
        if (!isGet(request) || !overwritten.has(name)) return response;
        return mapOperation(response, ({ response: _dropped, ...op }) => ({
          ...op,
          error: { code: 1, message: 'Operation cancelled.' },
        }));
      };
    },
  },
  {
    id: 'repeated-cancel-answers-500',
    description: 'a second cancel of a cancelled operation answers 500 INTERNAL',
    exitCode: 0,
    alsoCaughtBy: [
      { clause: 'cancel/completed-operation-is-unchanged-by-cancel', outcome: 'FAIL' },
    ],
    caughtBy: [{ clause: 'cancel/repeated-cancel-keeps-the-state', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isCancel(request) && model.operation(nameOf(request))?.done === true
        ? envelope(500, 'INTERNAL', 'Internal error encountered.')
        : model.handle(request),
  },
  {
    id: 'cancelled-without-done',
    description: 'a cancelled operation carries error.code 1 but leaves `done` out',
    exitCode: 1,
    alsoCaughtBy: READ_EVERY_CANCELLED_OPERATION,
    caughtBy: [
      { clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' },
      { clause: 'cancel/cancellation-is-observed-through-get-operation', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isGet(request)) return response;
      return mapOperation(response, ({ done: _omitted, ...operation }) =>
        isCancelled(operation) ? operation : { done: _omitted, ...operation },
      );
    },
  },
  {
    id: 'cancel-of-completed-operation-answers-404',
    description:
      'a cancel of an operation that completed on its own answers 404 NOT_FOUND, although GetOperation still finds it',
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'cancel/completed-operation-is-unchanged-by-cancel', outcome: 'FAIL' }],
    install: (model) => {
      const cancelled = new Set<string>();
      return (request) => {
        if (!isCancel(request)) return model.handle(request);
        const name = nameOf(request);
        const first = !cancelled.has(name);
        cancelled.add(name);
        return first && model.operation(name)?.done === true
          ? envelope(404, 'NOT_FOUND', `Operation ${name} not found.`)
          : model.handle(request);
      };
    },
  },
];
