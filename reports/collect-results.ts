/**
 * From reported vitest test cases to result cells. A cell's outcome is decided where its test
 * runs: harness/clause/conformance-test.ts judges it and records the judgement in task meta
 * (task-meta.ts), and this module carries it over unchanged. Two things are settled here,
 * because only the reporter sees every case:
 *
 * - a case whose test never recorded a judgement (it ended before the harness judged it: an
 *   interrupted run, a failure in vitest itself) falls back on vitest's state, after
 *   web-platform-tests' outcome model: passed is PASS, failed is ERROR (only the harness states
 *   a conformance FAIL, so anything else that ends a test in failure is a fault of the harness,
 *   a suite or the run: test262 keeps harness faults from passing as results), and skipped or
 *   unfinished is SKIPPED;
 * - several cases of one service × clause merge into one cell, the most telling outcome winning.
 *
 * The run-wide rules (run-rules.ts) then apply to the cells when the results are built.
 */
import { isDeepStrictEqual } from 'node:util';
import { HarnessError } from '#base';
import type { CellResult, ClauseInfo, Outcome } from './results-model.ts';
import type { ConformanceTaskMeta } from './task-meta.ts';

export type ReportedState = 'passed' | 'failed' | 'skipped' | 'pending';

/** A serialisable view of one vitest test case: what `testCase.meta()` and `result()` hold. */
export interface ReportedCase {
  readonly meta: ConformanceTaskMeta | undefined;
  readonly state: ReportedState;
  readonly errors: readonly { readonly name?: string; readonly message: string }[];
  readonly durationMs?: number;
  readonly skipNote?: string;
}

type LroCase = ReportedCase & { readonly meta: ConformanceTaskMeta };

/**
 * When several test cases report the same service × clause, the cell keeps the most telling
 * outcome: one proven failure fails the cell; a harness fault or an inconclusive case leaves it
 * unverified; any pass beats not-applicable and skipped.
 */
const MERGE_RANK: Readonly<Record<Outcome, number>> = {
  FAIL: 5,
  ERROR: 4,
  INCONCLUSIVE: 3,
  PASS: 2,
  NOT_APPLICABLE: 1,
  SKIPPED: 0,
};

/** The harness's judgement of the case, else the fallback on vitest's state. */
export function outcomeOf(reported: ReportedCase): Outcome {
  if (reported.meta?.outcome !== undefined) return reported.meta.outcome;
  switch (reported.state) {
    case 'passed':
      return 'PASS';
    case 'failed':
      return 'ERROR';
    case 'skipped':
    case 'pending':
      return 'SKIPPED';
  }
}

function messageOf(reported: ReportedCase): string | undefined {
  return reported.meta?.message ?? reported.errors[0]?.message ?? reported.skipNote;
}

function toCell(reported: LroCase): CellResult {
  const { meta } = reported;
  const message = messageOf(reported);
  return {
    service: meta.service,
    clause: meta.clause.id,
    outcome: outcomeOf(reported),
    strength: meta.clause.strength,
    ...(message === undefined ? {} : { message }),
    ...(meta.warnings?.length ? { warnings: [...meta.warnings] } : {}),
    ...(meta.evidence?.length ? { evidence: [...meta.evidence] } : {}),
    ...(reported.durationMs === undefined ? {} : { durationMs: reported.durationMs }),
    ...(meta.rootCause === undefined ? {} : { rootCause: meta.rootCause }),
    ...(meta.cancelSupport === undefined ? {} : { cancelSupport: meta.cancelSupport }),
  };
}

function merge(kept: CellResult, next: CellResult): CellResult {
  const winner = MERGE_RANK[next.outcome] > MERGE_RANK[kept.outcome] ? next : kept;
  const warnings = [...new Set([...(kept.warnings ?? []), ...(next.warnings ?? [])])];
  const durations = [kept.durationMs, next.durationMs].filter((d) => d !== undefined);
  const { warnings: _warnings, durationMs: _durationMs, ...judged } = winner;
  return {
    ...judged,
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(durations.length > 0 ? { durationMs: durations.reduce((a, b) => a + b, 0) } : {}),
  };
}

function hasLroMeta(reported: ReportedCase): reported is LroCase {
  return reported.meta !== undefined;
}

/**
 * What a case whose test never finished becomes when the run says why: ERROR with that message
 * (the run stopped a wedged worker), instead of the SKIPPED of an interrupted run.
 */
export interface UnfinishedCases {
  readonly outcome: 'ERROR';
  readonly message: string;
}

function unfinished(reported: LroCase): boolean {
  return (
    reported.meta.outcome === undefined &&
    (reported.state === 'pending' || reported.state === 'skipped')
  );
}

/** One cell per service × clause, in first-seen order; cases without `meta.lro` are ignored. */
export function collectCells(
  cases: readonly ReportedCase[],
  stopped?: UnfinishedCases,
): CellResult[] {
  const cells = new Map<string, CellResult>();
  for (const reported of cases.filter(hasLroMeta)) {
    const cell = toCell(
      stopped !== undefined && unfinished(reported)
        ? { ...reported, meta: { ...reported.meta, ...stopped } }
        : reported,
    );
    const key = JSON.stringify([cell.service, cell.clause]);
    const kept = cells.get(key);
    cells.set(key, kept === undefined ? cell : merge(kept, cell));
  }
  return [...cells.values()];
}

/**
 * Requests sent per service, from the counts the tests saw when they ended: each test reads the
 * run's count after its last request, so the largest is the service's total. Undefined when no
 * test counted (runs without a request budget).
 */
export function collectRequests(
  cases: readonly ReportedCase[],
): Readonly<Record<string, number>> | undefined {
  const counts = new Map<string, number>();
  for (const { meta } of cases.filter(hasLroMeta)) {
    if (meta.requestsSent === undefined) continue;
    counts.set(meta.service, Math.max(counts.get(meta.service) ?? 0, meta.requestsSent));
  }
  return counts.size === 0 ? undefined : Object.fromEntries(counts);
}

/** Compares by UTF-16 code units, so the order does not depend on the machine's locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Unique clauses sorted by id; two different clauses under one id are a suite authoring error. */
export function uniqueClauses(clauses: readonly ClauseInfo[]): ClauseInfo[] {
  const byId = new Map<string, ClauseInfo>();
  for (const clause of clauses) {
    const seen = byId.get(clause.id);
    if (seen === undefined) byId.set(clause.id, clause);
    else if (!isDeepStrictEqual(seen, clause)) throw clauseConflict(clause.id);
  }
  return [...byId.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
}

/** The clauses the reported cases carry, unique and sorted by id. */
export function collectClauses(cases: readonly ReportedCase[]): ClauseInfo[] {
  return uniqueClauses(cases.filter(hasLroMeta).map((reported) => reported.meta.clause));
}

/**
 * Two different ClauseInfo values claim the same id. The id is the suite file path (test262's
 * "the path is the result id"), so clause metadata was copied into another suite file without
 * its id being changed: a fault of the suites' data (DATA).
 */
export function clauseConflict(clauseId: string): HarnessError {
  return new HarnessError(
    `Two suites declare different metadata under the clause id "${clauseId}". ` +
      'A clause id is its suite file path under suites/ without ".test.ts": give the copied ' +
      'clause the id of the file that declares it.',
    { code: 'DATA' },
  );
}
