/**
 * The words of the progress reporter: the live counter (`12/85 cells · 2 FAIL · 10 PASS`) and
 * the line for a finished clause (`FAIL    cancel/x  FAIL: checks, dai · 3 PASS`). Pure
 * functions, so the reporter's output can be checked without a terminal.
 */
import { plural } from '#base';
import { OUTCOME_WORDS } from './matrix-view.ts';
import type { CellResult, Outcome } from './results-model.ts';
import { paintOutcome } from './terminal-color.ts';

/** Worst first: the outcome a clause line leads with. */
const RANKED: readonly Outcome[] = [
  'FAIL',
  'ERROR',
  'INCONCLUSIVE',
  'PASS',
  'NOT_APPLICABLE',
  'SKIPPED',
];

export function counterLine(
  finished: readonly CellResult[],
  expected: number,
  color: boolean,
): string {
  const counts = RANKED.map((outcome) => ({
    outcome,
    count: finished.filter((cell) => cell.outcome === outcome).length,
  })).filter(({ count }) => count > 0);
  return [
    `${finished.length}/${expected} cells`,
    ...counts.map(
      ({ outcome, count }) => `${count} ${paintOutcome(OUTCOME_WORDS[outcome], outcome, color)}`,
    ),
  ].join(' · ');
}

/** One line for a clause whose cells have all finished. */
export function clauseLine(clause: string, cells: readonly CellResult[], color: boolean): string {
  const present = RANKED.filter((outcome) => cells.some((cell) => cell.outcome === outcome));
  const lead = present[0] ?? 'SKIPPED';
  const word = OUTCOME_WORDS[lead];
  const head = `${paintOutcome(word, lead, color)}${' '.repeat(Math.max(1, 8 - word.length))}${clause}`;
  if (present.length <= 1) return `${head}  (${plural(cells.length, 'service')})`;
  const parts = present.map((outcome) => {
    const services = cells.filter((cell) => cell.outcome === outcome).map((cell) => cell.service);
    const label = paintOutcome(OUTCOME_WORDS[outcome], outcome, color);
    return outcome === 'PASS' ? `${services.length} ${label}` : `${label}: ${services.join(', ')}`;
  });
  return `${head}  ${parts.join(' · ')}`;
}
