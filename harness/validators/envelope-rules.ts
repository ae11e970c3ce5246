/**
 * The HTTP/1.1+JSON error representation of AIP-193 (https://google.aip.dev/193):
 * `{"error":{"code":<HTTP status>,"message":…,"status":<google.rpc.Code name>,"details":[…]}}`.
 * Here `code` IS the HTTP status, and `status` is a code whose HTTP mapping in
 * google/rpc/code.proto is that status (HTTP 400 has three: INVALID_ARGUMENT,
 * FAILED_PRECONDITION, OUT_OF_RANGE).
 */
import { HarnessError, isJsonObject } from '#base';
import { rpcCodeByName, rpcCodeByNumber, rpcCodeNamesForHttpStatus } from '#specs';
import { schemaViolations } from './schema-violations.ts';
import { describeValue, supersedeSchema, type Violation } from './violation.ts';

export function validateErrorEnvelope(body: unknown, httpStatus: number): readonly Violation[] {
  if (!Number.isInteger(httpStatus) || httpStatus < 100 || httpStatus > 599) {
    throw new HarnessError(
      `validateErrorEnvelope needs the response's HTTP status (an integer 100..599), got ${httpStatus}.`,
      { code: 'DATA' },
    );
  }
  const error = isJsonObject(body) && isJsonObject(body.error) ? body.error : undefined;
  const rules = error
    ? [...codeViolations(error.code, httpStatus), ...statusViolations(error.status, httpStatus)]
    : [];
  return [...supersedeSchema(schemaViolations('ErrorEnvelope', body), rules), ...rules];
}

function codeViolations(code: unknown, httpStatus: number): readonly Violation[] {
  if (typeof code !== 'number' || code === httpStatus) return [];
  const rpc = rpcCodeByNumber(code);
  const hint = rpc
    ? ` (${code} looks like the google.rpc.Code ${rpc.name}, whose name belongs in error.status)`
    : '';
  return [
    {
      rule: 'envelope-code-equals-http-status',
      path: '/error/code',
      message: `error.code is ${code} but the response is HTTP ${httpStatus}; error.code must repeat the HTTP status${hint}`,
    },
  ];
}

function statusViolations(status: unknown, httpStatus: number): readonly Violation[] {
  if (typeof status !== 'string') return [];
  const expectedNames = rpcCodeNamesForHttpStatus(httpStatus);
  const rpc = rpcCodeByName(status);
  if (rpc && expectedNames.some((name) => name === rpc.name)) return [];
  const expected =
    expectedNames.length > 0
      ? `HTTP ${httpStatus} expects ${orList(expectedNames)}`
      : `no google.rpc.Code maps to HTTP ${httpStatus}`;
  const actual = rpc
    ? `error.status is ${status}, which maps to HTTP ${rpc.httpStatus}`
    : `error.status is ${describeValue(status)}, not a google.rpc.Code name`;
  return [
    {
      rule: 'envelope-status-matches-http-status',
      path: '/error/status',
      message: `${actual}, but the response is HTTP ${httpStatus}; ${expected}`,
    },
  ];
}

function orList(names: readonly string[]): string {
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
