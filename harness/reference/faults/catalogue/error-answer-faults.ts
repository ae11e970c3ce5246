/**
 * Faults in error answers to unknown and malformed names (AIP-193, google/api/http.proto).
 */
import {
  envelope,
  fitsSomeTemplate,
  isControl,
  isGet,
  json,
  nameOf,
  type ReferenceFault,
} from '../fault.ts';

export const ERROR_ANSWER_FAULTS: readonly ReferenceFault[] = [
  {
    id: 'unknown-name-answers-ok',
    description: 'an unknown operation name answers 200 {} instead of 404',
    exitCode: 0,
    alsoCaughtBy: [{ clause: 'cancel/get-on-the-cancel-url-does-not-cancel', outcome: 'FAIL' }],
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
    exitCode: 0,
    alsoCaughtBy: [{ clause: 'errors/error-answers-carry-an-error-info', outcome: 'FAIL' }],
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
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'errors/malformed-name-is-rejected', outcome: 'FAIL' }],
    install: (model) => (request) => {
      const response = model.handle(request);
      const malformed = isGet(request) && !fitsSomeTemplate(model.profiles, nameOf(request));
      return malformed ? envelope(500, 'INTERNAL', 'Unexpected name.') : response;
    },
  },
  {
    id: 'errors-without-error-info',
    description: 'error envelopes carry no google.rpc.ErrorInfo in `details`',
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'errors/error-answers-carry-an-error-info', outcome: 'FAIL' }],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (response === undefined || response.status < 400 || isControl(request)) return response;
      const { error } = response.body as { error: Record<string, unknown> };
      const { details: _dropped, ...bare } = error;
      return json(response.status, { error: bare });
    },
  },
];
