/**
 * A RunResults value that does not match reports/results.schema.json. Thrown before anything is
 * written, so a results.json on disk always validates against the schema it claims.
 */
import { ReportsError } from './reports-error.ts';

export class InvalidResultsError extends ReportsError {
  override readonly name = 'InvalidResultsError';
  /** One line per schema violation: `<instance path> <ajv message>`. */
  readonly violations: readonly string[];

  constructor(violations: readonly string[]) {
    super(
      `The results do not match results.schema.json (schemaVersion 2):\n  ${violations.join('\n  ')}\n` +
        'Fix the code that builds RunResults (reports/build-run-results.ts) or, if the model ' +
        'changed on purpose, the schema and its schemaVersion.',
    );
    this.violations = violations;
  }
}

export function isInvalidResultsError(error: unknown): error is InvalidResultsError {
  return error instanceof InvalidResultsError;
}
