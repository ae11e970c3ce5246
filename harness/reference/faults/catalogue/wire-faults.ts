/**
 * Faults on the wire rather than in the state: media types (RFC 8259: "The media type for JSON
 * text is application/json"), HTML error pages instead of AIP-193 envelopes, methods the HTTP
 * rules do not bind (RFC 9110: GET is safe), names outside the binding (google/api/http.proto),
 * what real clients add to a request (Google's system parameters, encoded separators).
 */
import {
  envelope,
  fitsSomeTemplate,
  htmlPage,
  isCancel,
  isControl,
  isGetOnCancelUrl,
  json,
  nameOf,
  queryOf,
  type ReferenceFault,
} from '../fault.ts';

export const WIRE_FAULTS: readonly ReferenceFault[] = [
  {
    id: 'json-answers-are-text-plain',
    description: 'every JSON answer is labelled text/plain',
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [
      { clause: 'errors/error-answers-carry-a-json-media-type', outcome: 'FAIL' },
      { clause: 'get/answers-carry-a-json-media-type', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (response?.body === undefined || isControl(request)) return response;
      return { ...response, headers: { ...response.headers, 'content-type': 'text/plain' } };
    },
  },
  {
    id: 'errors-are-html',
    description:
      'error answers, those to paths no binding matches included, are an HTML page instead of the JSON envelope',
    exitCode: 0,
    alsoCaughtBy: [
      { clause: 'cancel/unknown-body-field-is-rejected', outcome: 'FAIL' },
      { clause: 'errors/error-answers-carry-an-error-info', outcome: 'FAIL' },
      // Only where a malformed name is routed and refused with a 400 page (Checks, Data Fusion):
      // a 404 page to a path no binding routes is a rejection.
      { clause: 'errors/malformed-name-is-rejected', outcome: 'FAIL' },
    ],
    caughtBy: [
      { clause: 'errors/error-answers-use-the-aip-193-envelope', outcome: 'FAIL' },
      { clause: 'errors/error-answers-carry-a-json-media-type', outcome: 'FAIL' },
      { clause: 'errors/unknown-name-answers-not-found', outcome: 'FAIL' },
    ],
    install: (model) => (request) => {
      const response = model.handle(request);
      if (isControl(request)) return response;
      const status = response?.status ?? 404;
      return status >= 400 ? htmlPage(status) : response;
    },
  },
  {
    id: 'get-on-cancel-url-cancels',
    description: 'a GET on {name}:cancel cancels the operation and answers 200 {}',
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'cancel/get-on-the-cancel-url-does-not-cancel', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isGetOnCancelUrl(request)
        ? model.handle({ ...request, method: 'POST', body: undefined })
        : model.handle(request),
  },
  {
    id: 'malformed-name-cancel-accepted',
    description: 'a cancel of a name outside the template answers 200 {}',
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'errors/malformed-name-is-rejected', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isCancel(request) && !fitsSomeTemplate(model.profiles, nameOf(request))
        ? json(200, {})
        : model.handle(request),
  },
  {
    id: 'system-parameters-refused',
    description:
      'get and cancel answer 400 "Cannot bind query parameter" to Google\'s system parameters (`$alt`, `alt`, `prettyPrint`, `$.xgafv`, `fields`)',
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'get/accepts-google-system-parameters', outcome: 'FAIL' }],
    install: (model) => (request) => {
      const query = queryOf(request);
      if (isControl(request) || query === '') return model.handle(request);
      const key = decodeURIComponent(query.split('&')[0]?.split('=')[0] ?? '');
      return envelope(
        400,
        'INVALID_ARGUMENT',
        `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter.`,
      );
    },
  },
  {
    id: 'encoded-separators-decoded',
    description:
      'the path is percent-decoded before it is routed, so a `%2F` inside a name acts as a separator and reaches another operation',
    exitCode: 0,
    alsoCaughtBy: [],
    caughtBy: [{ clause: 'errors/encoded-separator-reaches-no-other-operation', outcome: 'FAIL' }],
    install: (model) => (request) =>
      isControl(request)
        ? model.handle(request)
        : model.handle({ ...request, path: request.path.replace(/%2F/gi, '/') }),
  },
];
