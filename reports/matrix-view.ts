/**
 * What the text and Markdown matrices share: the service × clause lookup, the short outcome
 * words, which cells need a closer look, and the verdict sentence (docs/INTERPRETING.md: any
 * MUST cell that fails makes the run non-conformant).
 */
import { plural } from '#base';
import { type CellResult, OUTCOMES, type Outcome, type RunResults } from './results-model.ts';
import { judgeResults } from './verdict.ts';

export const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  NOT_APPLICABLE: 'N/A',
  INCONCLUSIVE: 'INCONC',
  ERROR: 'ERROR',
  SKIPPED: 'SKIP',
};

/** Shown where a clause does not apply to a service, so no test produced a cell. */
export const NO_CELL = '-';

/**
 * How every matrix marks a cell the expectations file covers (expectations.ts): `*` it ended as
 * recorded, so it is not scored; `!` it did not (an unexpected PASS or another outcome), or the
 * entry expired, so it counts as usual and the entry needs a look.
 */
export function expectationMark(cell: CellResult): '' | '*' | '!' {
  const { expectation } = cell;
  if (expectation === undefined) return '';
  return expectation.status === 'met' ? '*' : '!';
}

/** The legend under a matrix that has marked cells; undefined when none is marked. */
export function expectationLegend(cells: readonly CellResult[]): string | undefined {
  const marks = new Set(cells.map(expectationMark));
  const lines = [
    ...(marks.has('*') ? ['* the outcome the expectations file records: not scored'] : []),
    ...(marks.has('!')
      ? ['! the expectations file records another outcome, or its entry expired: scored as usual']
      : []),
  ];
  return lines.length === 0 ? undefined : lines.join('\n');
}

export type CellLookup = (service: string, clause: string) => CellResult | undefined;

export function cellLookup(results: RunResults): CellLookup {
  const cells = new Map(results.results.map((cell) => [`${cell.service}\n${cell.clause}`, cell]));
  return (service, clause) => cells.get(`${service}\n${clause}`);
}

/** `1 MUST cell`, `1 MUST and 2 SHOULD cells`: scored cells by strength. */
function cellsByStrength(cells: readonly CellResult[]): string {
  const strengths = [...new Set(cells.map((cell) => cell.strength))];
  const parts = strengths.map(
    (strength) => `${cells.filter((cell) => cell.strength === strength).length} ${strength}`,
  );
  return `${parts.join(' and ')} ${cells.length === 1 ? 'cell' : 'cells'}`;
}

/**
 * The run's verdict in words (docs/INTERPRETING.md): conformant only when every applicable MUST
 * cell passed, and one did; an INCONCLUSIVE or ERROR cell the policy scores, or a run that
 * passed no scored cell, leaves the run unverified, never "conformant".
 */
export function verdictSentence(results: RunResults): string {
  const { failing, errors, unverified, passed } = judgeResults(results);
  const probesOnly = results.settings.probesOnly === true;
  const undecided = [...errors, ...unverified];
  const alsoUndecided =
    undecided.length > 0
      ? ` (${cellsByStrength(undecided)} ERROR or INCONCLUSIVE, not verified)`
      : '';
  const problems = results.problems?.length ?? 0;
  switch (results.summary.verdict) {
    case 'conformant':
      return probesOnly
        ? 'conformant on the probes: every MUST and SHOULD probe passed (--probes-only)'
        : 'conformant: every applicable MUST cell passed';
    case 'not-conformant':
      return `NOT conformant: ${cellsByStrength(failing)} ${failing.length === 1 ? 'fails' : 'fail'}${alsoUndecided}`;
    case 'harness-error':
      if (errors.length > 0) {
        return `not verified: ${cellsByStrength(errors)} could not be checked (ERROR)`;
      }
      return results.problems?.every((problem) => problem.includes(' could not run: '))
        ? `not verified: ${plural(problems, 'suite file')} could not run`
        : `not verified: ${plural(problems, 'problem')} kept the run from checking every cell (see the report)`;
    case 'not-verified':
      if (unverified.length > 0) {
        return `not verified: ${cellsByStrength(unverified)} INCONCLUSIVE, none fails`;
      }
      return passed.length === 0 && probesOnly
        ? 'not verified: no MUST or SHOULD probe passed'
        : `not verified: no MUST cell passed (${skippedMust(results)}); --probes-only judges a run on its probes`;
    case 'interrupted':
      return 'interrupted: the run was stopped before every cell finished';
  }
}

/** What became of the MUST cells of a run that passed none: `12 SKIPPED, 3 N/A`, or `none ran`. */
function skippedMust(results: RunResults): string {
  const must = results.results.filter((cell) => cell.strength === 'MUST');
  if (must.length === 0) return 'the selection has no MUST clause';
  const counts = OUTCOMES.map(
    (outcome) => [outcome, must.filter((cell) => cell.outcome === outcome).length] as const,
  );
  return counts
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${OUTCOME_WORDS[outcome]}`)
    .join(', ');
}

/** `3 PASS, 1 FAIL, 0 N/A, 0 INCONC, 0 ERROR, 2 SKIP` in the model's outcome order. */
export function countsLine(results: RunResults): string {
  return OUTCOMES.map(
    (outcome) => `${results.summary.counts[outcome]} ${OUTCOME_WORDS[outcome]}`,
  ).join(', ');
}

/** The curl line of the exchange an outcome rests on last, if any. */
export function lastCurl(cell: CellResult): string | undefined {
  return cell.evidence?.at(-1)?.curl;
}

/** `embedded (reference cancelMode honor, cancelDelayMs 0)` or `url https://…`. */
export function describeTarget(results: RunResults): string {
  const { target } = results;
  const parts: string[] = [target.kind];
  if (target.baseUrl !== undefined) parts.push(target.baseUrl);
  if (target.source !== undefined) parts.push(target.source);
  if (target.reference !== undefined) {
    const { cancelMode, cancelDelayMs, fault, variant } = target.reference;
    const injected = fault === undefined ? '' : `, injected fault ${fault}`;
    const varied = variant === undefined ? '' : `, conformant variant ${variant}`;
    parts.push(
      `(reference cancelMode ${cancelMode}, cancelDelayMs ${cancelDelayMs}${injected}${varied})`,
    );
  }
  return parts.join(' ');
}
