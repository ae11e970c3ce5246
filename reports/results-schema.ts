/**
 * Validation of RunResults against reports/results.schema.json (JSON Schema 2020-12,
 * https://json-schema.org/draft/2020-12), the contract for whoever reads results.json.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { InvalidResultsError } from './invalid-results-error.ts';
import type { RunResults } from './results-model.ts';

export const RESULTS_SCHEMA_URL = new URL('./results.schema.json', import.meta.url);

// ajv-formats is CommonJS; under NodeNext its default import is module.exports.
const addFormats =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule.default }).default ??
  (addFormatsModule as unknown as typeof addFormatsModule.default);

let validator: ValidateFunction | undefined;

/** The parsed schema document, as shipped next to this module. */
export function readResultsSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(RESULTS_SCHEMA_URL, 'utf8')) as Record<string, unknown>;
}

function compiled(): ValidateFunction {
  if (validator === undefined) {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    validator = ajv.compile(readResultsSchema());
  }
  return validator;
}

/** Schema violations as `<instance path> <message>` lines; empty when the value is valid. */
export function resultsViolations(value: unknown): string[] {
  const validate = compiled();
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
}

export function assertValidRunResults(value: unknown): asserts value is RunResults {
  const violations = resultsViolations(value);
  if (violations.length > 0) throw new InvalidResultsError(violations);
}
