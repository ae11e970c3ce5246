/**
 * google.rpc.Status (googleapis google/rpc/status.proto): `code` "should be an enum value of
 * google.rpc.Code" (google/rpc/code.proto, 0..16). A common slip is to put the HTTP status
 * there, so the message names the RPC code(s) that HTTP status stands for.
 */
import { isJsonObject } from '#base';
import { RPC_CODES, rpcCodeByNumber, rpcCodeNamesForHttpStatus } from '#specs';
import type { ValidationRuleId } from './rules.ts';
import { schemaViolations } from './schema-violations.ts';
import { supersedeSchema, type Violation } from './violation.ts';

/** Violations of `code` (found at `path`, named `label` in messages) being a google.rpc.Code. */
export function rpcCodeViolations(
  code: unknown,
  path: string,
  rule: ValidationRuleId,
  label: string,
): readonly Violation[] {
  if (typeof code !== 'number' || rpcCodeByNumber(code)) return [];
  return [{ rule, path, message: `${label} is ${code}, ${whyNotRpcCode(code)}` }];
}

function whyNotRpcCode(code: number): string {
  if (rpcCodeNamesForHttpStatus(code).length > 0) {
    const expected = RPC_CODES.filter((entry) => entry.httpStatus === code)
      .map((entry) => `${entry.code} (${entry.name})`)
      .join(' or ');
    return `which looks like an HTTP status: a google.rpc.Code number is expected, ${expected} for HTTP ${code}`;
  }
  if (Number.isInteger(code) && code >= 100 && code <= 599) {
    return 'which looks like an HTTP status that no google.rpc.Code maps to: a google.rpc.Code number (0..16) is expected';
  }
  return 'not a google.rpc.Code number (an integer 0..16)';
}

/** google.rpc.Status on its own: schema, and `code` is a google.rpc.Code. */
export function validateStatus(body: unknown): readonly Violation[] {
  const rules = isJsonObject(body)
    ? rpcCodeViolations(body.code, '/code', 'status-code-is-rpc-code', 'code')
    : [];
  return [...supersedeSchema(schemaViolations('Status', body), rules), ...rules];
}
