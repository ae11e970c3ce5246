/**
 * `lro-conformance diff BASELINE.json CURRENT.json`: behaviour drift between two runs, cell by
 * cell (reports/diff-results.ts), optionally through an expectations file (docs/DRIFT.md).
 * Exit codes as for `drift`: a results file that cannot be read is 3, never drift.
 */
import { readFileSync } from 'node:fs';
import {
  applyExpectations,
  assertValidRunResults,
  CHANGE_FAIL_ON,
  DIFF_FORMATS,
  diffResults,
  type Expectation,
  expectationFindings,
  isInvalidExpectationsError,
  isInvalidResultsError,
  levelCounts,
  loadExpectations,
  RESULTS_SCHEMA_VERSION,
  type ResultsDiff,
  type RunResults,
  renderResultsDiff,
  withChanges,
} from '#reports';
import { parseChoice, parseCommandLine } from './args.ts';
import { CliError, EXIT_HARNESS, usageError } from './cli-errors.ts';

export const usage = `Usage: lro-conformance diff BASELINE.json CURRENT.json [options]

Compares two results.json files cell by cell: outcomes, clause strengths and a fingerprint of
each cell's answers (HTTP status, error.status, ErrorInfo reason and domain, content type, body
keys), and the clauses, services and cells that appeared or disappeared. Messages, dates,
request ids and tokens never count (docs/DRIFT.md).

Options:
  --expectations FILE          known deviations (reports/expectations.schema.json), applied to
                               both runs; unexpected passes, other outcomes, expired and unused
                               expectations are reported
  --format text|json|markdown  output format (default text)
  --fail-on breaking|any       which changes make the exit code 1 (default any)
  -h, --help                   this text

Exit codes: 0 no change at or above --fail-on, 1 changes, 2 usage error or an invalid
expectations file, 3 a results file cannot be read or is not a valid results.json.`;

export async function main(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    expectations: { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
  });
  if (positionals.length !== 2) {
    throw usageError(
      `diff takes two results files, BASELINE.json and CURRENT.json; got ${positionals.length} (see --help)`,
    );
  }
  const format =
    values.format === undefined ? 'text' : parseChoice('format', values.format, DIFF_FORMATS);
  const failOn =
    values['fail-on'] === undefined
      ? 'any'
      : parseChoice('fail-on', values['fail-on'], CHANGE_FAIL_ON);
  const expectations =
    values.expectations === undefined ? undefined : readExpectations(values.expectations);
  const [baselineFile, currentFile] = positionals as [string, string];
  const diff = compare(
    readResults(baselineFile, 'baseline'),
    readResults(currentFile, 'current'),
    expectations,
  );
  process.stdout.write(renderResultsDiff(diff, format));
  return diff.changes.some((change) => levelCounts(change.level, failOn)) ? 1 : 0;
}

function compare(
  baseline: RunResults,
  current: RunResults,
  expectations: readonly Expectation[] | undefined,
): ResultsDiff {
  if (expectations === undefined) return diffResults(baseline, current);
  const today = new Date();
  const expected = applyExpectations(current, expectations, today);
  const diff = diffResults(applyExpectations(baseline, expectations, today), expected);
  return withChanges(diff, expectationFindings(expected, expectations), expected);
}

export function readExpectations(path: string): readonly Expectation[] {
  try {
    return loadExpectations(path);
  } catch (error) {
    if (isInvalidExpectationsError(error)) throw usageError(error.message);
    throw error;
  }
}

/** A results.json, validated against its schema; anything else is exit 3 with one line. */
export function readResults(path: string, side: 'baseline' | 'current'): RunResults {
  const fail = (problem: string, cause?: unknown): never => {
    throw new CliError(`${side} ${path} ${problem}`, EXIT_HARNESS, { cause });
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
    value = JSON.parse(text);
  } catch (cause) {
    fail(`is not JSON (${(cause as Error).message})`, cause);
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== RESULTS_SCHEMA_VERSION) {
    fail(
      `has results schemaVersion ${JSON.stringify(version)}; this lro-conformance reads ${RESULTS_SCHEMA_VERSION}: run again to write a new one`,
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
