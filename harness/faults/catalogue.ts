/**
 * The faults the self-test injects, one broken behaviour each. Together they make every MUST
 * clause fail at least once (and most SHOULD and observed ones too); `caughtBy` names the clause
 * that must catch each, so a check that silently stops working breaks the self-test.
 */
import {
  createdOperation,
  envelope,
  fitsSomeTemplate,
  isCancel,
  isCancelled,
  isGet,
  json,
  mapOperation,
  nameOf,
  type ReferenceFault,
} from './fault.ts';

const INVALID = (message: string) => envelope(400, 'INVALID_ARGUMENT', message);

export const REFERENCE_FAULTS: readonly ReferenceFault[] = [
  {
    id: 'cancel-rejects-missing-body',
    description: 'cancel answers 400 when the request has no body',
    caughtBy: [{ clause: 'cancel/accepts-request-without-body', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isCancel(request) && request.body === undefined
        ? INVALID('A body is required.')
        : model.handle(request),
  },
  {
    id: 'cancel-rejects-empty-object-body',
    description: 'cancel answers 400 to the body {}',
    caughtBy: [{ clause: 'cancel/accepts-empty-json-object-body', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isCancel(request) && request.body?.trim() === '{}'
        ? INVALID('The body must be empty.')
        : model.handle(request),
  },
  {
    id: 'cancel-rejects-empty-string-body',
    description: 'cancel answers 400 to the two-byte body "" that google-gax sends',
    caughtBy: [{ clause: 'cancel/accepts-empty-string-body', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isCancel(request) && request.body?.trim() === '""'
        ? INVALID('Invalid JSON payload.')
        : model.handle(request),
  },
  {
    id: 'cancel-answers-zero-length-body',
    description: 'a successful cancel answers 200 with a zero-length body instead of {}',
    caughtBy: [{ clause: 'cancel/success-body-is-empty-json-object', outcome: 'FAIL' }],
    install: (model) => (request) => {
      const response = model.handle(request);
      return isCancel(request) && response?.status === 200
        ? { ...response, body: undefined }
        : response;
    },
  },
  {
    id: 'cancel-answers-the-operation',
    description: 'a successful cancel answers the Operation instead of an empty body',
    caughtBy: [
      { clause: 'cancel/success-body-is-empty-json-object', outcome: 'FAIL' },
      { clause: 'cancel/success-body-is-empty', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      return isCancel(request) && response?.status === 200
        ? json(200, model.operation(nameOf(request)))
        : response;
    },
  },
  {
    id: 'unimplemented-answers-500',
    description: 'a server without cancel answers 500 INTERNAL instead of 501 UNIMPLEMENTED',
    cancelMode: 'unimplemented',
    caughtBy: [{ clause: 'cancel/unsupported-cancel-answers-unimplemented', outcome: 'FAIL' }],
    install: (model) => (request) => {
      const response = model.handle(request);
      return response?.status === 501
        ? envelope(500, 'INTERNAL', 'Cancel is not available.')
        : response;
    },
  },
  {
    id: 'unimplemented-envelope-says-not-found',
    description: 'a server without cancel answers 501 with an envelope saying 404 NOT_FOUND',
    cancelMode: 'unimplemented',
    caughtBy: [{ clause: 'cancel/unsupported-cancel-answers-unimplemented', outcome: 'FAIL' }],
    install: (model) => (request) => {
      const response = model.handle(request);
      return response?.status === 501
        ? json(501, { error: { code: 404, message: 'Method not found.', status: 'NOT_FOUND' } })
        : response;
    },
  },
  {
    id: 'cancel-deletes-the-operation',
    description: 'a cancelled operation is deleted: GetOperation answers 404 afterwards',
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
    id: 'repeated-cancel-is-refused',
    description: 'a second cancel of a cancelled operation answers 400 FAILED_PRECONDITION',
    caughtBy: [{ clause: 'cancel/repeated-cancel-keeps-the-state', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isCancel(request) && model.operation(nameOf(request))?.done === true
        ? envelope(400, 'FAILED_PRECONDITION', 'The operation is already done.')
        : model.handle(request),
  },
  {
    id: 'running-operation-carries-a-response',
    description: 'a running operation (done:false) already carries a response',
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
    id: 'unknown-name-answers-ok',
    description: 'an unknown operation name answers 200 {} instead of 404',
    caughtBy: [
      { clause: 'errors/unknown-name-answers-not-found', outcome: 'FAIL' },
      { clause: 'errors/error-answers-use-the-aip-193-envelope', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      return response?.status === 404 ? json(200, {}) : response;
    },
  },
  {
    id: 'envelope-code-is-the-rpc-code',
    description:
      'error envelopes carry the google.rpc.Code number (5) in `code` instead of the HTTP status',
    caughtBy: [
      { clause: 'errors/error-answers-use-the-aip-193-envelope', outcome: 'FAIL' },
      { clause: 'errors/unknown-name-answers-not-found', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      return response?.status === 404
        ? json(404, { error: { code: 5, message: 'Not found.', status: 'NOT_FOUND' } })
        : response;
    },
  },
  {
    id: 'malformed-name-answers-500',
    description: 'a name outside the template answers 500 INTERNAL instead of 400 or 404',
    caughtBy: [{ clause: 'errors/malformed-name-is-rejected', outcome: 'FAIL' }],
    install: (model) => (request) => {
      const response = model.handle(request);
      const malformed = isGet(request) && !fitsSomeTemplate(model.profiles, nameOf(request));
      return malformed ? envelope(500, 'INTERNAL', 'Unexpected name.') : response;
    },
  },
  {
    id: 'unknown-body-fields-accepted',
    description: 'cancel accepts a body with unknown fields (Google front ends reject it)',
    caughtBy: [{ clause: 'cancel/unknown-body-field-is-rejected', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isCancel(request) && request.body?.includes('lroConformanceProbe')
        ? model.handle({ ...request, body: undefined })
        : model.handle(request),
  },
];

export function referenceFault(id: string): ReferenceFault | undefined {
  return REFERENCE_FAULTS.find((fault) => fault.id === id);
}
