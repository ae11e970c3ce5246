/**
 * Faults in how a server says it does not support cancel (the pages: "If the server doesn't
 * support this method, it returns google.rpc.Code.UNIMPLEMENTED").
 */
import {
  envelope,
  isCancel,
  isGet,
  json,
  mapOperation,
  nameOf,
  type ReferenceFault,
  scenarioTracker,
} from '../fault.ts';

const UNIMPLEMENTED = envelope(501, 'UNIMPLEMENTED', 'Method not implemented.');

export const UNSUPPORTED_FAULTS: readonly ReferenceFault[] = [
  {
    id: 'unimplemented-answers-500',
    description: 'a server without cancel answers 500 INTERNAL instead of 501 UNIMPLEMENTED',
    exitCode: 1,
    alsoCaughtBy: [
      { clause: 'cancel/accepts-empty-json-object-body', outcome: 'FAIL' },
      { clause: 'cancel/accepts-empty-string-body', outcome: 'FAIL' },
      { clause: 'cancel/accepts-request-without-body', outcome: 'FAIL' },
      { clause: 'cancel/cancellation-is-observed-through-get-operation', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-is-not-deleted', outcome: 'FAIL' },
      { clause: 'cancel/completed-operation-is-unchanged-by-cancel', outcome: 'FAIL' },
      { clause: 'cancel/operation-may-complete-despite-cancel', outcome: 'FAIL' },
      { clause: 'cancel/repeated-cancel-keeps-the-state', outcome: 'FAIL' },
      { clause: 'cancel/success-answers-200', outcome: 'FAIL' },
      { clause: 'cancel/success-body-is-empty', outcome: 'FAIL' },
      { clause: 'cancel/success-body-is-empty-json-object', outcome: 'FAIL' },
      { clause: 'errors/unknown-name-answers-not-found', outcome: 'FAIL' },
      { clause: 'get/accepts-google-system-parameters', outcome: 'FAIL' },
    ],
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
    exitCode: 1,
    alsoCaughtBy: [
      { clause: 'errors/error-answers-carry-an-error-info', outcome: 'FAIL' },
      { clause: 'errors/error-answers-use-the-aip-193-envelope', outcome: 'FAIL' },
    ],
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
    id: 'cancel-unimplemented-without-body',
    description:
      'cancel answers 501 UNIMPLEMENTED when the request has no body, and cancels when it has one',
    exitCode: 1,
    alsoCaughtBy: [
      { clause: 'cancel/cancellation-is-observed-through-get-operation', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-is-not-deleted', outcome: 'FAIL' },
      { clause: 'cancel/completed-operation-is-unchanged-by-cancel', outcome: 'FAIL' },
      { clause: 'cancel/operation-may-complete-despite-cancel', outcome: 'FAIL' },
      { clause: 'cancel/repeated-cancel-keeps-the-state', outcome: 'FAIL' },
      { clause: 'cancel/success-answers-200', outcome: 'FAIL' },
      { clause: 'cancel/success-body-is-empty', outcome: 'FAIL' },
      { clause: 'cancel/success-body-is-empty-json-object', outcome: 'FAIL' },
      { clause: 'errors/encoded-separator-reaches-no-other-operation', outcome: 'FAIL' },
      { clause: 'errors/error-answers-carry-a-json-media-type', outcome: 'FAIL' },
      { clause: 'errors/error-answers-carry-an-error-info', outcome: 'FAIL' },
      { clause: 'errors/error-answers-use-the-aip-193-envelope', outcome: 'FAIL' },
      { clause: 'errors/malformed-name-is-rejected', outcome: 'FAIL' },
      { clause: 'errors/unknown-name-answers-not-found', outcome: 'FAIL' },
      { clause: 'get/accepts-google-system-parameters', outcome: 'FAIL' },
      { clause: 'get/answers-carry-a-json-media-type', outcome: 'FAIL' },
    ],
    caughtBy: [
      { clause: 'cancel/accepts-request-without-body', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' },
      { clause: 'cancel/unsupported-cancel-answers-unimplemented', outcome: 'FAIL' },
    ],
    install: (model) => (request) =>
      isCancel(request) && request.body === undefined ? UNIMPLEMENTED : model.handle(request),
  },
  {
    id: 'cancel-unimplemented-for-completing-operations',
    description:
      'cancel answers 501 UNIMPLEMENTED for an operation that would complete anyway, and cancels the others',
    exitCode: 1,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'cancel/operation-may-complete-despite-cancel', outcome: 'FAIL' }],
    install: (model) => {
      const scenarios = scenarioTracker();
      return (request) => {
        if (
          isCancel(request) &&
          scenarios.scenarioOf(nameOf(request)) === 'completes-despite-cancel'
        ) {
          return UNIMPLEMENTED;
        }
        const response = model.handle(request);
        scenarios.note(request, response);
        return response;
      };
    },
  },
  {
    id: 'unknown-name-cancel-answers-unimplemented',
    description:
      'a cancel of an unknown name answers 501 UNIMPLEMENTED although cancel works for the others',
    exitCode: 0,
    alsoCaughtBy: [
      { clause: 'errors/error-answers-carry-a-json-media-type', outcome: 'FAIL' },
      { clause: 'errors/error-answers-carry-an-error-info', outcome: 'FAIL' },
      { clause: 'errors/error-answers-use-the-aip-193-envelope', outcome: 'FAIL' },
    ],
    caughtBy: [{ clause: 'errors/unknown-name-answers-not-found', outcome: 'FAIL' }],
    install: (model) => (request) => {
      const response = model.handle(request);
      return isCancel(request) && response?.status === 404 ? UNIMPLEMENTED : response;
    },
  },
  {
    id: 'unimplemented-but-cancels',
    description: 'cancel answers 501 UNIMPLEMENTED, yet the operation is cancelled',
    cancelMode: 'unimplemented',
    exitCode: 1,
    alsoCaughtBy: [
      { clause: 'cancel/completed-operation-is-unchanged-by-cancel', outcome: 'FAIL' },
    ],
    caughtBy: [{ clause: 'cancel/unsupported-cancel-answers-unimplemented', outcome: 'FAIL' }],
    install: (model) => {
      const cancelled = new Set<string>();
      return (request) => {
        const response = model.handle(request);
        if (isCancel(request) && response?.status === 501) cancelled.add(nameOf(request));
        if (!isGet(request) || !cancelled.has(nameOf(request))) return response;
        return mapOperation(response, ({ response: _dropped, ...operation }) => ({
          ...operation,
          done: true,
          error: { code: 1, message: 'Operation cancelled.' },
        }));
      };
    },
  },
];
