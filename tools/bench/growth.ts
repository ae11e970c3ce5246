/**
 * What the scale and catalogue figures share: a run measured as whole processes at growing
 * numbers of services (one warm-up, then the median of N runs: wall time and peak RSS), and the
 * judgement of the steps: the cost of one more cell (time and memory) may not rise by more than
 * LINEARITY_TOLERANCE from the first step to the last, and the largest step stays under a memory
 * goal.
 */
import { runChild } from './child-run.ts';
import type { Figure } from './figure.ts';
import { requestsPerCell } from './results-evidence.ts';
import { median } from './stats.ts';

/** The cost of one more cell at the largest step may be this much above the first step's. */
export const LINEARITY_TOLERANCE = 1.5;

export interface GrowthStep {
  readonly services: number;
  readonly cells: number;
  readonly ms: number;
  readonly rssMb: number;
}

/** One warm-up run (compile and page caches), then `runs` measured; cells from the report. */
export async function measureGrowthStep(
  args: readonly string[],
  runs: number,
  reportDir: string,
  services: number,
): Promise<GrowthStep> {
  await runChild({ args: [...args] });
  const ms: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runChild({ args: [...args], measureRss: true });
    ms.push(run.wallMs);
    rss.push(run.peakRssMb ?? Number.NaN);
  }
  return { services, cells: requestsPerCell(reportDir).cells, ms: median(ms), rssMb: median(rss) };
}

export interface GrowthFigureOptions {
  readonly title: string;
  readonly steps: readonly GrowthStep[];
  readonly memoryGoalMb: number;
  /** How the memory goal names the largest step's services: `services`, `catalogue services`. */
  readonly servicesWord: string;
  /** Whether the time goal also gives the largest step's ms per cell. */
  readonly withOverallPerCell: boolean;
}

export function growthFigure(options: GrowthFigureOptions): Figure {
  const { steps } = options;
  const lines = steps.map(
    (step) =>
      `${String(step.services).padStart(3)} services, ${String(step.cells).padStart(4)} cells: ${step.ms.toFixed(0)} ms (${(step.ms / step.cells).toFixed(2)} ms per cell), peak RSS ${step.rssMb.toFixed(0)} MB`,
  );
  const slopes = steps.slice(1).map((step, i) => {
    const previous = steps[i] as GrowthStep;
    const cells = step.cells - previous.cells;
    return { ms: (step.ms - previous.ms) / cells, mb: (step.rssMb - previous.rssMb) / cells };
  });
  const first = slopes[0];
  const last = slopes.at(-1);
  const largest = steps.at(-1) as GrowthStep;
  if (first !== undefined && last !== undefined) {
    lines.push(
      `marginal cost per added cell: ${slopes.map((slope) => `${slope.ms.toFixed(2)} ms`).join(' → ')}; memory ${slopes.map((slope) => `${(slope.mb * 1024).toFixed(0)} KB`).join(' → ')}`,
    );
  }
  // Small steps are noisy: compare against floors of 0.5 ms and 50 KB per cell.
  const timeLinear =
    first === undefined ||
    last === undefined ||
    last.ms <= LINEARITY_TOLERANCE * Math.max(first.ms, 0.5);
  const memoryLinear =
    first === undefined ||
    last === undefined ||
    last.mb <= LINEARITY_TOLERANCE * Math.max(first.mb, 0.05);
  const overall = options.withOverallPerCell
    ? `; ${(largest.ms / largest.cells).toFixed(2)} ms per cell overall`
    : '';
  return {
    title: options.title,
    lines,
    goals: [
      {
        goal: `wall time grows linearly (last step's ms per added cell ≤ ${LINEARITY_TOLERANCE}× the first's)`,
        met: timeLinear,
        measured: `${first?.ms.toFixed(2) ?? '–'} → ${last?.ms.toFixed(2) ?? '–'} ms per added cell${overall}`,
      },
      {
        goal: `memory grows linearly (last step's MB per added cell ≤ ${LINEARITY_TOLERANCE}× the first's)`,
        met: memoryLinear,
        measured: `${((first?.mb ?? 0) * 1024).toFixed(0)} → ${((last?.mb ?? 0) * 1024).toFixed(0)} KB per added cell`,
      },
      {
        goal: `${largest.services} ${options.servicesWord} under ${options.memoryGoalMb} MB peak RSS`,
        met: largest.rssMb < options.memoryGoalMb,
        measured: `${largest.rssMb.toFixed(0)} MB`,
      },
    ],
  };
}
