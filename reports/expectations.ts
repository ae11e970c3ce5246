/**
 * Expectations: known deviations of a target per service × clause, with a reason, a link and
 * an expiry date (web-platform-tests' expectation metadata; Schemathesis' baseline with expiry).
 * The file's format and what it has to say about a run live here; applying it is a run-wide rule
 * (run-rules.ts) that marks each matching cell with an `expectation` whose status verdict.ts
 * reads: a cell that ended as expected (`met`) does not count against the run; an unexpected
 * PASS, a different outcome and an expired expectation are reported, and the last two count as
 * usual.
 */
import { readFileSync } from 'node:fs';
import { invalidFileError, type UsageError } from '#base';
import type { ResultsChange } from './diff-results.ts';
import { validateExpectations } from './generated/validators.js';
import { schemaViolations } from './json-schema.ts';
import type { CellExpectation, CellResult, Outcome, RunResults } from './results-model.ts';

export const EXPECTATIONS_SCHEMA_URL = new URL('./expectations.schema.json', import.meta.url);
export const EXPECTATIONS_VERSION = 1;

export interface Expectation {
  readonly service: string;
  readonly clause: string;
  readonly outcome: Extract<Outcome, 'FAIL' | 'ERROR' | 'INCONCLUSIVE'>;
  readonly reason: string;
  readonly link?: string;
  /** Last day (YYYY-MM-DD) the expectation applies. */
  readonly expires?: string;
}

/** The expectations in a file's text; `source` names the file in errors. */
export function parseExpectations(text: string, source: string): readonly Expectation[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw invalidExpectations(`${source} is not JSON (${(cause as Error).message})`);
  }
  const violations = schemaViolations(validateExpectations, value);
  if (violations.length > 0) {
    throw invalidExpectations(
      `${source} does not match reports/expectations.schema.json: ${violations.join('; ')}`,
    );
  }
  const expectations = (value as { expectations: Expectation[] }).expectations;
  const seen = new Set<string>();
  for (const { service, clause } of expectations) {
    const key = `${service} × ${clause}`;
    if (seen.has(key)) throw invalidExpectations(`${source} lists ${key} twice`);
    seen.add(key);
  }
  return expectations;
}

export function loadExpectations(path: string): readonly Expectation[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw invalidExpectations(`cannot read the expectations file ${path} (${reason})`);
  }
  return parseExpectations(text, path);
}

/** `2026-12-02` for a Date (UTC), the string itself otherwise. */
function dayOf(today: Date | string): string {
  return typeof today === 'string' ? today : today.toISOString().slice(0, 10);
}

export function expectationStatus(
  cell: CellResult,
  expectation: Expectation,
  today: Date | string,
): CellExpectation['status'] {
  if (expectation.expires !== undefined && dayOf(today) > expectation.expires) return 'expired';
  if (cell.outcome === expectation.outcome) return 'met';
  return cell.outcome === 'PASS' ? 'unexpected-pass' : 'differs';
}

const FINDING_KINDS = {
  'unexpected-pass': 'expectation-unexpected-pass',
  differs: 'expectation-differs',
  expired: 'expectation-expired',
} as const;

/**
 * What an expectations file has to say about results it was applied to: every cell whose
 * expectation is not met, and every expectation for a service of the run that matched no cell
 * (a clause that does not apply to it, one the run did not select, or a mistyped id).
 */
export function expectationFindings(
  results: RunResults,
  expectations: readonly Expectation[],
): ResultsChange[] {
  const findings: ResultsChange[] = [];
  for (const cell of results.results) {
    const expectation = cell.expectation;
    if (expectation === undefined || expectation.status === 'met') continue;
    findings.push({
      kind: FINDING_KINDS[expectation.status],
      level: 'changed',
      service: cell.service,
      clause: cell.clause,
      strength: cell.strength,
      before: expectation.outcome,
      after: cell.outcome,
      detail:
        expectation.status === 'expired'
          ? `expired on ${expectation.expires}: ${expectation.reason}`
          : expectation.reason,
    });
  }
  const cells = new Set(results.results.map((cell) => `${cell.service}\n${cell.clause}`));
  for (const e of expectations) {
    if (!results.services.includes(e.service) || cells.has(`${e.service}\n${e.clause}`)) continue;
    findings.push({
      kind: 'expectation-unused',
      level: 'info',
      service: e.service,
      clause: e.clause,
      before: e.outcome,
      detail:
        'the run has no such cell: the clause does not apply, was not selected, or is mistyped',
    });
  }
  return findings;
}

/**
 * An expectations file that cannot be read, is not JSON, does not match
 * reports/expectations.schema.json, or lists a service × clause twice: one line naming the file
 * and every problem (INVALID_FILE, exit 2).
 */
function invalidExpectations(message: string): UsageError {
  return invalidFileError(message);
}
