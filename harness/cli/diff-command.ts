/**
 * `lro-conformance diff BASELINE.json CURRENT.json`: behaviour drift between two runs, cell by
 * cell (reports/diff-results.ts), optionally through an expectations file (docs/DRIFT.md),
 * printed grouped by clause across services unless `--all` (reports/results-diff-groups.ts).
 * A results or expectations file that cannot be read or is invalid is one line and exit 2
 * (INVALID_FILE, as for every file a command is given), never drift.
 */
import { usageError } from '#base';
import {
  applyExpectations,
  CHANGE_FAIL_ON,
  DIFF_FORMATS,
  diffResults,
  type Expectation,
  expectationFindings,
  levelCounts,
  loadExpectations,
  type ResultsDiff,
  type RunResults,
  readResults,
  renderGroupedResultsDiff,
  withChanges,
} from '#reports';
import { parseChoice, parseCommandLine } from '../options/index.ts';

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
  --all                        one entry per change; by default (text, markdown) changes that
                               differ only in their service are one entry naming the services
  -h, --help                   this text

Exit codes: 0 no change at or above --fail-on, 1 changes, 2 usage error, or a results or
expectations file that cannot be read or is invalid.`;

export async function main(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    expectations: { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    all: { type: 'boolean' },
  });
  if (positionals.length !== 2) {
    throw usageError(
      `diff takes two results files, BASELINE.json and CURRENT.json; got ${positionals.length} (see --help)`,
    );
  }
  const format =
    values.format === undefined ? 'text' : parseChoice('--format', values.format, DIFF_FORMATS);
  const failOn =
    values['fail-on'] === undefined
      ? 'any'
      : parseChoice('--fail-on', values['fail-on'], CHANGE_FAIL_ON);
  const expectations =
    values.expectations === undefined ? undefined : loadExpectations(values.expectations);
  const [baselineFile, currentFile] = positionals as [string, string];
  const diff = compare(
    readResults(baselineFile, 'baseline'),
    readResults(currentFile, 'current'),
    expectations,
  );
  process.stdout.write(renderGroupedResultsDiff(diff, format, { all: values.all === true }));
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
