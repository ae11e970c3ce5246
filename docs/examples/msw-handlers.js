// A handlers module for `npx lro-conformance run --target msw:mocks/handlers.js`
// (docs/MSW-TARGET.md): a team's in-memory mock of Cloud Data Fusion's operations, with the
// control hook the conformance suite uses to make operations in known states.
import { HttpResponse, http } from 'msw';

const ORIGIN = 'https://datafusion.googleapis.com';
const OPERATION = `${ORIGIN}/v1/projects/:project/locations/:location/operations/:operation`;

/** The services these handlers serve: a run without --service checks exactly these. */
export const services = ['datafusion'];

const operations = new Map(); // name -> google.longrunning.Operation as JSON
const completesAnyway = new Set(); // names that complete despite a cancel
let created = 0;

/**
 * The control hook: a new operation of `service` in `scenario`, returned by name.
 * @type {import('lro-conformance').MswTargetModule['createOperation']}
 */
export function createOperation(service, scenario) {
  if (service !== 'datafusion') throw new Error(`no mock for ${service}`);
  created += 1;
  const name = `projects/demo/locations/us-central1/operations/op-${created}`;
  const operation = { name, done: false };
  if (scenario === 'done') {
    Object.assign(operation, {
      done: true,
      response: { '@type': 'type.googleapis.com/google.protobuf.Empty' },
    });
  } else if (scenario === 'failed') {
    Object.assign(operation, { done: true, error: { code: 13, message: 'The pipeline failed.' } });
  } else if (scenario === 'completes-despite-cancel') {
    completesAnyway.add(name);
  }
  operations.set(name, operation);
  return name;
}

/** An AIP-193 error envelope with the google.rpc.ErrorInfo every error should carry. */
function error(status, code, message, reason) {
  const info = {
    '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
    reason,
    domain: 'datafusion.googleapis.com',
  };
  return HttpResponse.json(
    { error: { code: status, message, status: code, details: [info] } },
    { status },
  );
}

/**
 * The operation name the path carries. MSW decodes `%2F` in params, but a `%2F` inside a name is
 * no separator (google/api/http.proto leaves it undecoded), so such a path names no operation.
 */
function nameOf(params, request) {
  const { pathname } = new URL(request.url);
  if (/%2F/i.test(pathname)) return pathname;
  return `projects/${params.project}/locations/${params.location}/operations/${params.operation}`;
}

export const handlers = [
  // GetOperation
  http.get(OPERATION, ({ params, request }) => {
    const name = nameOf(params, request);
    const operation = operations.get(name);
    return operation
      ? HttpResponse.json(operation)
      : error(404, 'NOT_FOUND', `Operation ${name} not found.`, 'OPERATION_NOT_FOUND');
  }),

  // CancelOperation: "The request body must be empty"; success is `{}`.
  http.post(`${OPERATION}\\:cancel`, async ({ params, request }) => {
    const body = (await request.text()).trim();
    if (body !== '' && body !== '{}' && body !== '""') {
      return error(
        400,
        'INVALID_ARGUMENT',
        `Invalid JSON payload received: ${body}`,
        'INVALID_BODY',
      );
    }
    const name = nameOf(params, request);
    const operation = operations.get(name);
    if (!operation)
      return error(404, 'NOT_FOUND', `Operation ${name} not found.`, 'OPERATION_NOT_FOUND');
    if (!operation.done && completesAnyway.has(operation.name)) {
      Object.assign(operation, {
        done: true,
        response: { '@type': 'type.googleapis.com/google.protobuf.Empty' },
      });
    } else if (!operation.done) {
      // Cancelled: still there, done, with error.code 1 (CANCELLED).
      Object.assign(operation, {
        done: true,
        error: { code: 1, message: 'Operation was cancelled.' },
      });
    }
    return HttpResponse.json({});
  }),

  // Anything else on this origin (another method, a name outside the template).
  http.all(`${ORIGIN}/*`, ({ request }) =>
    error(
      404,
      'NOT_FOUND',
      `No route for ${request.method} ${new URL(request.url).pathname}.`,
      'ROUTE_NOT_FOUND',
    ),
  ),
];
