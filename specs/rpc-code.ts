/**
 * google.rpc.Code names, numbers and the HTTP status each maps to.
 * Source: googleapis `google/rpc/code.proto` (https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto).
 */
export const RPC_CODES = [
  { name: 'OK', code: 0, httpStatus: 200 },
  { name: 'CANCELLED', code: 1, httpStatus: 499 },
  { name: 'UNKNOWN', code: 2, httpStatus: 500 },
  { name: 'INVALID_ARGUMENT', code: 3, httpStatus: 400 },
  { name: 'DEADLINE_EXCEEDED', code: 4, httpStatus: 504 },
  { name: 'NOT_FOUND', code: 5, httpStatus: 404 },
  { name: 'ALREADY_EXISTS', code: 6, httpStatus: 409 },
  { name: 'PERMISSION_DENIED', code: 7, httpStatus: 403 },
  { name: 'RESOURCE_EXHAUSTED', code: 8, httpStatus: 429 },
  { name: 'FAILED_PRECONDITION', code: 9, httpStatus: 400 },
  { name: 'ABORTED', code: 10, httpStatus: 409 },
  { name: 'OUT_OF_RANGE', code: 11, httpStatus: 400 },
  { name: 'UNIMPLEMENTED', code: 12, httpStatus: 501 },
  { name: 'INTERNAL', code: 13, httpStatus: 500 },
  { name: 'UNAVAILABLE', code: 14, httpStatus: 503 },
  { name: 'DATA_LOSS', code: 15, httpStatus: 500 },
  { name: 'UNAUTHENTICATED', code: 16, httpStatus: 401 },
] as const;

export type RpcCodeName = (typeof RPC_CODES)[number]['name'];
export type RpcCodeEntry = (typeof RPC_CODES)[number];

const byName = new Map<string, RpcCodeEntry>(RPC_CODES.map((entry) => [entry.name, entry]));
const byCode = new Map<number, RpcCodeEntry>(RPC_CODES.map((entry) => [entry.code, entry]));

export function rpcCodeByName(name: string): RpcCodeEntry | undefined {
  return byName.get(name);
}

export function rpcCodeByNumber(code: number): RpcCodeEntry | undefined {
  return byCode.get(code);
}

/** Every code name that maps to this HTTP status (400 has three: INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE). */
export function rpcCodeNamesForHttpStatus(httpStatus: number): RpcCodeName[] {
  return RPC_CODES.filter((entry) => entry.httpStatus === httpStatus).map((entry) => entry.name);
}
