/**
 * Validation of RunResults against reports/results.schema.json (JSON Schema 2020-12,
 * https://json-schema.org/draft/2020-12), the contract for whoever reads results.json.
 */
import { validateResults } from './generated/validators.js';
import { InvalidResultsError } from './invalid-results-error.ts';
import { readJsonSchema, schemaViolations } from './json-schema.ts';
import type { RunResults } from './results-model.ts';

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
