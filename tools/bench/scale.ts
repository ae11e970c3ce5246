/**
 * Figure 3: the embedded matrix as the number of services grows (5 → 100 synthetic profiles,
 * synthetic-services.ts) in a private copy of the build: wall time per cell and peak resident
 * memory of the whole process. Goals (issue 12): growth is linear (the cost of one more cell
 * does not rise with the number of services) and 100 services stay under 400 MB.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from './child-run.ts';
import type { Figure } from './figure.ts';
import { copyLayout, type Layout } from './layout.ts';
import { requestsPerCell } from './results-evidence.ts';
import { median } from './stats.ts';
import { addSyntheticServices } from './synthetic-services.ts';

export const MEMORY_GOAL_MB = 400;
/** The cost of one more cell at the largest step may be this much above the first step's. */
export const LINEARITY_TOLERANCE = 1.5;

export interface ScaleOptions {
  readonly layout: Layout;
  readonly serviceCounts: readonly number[];
  readonly runs: number;
}

interface Step {
  readonly services: number;
  readonly cells: number;
  readonly ms: number;
  readonly rssMb: number;
}

export async function scaleFigure(options: ScaleOptions): Promise<Figure> {
  const steps: Step[] = [];
  for (const services of options.serviceCounts) steps.push(await measureStep(options, services));
  const lines = steps.map(
    (step) =>
      `${String(step.services).padStart(3)} services, ${String(step.cells).padStart(4)} cells: ${step.ms.toFixed(0)} ms (${(step.ms / step.cells).toFixed(2)} ms per cell), peak RSS ${step.rssMb.toFixed(0)} MB`,
  );
  const slopes = steps.slice(1).map((step, i) => {
    const previous = steps[i] as Step;
    const cells = step.cells - previous.cells;
    return { ms: (step.ms - previous.ms) / cells, mb: (step.rssMb - previous.rssMb) / cells };
  });
  const first = slopes[0];
  const last = slopes.at(-1);
  const largest = steps.at(-1) as Step;
  if (first !== undefined && last !== undefined) {
    lines.push(
      `marginal cost per added cell: ${slopes.map((slope) => `${slope.ms.toFixed(2)} ms`).join(' → ')}; memory ${slopes.map((slope) => `${(slope.mb * 1024).toFixed(0)} KB`).join(' → ')}`,
    );
  }
  // Time per cell is noisy at small steps; compare against the mean slope as a floor of 0.5 ms.
  const timeLinear =
    first === undefined ||
    last === undefined ||
    last.ms <= LINEARITY_TOLERANCE * Math.max(first.ms, 0.5);
  const memoryLinear =
    first === undefined ||
    last === undefined ||
    last.mb <= LINEARITY_TOLERANCE * Math.max(first.mb, 0.05);
  return {
    title: `scale: embedded matrix over ${options.serviceCounts.join(', ')} services (median of ${options.runs})`,
    lines,
    goals: [
      {
        goal: `wall time grows linearly (last step's ms per added cell ≤ ${LINEARITY_TOLERANCE}× the first's)`,
        met: timeLinear,
        measured: `${first?.ms.toFixed(2) ?? '–'} → ${last?.ms.toFixed(2) ?? '–'} ms per added cell`,
      },
      {
        goal: `memory grows linearly (last step's MB per added cell ≤ ${LINEARITY_TOLERANCE}× the first's)`,
        met: memoryLinear,
        measured: `${((first?.mb ?? 0) * 1024).toFixed(0)} → ${((last?.mb ?? 0) * 1024).toFixed(0)} KB per added cell`,
      },
      {
        goal: `${largest.services} services under ${MEMORY_GOAL_MB} MB peak RSS`,
        met: largest.rssMb < MEMORY_GOAL_MB,
        measured: `${largest.rssMb.toFixed(0)} MB`,
      },
    ],
  };
}

async function measureStep(options: ScaleOptions, services: number): Promise<Step> {
  const copy = copyLayout(options.layout);
  try {
    addSyntheticServices(join(copy.root, 'specs/services'), services);
    const reportDir = join(copy.root, 'report');
    const args = [copy.bin, 'run', '--report-dir', reportDir];
    await runChild({ args }); // warm-up: fills the compile cache for this copy's paths
    const ms: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const run = await runChild({ args, measureRss: true });
      ms.push(run.wallMs);
      rss.push(run.peakRssMb ?? Number.NaN);
    }
    const cells = requestsPerCell(reportDir).cells;
    return { services, cells, ms: median(ms), rssMb: median(rss) };
  } finally {
    rmSync(copy.root, { recursive: true, force: true });
  }
}
