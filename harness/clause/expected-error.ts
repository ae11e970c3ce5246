/**
 * The one assertion for declared errors: the HTTP status is one the clause allows, and the body
 * is an AIP-193 envelope whose `status` names the matching google.rpc.Code. The envelope is read
 * as proto3 JSON: null members are unset and unknown fields (a legacy `errors` array) are only
 * worth a warning.
 */

import {
  formatViolations,
  splitUnknownFields,
  type Violation,
  validateErrorEnvelope,
  withoutNulls,
} from '../validators/index.ts';
import type { ExpectedError } from './define-clause.ts';
import type { HttpResult } from './lro-client.ts';

export interface EnvelopeCheck {
  /** Why the answer is not a consistent envelope; empty when it is. */
  readonly violations: readonly Violation[];
  readonly unknownFields: readonly Violation[];
}

export function checkErrorEnvelope(result: HttpResult): EnvelopeCheck {
  return splitUnknownFields(validateErrorEnvelope(withoutNulls(result.json), result.status));
}

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
  const { violations } = checkErrorEnvelope(result);
  if (violations.length > 0) {
    return `expected an AIP-193 error envelope (${wanted}), got:\n${formatViolations(violations)}`;
  }
  const status = (withoutNulls(result.json) as { error: { status: string } }).error.status;
  if (!candidates.some((e) => e.status === status)) {
    return `expected status ${candidates.map((e) => e.status).join(' or ')} with HTTP ${result.status}, got ${status}`;
  }
  return undefined;
}
