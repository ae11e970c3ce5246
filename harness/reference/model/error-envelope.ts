/**
 * AIP-193 error responses in the HTTP/1.1+JSON representation (https://google.aip.dev/193):
 * `{"error":{"code":<HTTP status>,"message":…,"status":<google.rpc.Code name>,"details":[…]}}`,
 * always with a `google.rpc.ErrorInfo` in `details` as AIP-193 asks. The HTTP status comes from the
 * google.rpc.Code mapping in specs/rpc-code.ts (googleapis `google/rpc/code.proto`).
 */
import { ERROR_INFO_TYPE, type RpcCodeName, rpcCodeByName } from '#specs';
import { jsonResponse, type ModelResponse } from './model-request.ts';

/** ErrorInfo domain of errors raised before any service is chosen (routing, authentication). */
export const FRONT_END_DOMAIN = 'googleapis.com';

export interface ErrorInfo {
  /** UPPER_SNAKE_CASE, stable for a given cause. */
  readonly reason: string;
  /** The service host, or {@link FRONT_END_DOMAIN}. */
  readonly domain: string;
  /** String values only (google.rpc.ErrorInfo.metadata is `map<string, string>`). */
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface ErrorEnvelope {
  readonly error: {
    readonly code: number;
    readonly message: string;
    readonly status: RpcCodeName;
    readonly details: readonly Readonly<Record<string, unknown>>[];
  };
}

export function errorEnvelope(
  status: RpcCodeName,
  message: string,
  info: ErrorInfo,
  extraDetails: readonly Readonly<Record<string, unknown>>[] = [],
): ErrorEnvelope {
  const httpStatus = rpcCodeByName(status)?.httpStatus ?? 500;
  const errorInfo = { '@type': ERROR_INFO_TYPE, ...info, metadata: info.metadata ?? {} };
  return {
    error: { code: httpStatus, message, status, details: [errorInfo, ...extraDetails] },
  };
}

export function errorResponse(
  status: RpcCodeName,
  message: string,
  info: ErrorInfo,
  options: {
    readonly details?: readonly Readonly<Record<string, unknown>>[];
    readonly headers?: Readonly<Record<string, string>>;
  } = {},
): ModelResponse {
  const envelope = errorEnvelope(status, message, info, options.details);
  return jsonResponse(envelope.error.code, envelope, options.headers);
}

/** The answer to a request that matches no route: what the HTTP server and the MSW fetch send. */
export function routeNotFound(method: string, path: string): ModelResponse {
  return errorResponse(
    'NOT_FOUND',
    `No operations method of a served service matches ${method} ${path}.`,
    { reason: 'ROUTE_NOT_FOUND', domain: FRONT_END_DOMAIN, metadata: { method, path } },
  );
}
