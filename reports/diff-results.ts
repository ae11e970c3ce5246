/**
 * Behaviour drift: what changed, cell by cell, between two results.json files of any target.
 * A cell changes when its outcome, its clause's strength or the fingerprint of its answers
 * changes (answer-fingerprint.ts); clauses, services and cells that appear or disappear are
 * listed too. Messages, dates, durations, request ids and tokens never count. A change is
 * breaking when it makes a cell count against the run (verdict.ts) that did not before.
 *
 * A results file is input: each side's verdict is judged again from its cells under its own
 * policy (verdict.ts), never read from its summary, and a file with two cells for one service
 * and clause is refused, since no run writes one and the diff could not say which it meant.
 */
import { UnavailableError } from '#base';
import { answerFingerprint } from './answer-fingerprint.ts';
import { type ChangeLevel, levelRank, levelTally } from './change-level.ts';
import { describeTarget } from './matrix-view.ts';
import type { CellResult, RunResults, Strength, Verdict } from './results-model.ts';
import { cellCounts, judgeResults, type VerdictPolicy } from './verdict.ts';

export const RESULTS_CHANGE_KINDS = [
  'outcome-changed',
  'answer-changed',
  'strength-changed',
  'cell-added',
  'cell-removed',
  'clause-added',
  'clause-removed',
  'service-added',
  'service-removed',
  'expectation-unexpected-pass',
  'expectation-differs',
  'expectation-expired',
  'expectation-unused',
] as const;
export type ResultsChangeKind = (typeof RESULTS_CHANGE_KINDS)[number];

export interface ResultsChange {
  readonly kind: ResultsChangeKind;
  readonly level: ChangeLevel;
  readonly service?: string;
  readonly clause?: string;
  readonly strength?: Strength;
  /** The baseline's side: an outcome, a strength, or the answer that changed. */
  readonly before?: string;
  /** The current side. */
  readonly after?: string;
  /** One line on what changed, where the kind and the two sides do not say it all. */
  readonly detail?: string;
}

/** Which run a side of the diff is, in a line. */
export interface RunIdentity {
  readonly startedAt: string;
  readonly target: string;
  readonly cells: number;
  readonly verdict: Verdict;
}

export interface ResultsDiff {
  readonly baseline: RunIdentity;
  readonly current: RunIdentity;
  /** Breaking first, then in the current run's service and clause order. */
  readonly changes: readonly ResultsChange[];
  readonly summary: Readonly<Record<ChangeLevel, number>>;
}

const key = (cell: Pick<CellResult, 'service' | 'clause'>) => `${cell.service}\n${cell.clause}`;

export function diffResults(baseline: RunResults, current: RunResults): ResultsDiff {
  refuseDuplicateCells(baseline, 'baseline');
  refuseDuplicateCells(current, 'current');
  const policy = current.settings;
  const before = new Map(baseline.results.map((cell) => [key(cell), cell]));
  const after = new Map(current.results.map((cell) => [key(cell), cell]));
  const changes: ResultsChange[] = [
    ...appeared('service', baseline.services, current.services),
    ...appeared(
      'clause',
      baseline.clauses.map((c) => c.id),
      current.clauses.map((c) => c.id),
    ),
  ];
  // Cells of a clause or service that appeared or disappeared as a whole are said once, above.
  const wholesale = (cell: CellResult, other: RunResults) =>
    !other.services.includes(cell.service) || !other.clauses.some((c) => c.id === cell.clause);
  for (const cell of current.results) {
    const old = before.get(key(cell));
    if (old === undefined) {
      if (!wholesale(cell, baseline)) changes.push(cellChange('cell-added', 'info', cell));
      continue;
    }
    changes.push(...cellChanges(old, cell, policy));
  }
  for (const cell of baseline.results) {
    if (!after.has(key(cell)) && !wholesale(cell, current))
      changes.push(cellChange('cell-removed', 'info', cell));
  }
  return {
    baseline: identify(baseline),
    current: identify(current),
    changes: sortChanges(changes, current),
    summary: levelTally(changes),
  };
}

function cellChanges(old: CellResult, cell: CellResult, policy: VerdictPolicy): ResultsChange[] {
  const changes: ResultsChange[] = [];
  if (old.outcome !== cell.outcome) {
    const worse = cellCounts(cell, policy) && !cellCounts(old, policy);
    changes.push({
      ...cellChange('outcome-changed', worse ? 'breaking' : 'changed', cell),
      before: old.outcome,
      after: cell.outcome,
    });
  }
  if (old.strength !== cell.strength) {
    changes.push({
      ...cellChange('strength-changed', 'changed', cell),
      before: old.strength,
      after: cell.strength,
    });
  }
  const was = answerFingerprint(old);
  const now = answerFingerprint(cell);
  if (was !== undefined && now !== undefined && was.join('\n') !== now.join('\n')) {
    const at = firstDifference(was, now);
    changes.push({
      ...cellChange('answer-changed', 'changed', cell),
      before: was[at] ?? '(no such answer)',
      after: now[at] ?? '(no such answer)',
      detail: `answer ${at + 1} of ${Math.max(was.length, now.length)} differs (outcome ${cell.outcome})`,
    });
  }
  return changes;
}

function firstDifference(a: readonly string[], b: readonly string[]): number {
  let index = 0;
  while (index < Math.min(a.length, b.length) && a[index] === b[index]) index += 1;
  return index;
}

function cellChange(kind: ResultsChangeKind, level: ChangeLevel, cell: CellResult): ResultsChange {
  return { kind, level, service: cell.service, clause: cell.clause, strength: cell.strength };
}

function appeared(
  what: 'service' | 'clause',
  before: readonly string[],
  after: readonly string[],
): ResultsChange[] {
  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  return [
    ...added.map((id) => ({ kind: `${what}-added` as const, level: 'info' as const, [what]: id })),
    ...removed.map((id) => ({
      kind: `${what}-removed` as const,
      level: 'info' as const,
      [what]: id,
    })),
  ];
}

function identify(results: RunResults): RunIdentity {
  return {
    startedAt: results.startedAt,
    target: describeTarget(results),
    cells: results.results.length,
    verdict: judgeResults(results).verdict,
  };
}

/** Two cells for one service × clause: one line naming them (UNREADABLE, exit 3). */
function refuseDuplicateCells(results: RunResults, side: 'baseline' | 'current'): void {
  const seen = new Set<string>();
  for (const cell of results.results) {
    if (seen.has(key(cell))) {
      throw new UnavailableError(
        `the ${side} results hold two cells for ${cell.service} × ${cell.clause}: a results.json has one cell per service and clause, so it was not written by lro-conformance run or merge as it is`,
        { code: 'UNREADABLE' },
      );
    }
    seen.add(key(cell));
  }
}

/** Breaking first; whole services, then whole clauses, then cells in the current run's order. */
export function sortChanges(
  changes: readonly ResultsChange[],
  current: RunResults,
): ResultsChange[] {
  const servicePosition = (service?: string) =>
    service === undefined ? -1 : current.services.indexOf(service) + 1 || 1e6;
  const scope = (kind: ResultsChangeKind) =>
    kind.startsWith('service-') ? 0 : kind.startsWith('clause-') ? 1 : 2;
  return [...changes].sort(
    (a, b) =>
      levelRank(a.level) - levelRank(b.level) ||
      scope(a.kind) - scope(b.kind) ||
      servicePosition(a.service) - servicePosition(b.service) ||
      (a.clause ?? '').localeCompare(b.clause ?? '', 'en') ||
      RESULTS_CHANGE_KINDS.indexOf(a.kind) - RESULTS_CHANGE_KINDS.indexOf(b.kind),
  );
}

/** The diff with more changes (an expectations file's findings), sorted and counted again. */
export function withChanges(
  diff: ResultsDiff,
  extra: readonly ResultsChange[],
  current: RunResults,
): ResultsDiff {
  const changes = sortChanges([...diff.changes, ...extra], current);
  return { ...diff, changes, summary: levelTally(changes) };
}
