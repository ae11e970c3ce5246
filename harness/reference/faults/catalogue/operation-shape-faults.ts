/**
 * Faults in the Operations GetOperation answers (google/longrunning/operations.proto,
 * google/rpc/status.proto).
 */
import { isFailed, isGet, mapOperation, type ReferenceFault } from '../fault.ts';

export const OPERATION_SHAPE_FAULTS: readonly ReferenceFault[] = [
  {
    id: 'running-operation-carries-a-response',
    description: 'a running operation (done:false) already carries a response',
    exitCode: 0,
    alsoCaughtBy: [{ clause: 'cancel/get-on-the-cancel-url-does-not-cancel', outcome: 'FAIL' }],
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
    alsoCaughtBy: [],
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
    alsoCaughtBy: [],
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
];
