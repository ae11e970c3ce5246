/**
 * Assembles the RunResults document (reports/results.schema.json, schemaVersion 2) from result
 * cells. The order is fixed (service order as given, then clause id) so that two runs with the
 * same verdicts produce the same results.json apart from time fields.
 */
import { compareCodeUnits, uniqueClauses } from './collect-results.ts';
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
import { judge } from './verdict.ts';

export interface BuildRunResultsInput {
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
    failOn: context.settings.failOn,
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
  const services = orderServices(input.services, input.cells);
  const position = new Map(services.map((service, index) => [service, index]));
  const results = [...input.cells].sort(
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
  };
}
