/**
 * Reading an Operation off a GetOperation answer. A get that fails, or a body that is not a
 * valid google.longrunning.Operation, is a conformance failure with the violations spelled out.
 */
import type { OperationJson } from '#specs';
import type { HttpResult } from '../client/lro-client.ts';
import { formatViolations, validateOperation } from '../validators/index.ts';
import { ConformanceFailure } from './outcome-signal.ts';

export type { OperationJson };

export function readOperation(result: HttpResult, name: string): OperationJson {
  if (result.status !== 200) {
    throw new ConformanceFailure(
      `GetOperation ${name} answered ${result.status}, expected 200: ${result.text.slice(0, 300)}`,
    );
  }
  const violations = validateOperation(result.json);
  if (violations.length > 0) {
    throw new ConformanceFailure(
      `GetOperation ${name} answered an invalid Operation:\n${formatViolations(violations)}`,
    );
  }
  return result.json as OperationJson;
}
