/**
 * Reading a results.json a command is given (`diff`, `run --baseline`): validated against its
 * schema; a file that cannot be read or is not a valid results.json is one line and exit 2
 * (INVALID_FILE, as for every file the user names), never drift.
 */
import { readFileSync } from 'node:fs';
import { invalidFileError } from '#base';
import { RESULTS_SCHEMA_VERSION, type RunResults } from './results-model.ts';
import { assertValidRunResults, isInvalidResultsError } from './results-schema.ts';
import { OLDEST_RESULTS_SCHEMA_VERSION, upgradeResults } from './results-upgrade.ts';

/** A results.json, validated against its schema; anything else is INVALID_FILE (exit 2). */
export function readResults(path: string, side: string): RunResults {
  const fail = (problem: string, cause?: unknown): never => {
    throw invalidFileError(`${side} ${path} ${problem}`, { cause });
  };
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    fail(
      `cannot be read (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`,
      cause,
    );
  }
  let value: unknown;
  try {
    value = upgradeResults(JSON.parse(text));
  } catch (cause) {
    fail(`is not JSON (${(cause as Error).message})`, cause);
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== RESULTS_SCHEMA_VERSION) {
    fail(
      `has results schemaVersion ${JSON.stringify(version)}; this lro-conformance reads ${OLDEST_RESULTS_SCHEMA_VERSION} to ${RESULTS_SCHEMA_VERSION}: run again to write a new one`,
    );
  }
  try {
    assertValidRunResults(value);
  } catch (error) {
    if (!isInvalidResultsError(error)) throw error;
    const shown = error.violations.slice(0, 3).join('; ');
    const more = error.violations.length > 3 ? ` and ${error.violations.length - 3} more` : '';
    fail(`is not a valid results.json: ${shown}${more}`, error);
  }
  return value as RunResults;
}
