/**
 * The one assertion for declared errors: the HTTP status is one the clause allows, and the
 * body is an AIP-193 envelope whose `status` names the matching google.rpc.Code.
 */
import type { HttpResult } from '../client/lro-client.ts';
import { formatViolations, validateErrorEnvelope } from '../validators/index.ts';
import type { ExpectedError } from './define-clause.ts';

/** Returns why the answer does not match, or undefined when it does. */
export function checkExpectedError(
  result: HttpResult,
  expected: ExpectedError | readonly ExpectedError[] | undefined,
): string | undefined {
  if (!expected) return 'the clause declares no expectedError (a suite bug)';
  const allowed: readonly ExpectedError[] = Array.isArray(expected)
    ? expected
    : [expected as ExpectedError];
  const wanted = allowed.map((e) => `${e.httpStatus} ${e.status}`).join(' or ');
  const candidates = allowed.filter((e) => e.httpStatus === result.status);
  if (candidates.length === 0)
    return `expected ${wanted}, got HTTP ${result.status}: ${result.text.slice(0, 300) || '(empty body)'}`;
  const violations = validateErrorEnvelope(result.json, result.status);
  if (violations.length > 0) {
    return `expected an AIP-193 error envelope (${wanted}), got:\n${formatViolations(violations)}`;
  }
  const status = (result.json as { error: { status: string } }).error.status;
  if (!candidates.some((e) => e.status === status)) {
    return `expected status ${candidates.map((e) => e.status).join(' or ')} with HTTP ${result.status}, got ${status}`;
  }
  return undefined;
}
