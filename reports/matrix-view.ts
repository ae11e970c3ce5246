/**
 * What the text and Markdown matrices share: the service × clause lookup, the short outcome
 * words, which cells need a closer look, and the verdict sentence (docs/INTERPRETING.md: any
 * MUST cell that fails makes the run non-conformant).
 */
import { type CellResult, OUTCOMES, type Outcome, type RunResults } from './results-model.ts';

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

/** Outcomes listed one by one after the matrix: a failure, or a cell the run could not decide. */
const NEEDS_ATTENTION: ReadonlySet<Outcome> = new Set(['FAIL', 'ERROR', 'INCONCLUSIVE']);

export type CellLookup = (service: string, clause: string) => CellResult | undefined;

export function cellLookup(results: RunResults): CellLookup {
  const cells = new Map(results.results.map((cell) => [`${cell.service}\n${cell.clause}`, cell]));
  return (service, clause) => cells.get(`${service}\n${clause}`);
}

/** FAIL, ERROR and INCONCLUSIVE cells in results order (service, then clause). */
export function cellsNeedingAttention(results: RunResults): CellResult[] {
  return results.results.filter((cell) => NEEDS_ATTENTION.has(cell.outcome));
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The verdict rests on MUST failures only. MUST cells that ended ERROR or INCONCLUSIVE are named
 * too: a run in which nothing could be checked must not read as a clean bill of health.
 */
export function verdictSentence(results: RunResults): string {
  const { mustFailures } = results.summary;
  const unverified = results.results.filter(
    (cell) =>
      cell.strength === 'MUST' && (cell.outcome === 'ERROR' || cell.outcome === 'INCONCLUSIVE'),
  ).length;
  const verdict =
    mustFailures === 0
      ? 'conformant: no MUST clause fails'
      : `NOT conformant: ${plural(mustFailures, 'MUST cell fails', 'MUST cells fail')}`;
  return unverified === 0
    ? verdict
    : `${verdict} (${plural(unverified, 'MUST cell', 'MUST cells')} ERROR or INCONCLUSIVE, not verified)`;
}

/** `3 PASS, 1 FAIL, 0 N/A, 0 INCONC, 0 ERROR, 2 SKIP` in the model's outcome order. */
export function countsLine(results: RunResults): string {
  return OUTCOMES.map(
    (outcome) => `${results.summary.counts[outcome]} ${OUTCOME_WORDS[outcome]}`,
  ).join(', ');
}

/** The curl line of the exchange a verdict rests on last, if any. */
export function lastCurl(cell: CellResult): string | undefined {
  return cell.evidence?.at(-1)?.curl;
}

/** `mock (reference cancelMode honor, cancelDelayMs 0)` or `url https://…`. */
export function describeTarget(results: RunResults): string {
  const { target } = results;
  const parts: string[] = [target.kind];
  if (target.baseUrl !== undefined) parts.push(target.baseUrl);
  if (target.reference !== undefined) {
    const { cancelMode, cancelDelayMs, fault } = target.reference;
    const injected = fault === undefined ? '' : `, injected fault ${fault}`;
    parts.push(`(reference cancelMode ${cancelMode}, cancelDelayMs ${cancelDelayMs}${injected})`);
  }
  return parts.join(' ');
}
