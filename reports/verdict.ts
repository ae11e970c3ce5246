/**
 * The exit policy as data: which cells keep a run from passing, and the run's verdict. Exit 0
 * means every applicable MUST cell passed (docs/INTERPRETING.md); `--fail-on` adds SHOULD
 * failures, SHOULD INCONCLUSIVE cells and ERROR cells of any strength. A cell whose outcome an
 * expectations file records (status `met`) does not count. The CLI's exit code, the verdict
 * sentence and what JUnit calls a failure all come from here, so they cannot disagree.
 */
import {
  EXIT_CONFORMANT,
  EXIT_HARNESS,
  EXIT_INTERRUPTED,
  EXIT_NOT_CONFORMANT,
  EXIT_NOT_VERIFIED,
} from '#base';
import type { CellResult, FailOn, RunResults, Verdict } from './results-model.ts';

/** The exit code of each verdict: what the CLI, the Action and `exitCodeOf` report. */
export const EXIT_CODE_OF_VERDICT: Readonly<Record<Verdict, number>> = {
  conformant: EXIT_CONFORMANT,
  'not-conformant': EXIT_NOT_CONFORMANT,
  'harness-error': EXIT_HARNESS,
  'not-verified': EXIT_NOT_VERIFIED,
  interrupted: EXIT_INTERRUPTED,
};

export interface Judgement {
  readonly verdict: Verdict;
  /** FAIL cells the policy scores. */
  readonly failing: readonly CellResult[];
  /** ERROR cells the policy scores. */
  readonly errors: readonly CellResult[];
  /** INCONCLUSIVE cells the policy scores. */
  readonly unverified: readonly CellResult[];
}

export interface JudgeInput {
  readonly results: readonly CellResult[];
  readonly failOn: readonly FailOn[];
  readonly problems?: readonly string[] | undefined;
  readonly interrupted?: boolean | undefined;
}

/** Whether the policy counts this cell's outcome against the run. */
export function cellCounts(cell: CellResult, failOn: readonly FailOn[]): boolean {
  if (cell.expectation?.status === 'met') return false;
  const should = cell.strength === 'SHOULD';
  switch (cell.outcome) {
    case 'FAIL':
      return cell.strength === 'MUST' || (should && failOn.includes('should'));
    case 'ERROR':
      return (
        cell.strength === 'MUST' ||
        failOn.includes('error') ||
        (should && failOn.includes('should'))
      );
    case 'INCONCLUSIVE':
      return (
        cell.strength === 'MUST' ||
        (should && (failOn.includes('inconclusive') || failOn.includes('should')))
      );
    default:
      return false;
  }
}

export function judge(input: JudgeInput): Judgement {
  const counted = input.results.filter((cell) => cellCounts(cell, input.failOn));
  const failing = counted.filter((cell) => cell.outcome === 'FAIL');
  const errors = counted.filter((cell) => cell.outcome === 'ERROR');
  const unverified = counted.filter((cell) => cell.outcome === 'INCONCLUSIVE');
  return { verdict: verdictOf(input, failing, errors, unverified), failing, errors, unverified };
}

function verdictOf(
  input: JudgeInput,
  failing: readonly CellResult[],
  errors: readonly CellResult[],
  unverified: readonly CellResult[],
): Verdict {
  if (input.interrupted) return 'interrupted';
  if (failing.length > 0) return 'not-conformant';
  if (errors.length > 0 || (input.problems?.length ?? 0) > 0) return 'harness-error';
  if (unverified.length > 0) return 'not-verified';
  return 'conformant';
}

/** The judgement of a finished results document, under the policy it was run with. */
export function judgeResults(results: RunResults): Judgement {
  return judge({
    results: results.results,
    failOn: results.settings.failOn,
    problems: results.problems,
    interrupted: results.interrupted,
  });
}
