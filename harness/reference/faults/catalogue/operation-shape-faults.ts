/**
 * Faults in the Operations GetOperation answers (google/longrunning/operations.proto,
 * google/rpc/status.proto, the proto3 JSON mapping of google.protobuf.Any), some of them only in
 * the states a cancel leads to, where only the reads after a cancel can see them.
 */
import {
  failing,
  isCancelled,
  isFailed,
  isGet,
  isGetOperation,
  mapOperation,
  nameOf,
  READ_EVERY_CANCELLED_OPERATION,
  type ReferenceFault,
  readEveryCancelledOperationBut,
  scenarioTracker,
} from '../fault.ts';

export const OPERATION_SHAPE_FAULTS: readonly ReferenceFault[] = [
  {
    id: 'running-operation-carries-a-response',
    description: 'a running operation (done:false) already carries a response',
    exitCode: 0,
    alsoCaughtBy: [
      { clause: 'cancel/get-on-the-cancel-url-does-not-cancel', outcome: 'FAIL' },
      { clause: 'errors/encoded-separator-reaches-no-other-operation', outcome: 'FAIL' },
      { clause: 'get/accepts-google-system-parameters', outcome: 'FAIL' },
    ],
    caughtBy: [{ clause: 'get/operation-has-valid-shape', outcome: 'FAIL' }],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isGet(request)) return response;
      return mapOperation(response, (op) =>
        op.done === true
          ? op
          : { ...op, response: { '@type': 'type.googleapis.com/google.protobuf.Empty' } },
      );
    },
  },
  {
    id: 'failed-operation-code-is-http-500',
    description:
      'a failed operation carries error.code 500 (an HTTP status) instead of a google.rpc.Code',
    exitCode: 0,
    alsoCaughtBy: [
      { clause: 'cancel/completed-operation-is-unchanged-by-cancel', outcome: 'FAIL' },
    ],
    caughtBy: [
      { clause: 'get/failed-operation-has-a-non-ok-rpc-code', outcome: 'FAIL' },
      { clause: 'get/operation-has-valid-shape', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isGet(request)) return response;
      return mapOperation(response, (operation) =>
        isFailed(operation)
          ? { ...operation, error: { ...(operation.error as object), code: 500 } }
          : operation,
      );
    },
  },
  {
    id: 'failed-operation-code-omitted',
    description:
      'a failed operation carries an error without a code, which proto3 JSON reads as 0 (OK)',
    exitCode: 0,
    alsoCaughtBy: [
      { clause: 'cancel/completed-operation-is-unchanged-by-cancel', outcome: 'FAIL' },
    ],
    caughtBy: [
      { clause: 'get/failed-operation-has-a-non-ok-rpc-code', outcome: 'FAIL' },
      { clause: 'get/operation-has-valid-shape', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isGet(request)) return response;
      return mapOperation(response, (operation) => {
        if (!isFailed(operation)) return operation;
        const { code: _omitted, ...error } = operation.error as Record<string, unknown>;
        return { ...operation, error };
      });
    },
  },
  {
    id: 'operation-metadata-lacks-type',
    description:
      'every Operation carries metadata without `@type`, which google-gax cannot decode (proto3 JSON: an Any names its type)',
    exitCode: 1,
    alsoCaughtBy: [
      ...READ_EVERY_CANCELLED_OPERATION,
      ...failing(
        'cancel/cancelled-operation-has-error-code-1',
        'cancel/completed-operation-is-unchanged-by-cancel',
        'cancel/get-on-the-cancel-url-does-not-cancel',
        'cancel/operation-may-complete-despite-cancel',
        'errors/encoded-separator-reaches-no-other-operation',
        'get/failed-operation-has-a-non-ok-rpc-code',
      ),
    ],
    caughtBy: [
      { clause: 'cancel/cancellation-is-observed-through-get-operation', outcome: 'FAIL' },
      { clause: 'get/operation-has-valid-shape', outcome: 'FAIL' },
      { clause: 'get/existing-operation-reads-back-consistently', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isGet(request)) return response;
      return mapOperation(response, (operation) => ({
        ...operation,
        metadata: { progressPercent: 50 },
      }));
    },
  },
  {
    id: 'cancelled-error-details-lack-type',
    description:
      "a cancelled operation's error.details carries an entry without `@type`, which google-gax cannot decode; operations read before a cancel are fine",
    exitCode: 1,
    alsoCaughtBy: readEveryCancelledOperationBut('cancel/cancelled-operation-is-not-deleted'),
    caughtBy: [
      { clause: 'cancel/cancellation-is-observed-through-get-operation', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-is-not-deleted', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isGetOperation(request)) return response;
      return mapOperation(response, (operation) =>
        isCancelled(operation)
          ? {
              ...operation,
              error: { ...(operation.error as object), details: [{ reason: 'CANCELLED' }] },
            }
          : operation,
      );
    },
  },
  {
    id: 'renamed-once-it-completes-despite-cancel',
    description:
      'once an operation has completed despite a cancel, GetOperation of it answers an operation under another name',
    exitCode: 1,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'cancel/operation-may-complete-despite-cancel', outcome: 'FAIL' }],
    install: (model) => {
      const scenarios = scenarioTracker();
      return (request) => {
        const response = model.handle(request);
        scenarios.note(request, response);
        if (
          !isGetOperation(request) ||
          scenarios.scenarioOf(nameOf(request)) !== 'completes-despite-cancel'
        ) {
          return response;
        }
        return mapOperation(response, (operation) =>
          operation.done === true
            ? { ...operation, name: `${String(operation.name)}-result` }
            : operation,
        );
      };
    },
  },
];
