/**
 * The exit policy as data: which cells keep a run from passing, and the run's verdict. Exit 0
 * means every applicable MUST cell passed, and at least one did (docs/INTERPRETING.md): a run
 * that passed no MUST cell verified nothing (with `--control none` or `--live` only SHOULD and
 * observed probes can run) and is `not-verified`, never `conformant`. `--probes-only` asks for a
 * verdict on the probes instead: their SHOULD cells count like MUST cells, and one of them must
 * pass. `--fail-on` adds SHOULD failures, SHOULD INCONCLUSIVE cells and ERROR cells of any
 * strength. A cell whose outcome an expectations file records (status `met`) does not count.
 * The CLI's exit code, the verdict sentence and what JUnit calls a failure all come from here,
 * so they cannot disagree.
 */
import {
  EXIT_CONFORMANT,
  EXIT_HARNESS,
  EXIT_INTERRUPTED,
  EXIT_NOT_CONFORMANT,
  EXIT_NOT_VERIFIED,
} from '#base';
import type { CellResult, RunResults, RunSettings, Verdict } from './results-model.ts';

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
  /** PASS cells of the strengths the policy scores: a run with none verified nothing. */
  readonly passed: readonly CellResult[];
}

/** What the policy reads of a run's settings: `--fail-on` and `--probes-only`. */
export type VerdictPolicy = Pick<RunSettings, 'failOn' | 'probesOnly'>;

export interface JudgeInput extends VerdictPolicy {
  readonly results: readonly CellResult[];
  readonly problems?: readonly string[] | undefined;
  readonly interrupted?: boolean | undefined;
}

/** Whether the policy scores this cell's strength as it scores MUST cells. */
function scoredLikeMust(cell: CellResult, policy: VerdictPolicy): boolean {
  return cell.strength === 'MUST' || (cell.strength === 'SHOULD' && policy.probesOnly === true);
}

/** Whether the policy counts this cell's outcome against the run. */
export function cellCounts(cell: CellResult, policy: VerdictPolicy): boolean {
  if (cell.expectation?.status === 'met') return false;
  const { failOn } = policy;
  const must = scoredLikeMust(cell, policy);
  const should = cell.strength === 'SHOULD';
  switch (cell.outcome) {
    case 'FAIL':
      return must || (should && failOn.includes('should'));
    case 'ERROR':
      return must || failOn.includes('error') || (should && failOn.includes('should'));
    case 'INCONCLUSIVE':
      return must || (should && (failOn.includes('inconclusive') || failOn.includes('should')));
    default:
      return false;
  }
}

export function judge(input: JudgeInput): Judgement {
  const counted = input.results.filter((cell) => cellCounts(cell, input));
  const failing = counted.filter((cell) => cell.outcome === 'FAIL');
  const errors = counted.filter((cell) => cell.outcome === 'ERROR');
  const unverified = counted.filter((cell) => cell.outcome === 'INCONCLUSIVE');
  const passed = input.results.filter(
    (cell) => cell.outcome === 'PASS' && scoredLikeMust(cell, input),
  );
  const judged = { failing, errors, unverified, passed };
  return { verdict: verdictOf(input, judged), ...judged };
}

function verdictOf(input: JudgeInput, judged: Omit<Judgement, 'verdict'>): Verdict {
  if (input.interrupted) return 'interrupted';
  if (judged.failing.length > 0) return 'not-conformant';
  if (judged.errors.length > 0 || (input.problems?.length ?? 0) > 0) return 'harness-error';
  if (judged.unverified.length > 0 || judged.passed.length === 0) return 'not-verified';
  return 'conformant';
}

/** The judgement of a finished results document, under the policy it was run with. */
export function judgeResults(results: RunResults): Judgement {
  return judge({
    results: results.results,
    ...results.settings,
    problems: results.problems,
    interrupted: results.interrupted,
  });
}
