/**
 * Validation of RunResults against reports/results.schema.json (JSON Schema 2020-12,
 * https://json-schema.org/draft/2020-12), the contract for whoever reads results.json.
 */

import { HarnessError } from '#base';
import { validateResults } from './generated/validators.js';
import { readJsonSchema, schemaViolations } from './json-schema.ts';
import { RESULTS_SCHEMA_VERSION, type RunResults } from './results-model.ts';

export const RESULTS_SCHEMA_URL = new URL('./results.schema.json', import.meta.url);

/** The parsed schema document, as shipped next to this module. */
export function readResultsSchema(): Record<string, unknown> {
  return readJsonSchema(RESULTS_SCHEMA_URL);
}

/** Schema violations as `<instance path> <message>` lines; empty when the value is valid. */
export function resultsViolations(value: unknown): string[] {
  return schemaViolations(validateResults, value);
}

export function assertValidRunResults(value: unknown): asserts value is RunResults {
  const violations = resultsViolations(value);
  if (violations.length > 0) throw new InvalidResultsError(violations);
}

/**
 * A RunResults value that does not match reports/results.schema.json. Thrown before anything is
 * written, so a results.json on disk always validates against the schema it claims: the code
 * that built it is at fault (DATA). A file the user gave that fails it is theirs to fix, so the
 * commands that read one say so in their own words.
 */
export class InvalidResultsError extends HarnessError {
  override readonly name: string = 'InvalidResultsError';
  /** One line per schema violation: `<instance path> <ajv message>`. */
  readonly violations: readonly string[];

  constructor(violations: readonly string[]) {
    super(
      `The results do not match results.schema.json (schemaVersion ${RESULTS_SCHEMA_VERSION}):\n  ${violations.join('\n  ')}\n` +
        'Fix the code that builds RunResults (reports/build-run-results.ts) or, if the model ' +
        'changed on purpose, the schema and its schemaVersion.',
      { code: 'DATA' },
    );
    this.violations = violations;
  }
}

export function isInvalidResultsError(error: unknown): error is InvalidResultsError {
  return error instanceof InvalidResultsError;
}
