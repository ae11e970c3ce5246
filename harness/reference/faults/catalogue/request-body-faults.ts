/**
 * Faults in how cancel reads its request body (the pages: "The request body must be empty.";
 * clients send none, `{}` or `""`).
 */
import { envelope, isCancel, json, type ReferenceFault } from '../fault.ts';

const INVALID = (message: string) => envelope(400, 'INVALID_ARGUMENT', message);

export const REQUEST_BODY_FAULTS: readonly ReferenceFault[] = [
  {
    id: 'cancel-rejects-missing-body',
    description: 'cancel answers 400 when the request has no body',
    exitCode: 1,
    alsoCaughtBy: [
      { clause: 'cancel/cancellation-is-observed-through-get-operation', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-has-error-code-1', outcome: 'FAIL' },
      { clause: 'cancel/cancelled-operation-is-not-deleted', outcome: 'FAIL' },
      { clause: 'cancel/completed-operation-is-unchanged-by-cancel', outcome: 'FAIL' },
      { clause: 'cancel/operation-may-complete-despite-cancel', outcome: 'FAIL' },
      { clause: 'cancel/repeated-cancel-keeps-the-state', outcome: 'FAIL' },
      { clause: 'cancel/success-answers-200', outcome: 'FAIL' },
      { clause: 'cancel/success-body-is-empty', outcome: 'FAIL' },
      { clause: 'cancel/success-body-is-empty-json-object', outcome: 'FAIL' },
      { clause: 'cancel/unsupported-cancel-answers-unimplemented', outcome: 'FAIL' },
      { clause: 'errors/unknown-name-answers-not-found', outcome: 'FAIL' },
      { clause: 'get/accepts-google-system-parameters', outcome: 'FAIL' },
    ],
    caughtBy: [{ clause: 'cancel/accepts-request-without-body', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isCancel(request) && request.body === undefined
        ? INVALID('A body is required.')
        : model.handle(request),
  },
  {
    id: 'cancel-rejects-empty-object-body',
    description: 'cancel answers 400 to the body {}',
    exitCode: 1,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'cancel/accepts-empty-json-object-body', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isCancel(request) && request.body?.trim() === '{}'
        ? INVALID('The body must be empty.')
        : model.handle(request),
  },
  {
    id: 'cancel-rejects-empty-string-body',
    description: 'cancel answers 400 to the two-byte body "" that google-gax sends',
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'cancel/accepts-empty-string-body', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isCancel(request) && request.body?.trim() === '""'
        ? INVALID('Invalid JSON payload.')
        : model.handle(request),
  },
  {
    id: 'unknown-body-fields-accepted',
    description: 'cancel accepts a body with unknown fields (Google front ends reject it)',
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'cancel/unknown-body-field-is-rejected', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isCancel(request) && request.body?.includes('lroConformanceProbe')
        ? model.handle({ ...request, body: undefined })
        : model.handle(request),
  },
  {
    id: 'cancel-with-body-is-a-stub',
    description:
      'a cancel whose body is {} or "" answers 200 {} and changes nothing; only a cancel without a body takes effect',
    exitCode: 4,
    alsoCaughtBy: [],
    caughtBy: [
      { clause: 'cancel/accepts-empty-json-object-body', outcome: 'INCONCLUSIVE' },
      { clause: 'cancel/accepts-empty-string-body', outcome: 'INCONCLUSIVE' },
    ],
    install: (model) => (request) =>
      isCancel(request) && ['{}', '""'].includes(request.body?.trim() ?? '')
        ? json(200, {})
        : model.handle(request),
  },
];
