/**
 * Faults in what a successful cancel answers (the pages: "If successful, the response body is
 * empty" / "an empty JSON object").
 */
import { isCancel, json, nameOf, type ReferenceFault } from '../fault.ts';

export const SUCCESS_ANSWER_FAULTS: readonly ReferenceFault[] = [
  {
    id: 'cancel-answers-zero-length-body',
    description: 'a successful cancel answers 200 with a zero-length body instead of {}',
    exitCode: 1,
    alsoCaughtBy: [],
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
    exitCode: 1,
    alsoCaughtBy: [],
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
    id: 'cancel-answers-202',
    description: 'a successful cancel answers 202 Accepted with {}',
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'cancel/success-answers-200', outcome: 'FAIL' }],
    install: (model) => (request) => {
      const response = model.handle(request);
      return isCancel(request) && response?.status === 200
        ? { ...response, status: 202 }
        : response;
    },
  },
  {
    id: 'cancel-success-carries-an-error-envelope',
    description:
      'a cancel that takes effect answers 200 with an AIP-193 error envelope as its body',
    exitCode: 1,
    alsoCaughtBy: [
      { clause: 'cancel/accepts-empty-json-object-body', outcome: 'FAIL' },
      { clause: 'cancel/accepts-empty-string-body', outcome: 'FAIL' },
      { clause: 'cancel/cancellation-is-observed-through-get-operation', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-is-not-deleted', outcome: 'FAIL' },
      { clause: 'cancel/operation-may-complete-despite-cancel', outcome: 'FAIL' },
      { clause: 'cancel/repeated-cancel-keeps-the-state', outcome: 'FAIL' },
      { clause: 'cancel/success-answers-200', outcome: 'FAIL' },
      { clause: 'get/accepts-google-system-parameters', outcome: 'FAIL' },
    ],
    caughtBy: [
      { clause: 'cancel/accepts-request-without-body', outcome: 'FAIL' },
      { clause: 'cancel/success-body-is-empty-json-object', outcome: 'FAIL' },
      { clause: 'cancel/success-body-is-empty', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isCancel(request) || response?.status !== 200) return response;
      return json(200, {
        error: {
          code: 409,
          message: 'The operation is already being cancelled.',
          status: 'ABORTED',
        },
      });
    },
  },
];
