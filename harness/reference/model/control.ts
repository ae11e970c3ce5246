/**
 * The test-control protocol (docs/CONTROL-PROTOCOL.md), in the spirit of Pact's provider-state
 * URL: `GET /__control` describes what the target serves, `POST /__control/operations` with
 * `{"service","scenario"}` creates an operation in a known state and answers `201 {"name"}`. It is
 * handled here, in the model, so the MSW handlers and the HTTP server share it. It needs no token.
 */
import {
  type CancelMode,
  CONTROL_PATH,
  isScenario,
  SCENARIOS,
  type Scenario,
} from '../../control/index.ts';
import { errorResponse } from './error-envelope.ts';
import { jsonResponse, type ModelResponse } from './model-request.ts';

const DOMAIN = 'lro-conformance.control';

export interface ControlContext {
  readonly services: readonly string[];
  readonly cancelModes: Readonly<Record<string, CancelMode>>;
  readonly cancelDelayMs: number;
  createOperation(serviceId: string, scenario: Scenario): string;
}

export function isControlPath(path: string): boolean {
  return path === CONTROL_PATH || path.startsWith(`${CONTROL_PATH}/`);
}

export function handleControl(
  context: ControlContext,
  method: string,
  path: string,
  body: string | undefined,
): ModelResponse {
  const endpoint = path.replace(/\/+$/, '');
  if (endpoint === CONTROL_PATH && method === 'GET') {
    return jsonResponse(200, {
      services: context.services,
      scenarios: SCENARIOS,
      cancelModes: context.cancelModes,
      cancelDelayMs: context.cancelDelayMs,
    });
  }
  if (endpoint === `${CONTROL_PATH}/operations` && method === 'POST') {
    return createOperation(context, body);
  }
  return errorResponse(
    'NOT_FOUND',
    `The control protocol has GET ${CONTROL_PATH} and POST ${CONTROL_PATH}/operations; got ${method} ${path}.`,
    { reason: 'CONTROL_ENDPOINT_NOT_FOUND', domain: DOMAIN, metadata: { method, path } },
  );
}

function createOperation(context: ControlContext, body: string | undefined): ModelResponse {
  let request: unknown;
  try {
    request = JSON.parse(body ?? '');
  } catch {
    request = undefined;
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return invalid(
      `The body must be a JSON object {"service": …, "scenario": …}; got ${JSON.stringify(body ?? '')}.`,
      'INVALID_CONTROL_REQUEST',
    );
  }
  const { service, scenario } = request as Record<string, unknown>;
  if (typeof service !== 'string' || !context.services.includes(service)) {
    return invalid(
      `${service === undefined ? 'missing "service"' : `unknown service ${JSON.stringify(service)}`} (allowed: ${context.services.join(', ')})`,
      'UNKNOWN_SERVICE',
    );
  }
  if (!isScenario(scenario)) {
    return invalid(
      `${scenario === undefined ? 'missing "scenario"' : `unknown scenario ${JSON.stringify(scenario)}`} (allowed: ${SCENARIOS.join(', ')})`,
      'UNKNOWN_SCENARIO',
    );
  }
  return jsonResponse(201, { name: context.createOperation(service, scenario) });
}

function invalid(message: string, reason: string): ModelResponse {
  return errorResponse('INVALID_ARGUMENT', message, { reason, domain: DOMAIN });
}
