/**
 * An expectations file that cannot be read, is not JSON, does not match
 * reports/expectations.schema.json, or lists a service × clause twice. Its message is one line
 * naming the file and every problem.
 */
import { ReportsError } from './reports-error.ts';

export class InvalidExpectationsError extends ReportsError {
  override readonly name = 'InvalidExpectationsError';
}

export function isInvalidExpectationsError(error: unknown): error is InvalidExpectationsError {
  return error instanceof InvalidExpectationsError;
}
