/**
 * Assembles the RunResults document (reports/results.schema.json, schemaVersion RESULTS_SCHEMA_VERSION) from result
 * cells: the one step where the run-wide rules (run-rules.ts) are applied, for a run and for
 * `merge` alike, before the cells are ordered and the verdict is judged (verdict.ts). The order
 * is fixed (service order as given, then clause id) so that two runs with the same outcomes
 * produce the same results.json apart from time fields.
 */
import { compareCodeUnits, uniqueClauses } from './collect-results.ts';
import type { Expectation } from './expectations.ts';
import {
  type CellResult,
  type ClauseInfo,
  OUTCOMES,
  type Outcome,
  RESULTS_SCHEMA_VERSION,
  type RunResults,
  type RunSettings,
  type RunSummary,
  type TargetInfo,
} from './results-model.ts';
import { applyRunRules, expectationsRule, type RunRulesInput, runRules } from './run-rules.ts';
import { judge } from './verdict.ts';

export interface BuildRunResultsInput extends RunRulesInput {
  readonly cells: readonly CellResult[];
  readonly clauses: readonly ClauseInfo[];
  /** Service ids in the order the run selected them (columns of the matrix). */
  readonly services: readonly string[];
  readonly target: TargetInfo;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly toolVersion: string;
  /** The caller's id for the run (`--run-id`). */
  readonly runId?: string;
  readonly settings: RunSettings;
  readonly shard?: RunResults['shard'];
  readonly interrupted?: boolean;
  readonly problems?: readonly string[];
  readonly requests?: RunResults['requests'];
  readonly rerun?: RunResults['rerun'];
}

export function summarise(
  cells: readonly CellResult[],
  context: Pick<BuildRunResultsInput, 'settings' | 'problems' | 'interrupted'>,
): RunSummary {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    Outcome,
    number
  >;
  let mustFailures = 0;
  for (const cell of cells) {
    counts[cell.outcome] += 1;
    if (cell.strength === 'MUST' && cell.outcome === 'FAIL') mustFailures += 1;
  }
  const { verdict } = judge({
    results: cells,
    ...context.settings,
    problems: context.problems,
    interrupted: context.interrupted,
  });
  return { counts, mustFailures, verdict };
}

/** The selected services, then (sorted) any service a cell names that was not selected. */
function orderServices(selected: readonly string[], cells: readonly CellResult[]): string[] {
  const services = [...new Set(selected)];
  const extra = new Set(cells.map((cell) => cell.service).filter((s) => !services.includes(s)));
  return [...services, ...[...extra].sort(compareCodeUnits)];
}

export function buildRunResults(input: BuildRunResultsInput): RunResults {
  const { cells } = applyRunRules(input.cells, runRules(input));
  const services = orderServices(input.services, cells);
  const position = new Map(services.map((service, index) => [service, index]));
  const results = cells.sort(
    (a, b) =>
      (position.get(a.service) ?? 0) - (position.get(b.service) ?? 0) ||
      compareCodeUnits(a.clause, b.clause),
  );
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'lro-conformance', version: input.toolVersion },
    ...(input.runId === undefined ? {} : { runId: input.runId }),
    startedAt: input.startedAt.toISOString(),
    durationMs: input.durationMs,
    target: input.target,
    settings: input.settings,
    services,
    clauses: uniqueClauses(input.clauses),
    results,
    summary: summarise(results, input),
    ...(input.shard ? { shard: input.shard } : {}),
    ...(input.interrupted ? { interrupted: true } : {}),
    ...(input.problems?.length ? { problems: [...input.problems] } : {}),
    ...(input.requests ? { requests: input.requests } : {}),
    ...(input.rerun ? { rerun: input.rerun } : {}),
  };
}

/**
 * A finished document read through an expectations file: the expectations rule alone, and the
 * verdict judged again. `diff --expectations` reads two runs through one file; every other rule
 * was applied when each document was built.
 */
export function applyExpectations(
  results: RunResults,
  expectations: readonly Expectation[],
  today: Date | string,
): RunResults {
  const { cells } = applyRunRules(results.results, [expectationsRule(expectations, today)]);
  return { ...results, results: cells, summary: summarise(cells, results) };
}
