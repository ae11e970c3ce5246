/**
 * Figure 5: the reference and the suite over the catalogue (specs/catalogue/): `run --catalogue`
 * on growing shares of its profiles, then on all of them, each a whole process against the
 * embedded reference, report written. Wall time per cell and peak resident memory of the whole
 * process. Goals (the catalogue issue): time and memory grow linearly with the cells, and the
 * whole catalogue stays under 500 MB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogueProfiles } from '#specs';
import { runChild } from './child-run.ts';
import type { Figure } from './figure.ts';
import type { Layout } from './layout.ts';
import { requestsPerCell } from './results-evidence.ts';
import { median } from './stats.ts';

export const CATALOGUE_MEMORY_GOAL_MB = 500;
/** The cost of one more cell at the largest step may be this much above the first step's. */
export const LINEARITY_TOLERANCE = 1.5;

export interface CatalogueOptions {
  readonly layout: Layout;
  /** How many catalogue services each step runs; the last should be all of them. */
  readonly serviceCounts: readonly number[];
  readonly runs: number;
}

interface Step {
  readonly services: number;
  readonly cells: number;
  readonly ms: number;
  readonly rssMb: number;
}

export async function catalogueFigure(options: CatalogueOptions): Promise<Figure> {
  const ids = catalogueProfiles().map((profile) => profile.id);
  const steps: Step[] = [];
  for (const count of options.serviceCounts) {
    steps.push(await measureStep(options, ids.slice(0, Math.min(count, ids.length)), ids.length));
  }
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
  // Small steps are noisy: compare against floors of 0.5 ms and 50 KB per cell.
  const timeLinear =
    first === undefined ||
    last === undefined ||
    last.ms <= LINEARITY_TOLERANCE * Math.max(first.ms, 0.5);
  const memoryLinear =
    first === undefined ||
    last === undefined ||
    last.mb <= LINEARITY_TOLERANCE * Math.max(first.mb, 0.05);
  return {
    title: `catalogue: run --catalogue over ${options.serviceCounts.join(', ')} of its ${ids.length} profiles, embedded reference (median of ${options.runs})`,
    lines,
    goals: [
      {
        goal: `wall time grows linearly (last step's ms per added cell ≤ ${LINEARITY_TOLERANCE}× the first's)`,
        met: timeLinear,
        measured: `${first?.ms.toFixed(2) ?? '–'} → ${last?.ms.toFixed(2) ?? '–'} ms per added cell; ${(largest.ms / largest.cells).toFixed(2)} ms per cell overall`,
      },
      {
        goal: `memory grows linearly (last step's MB per added cell ≤ ${LINEARITY_TOLERANCE}× the first's)`,
        met: memoryLinear,
        measured: `${((first?.mb ?? 0) * 1024).toFixed(0)} → ${((last?.mb ?? 0) * 1024).toFixed(0)} KB per added cell`,
      },
      {
        goal: `${largest.services} catalogue services under ${CATALOGUE_MEMORY_GOAL_MB} MB peak RSS`,
        met: largest.rssMb < CATALOGUE_MEMORY_GOAL_MB,
        measured: `${largest.rssMb.toFixed(0)} MB`,
      },
    ],
  };
}

async function measureStep(
  options: CatalogueOptions,
  ids: readonly string[],
  all: number,
): Promise<Step> {
  const reportDir = mkdtempSync(join(tmpdir(), 'lro-bench-catalogue-'));
  try {
    const selection = ids.length === all ? [] : ['--service', ids.join(',')];
    const args = [
      options.layout.bin,
      'run',
      '--catalogue',
      ...selection,
      '--report-dir',
      reportDir,
    ];
    await runChild({ args }); // warm-up: the compile cache, the page cache
    const ms: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const run = await runChild({ args, measureRss: true });
      ms.push(run.wallMs);
      rss.push(run.peakRssMb ?? Number.NaN);
    }
    return {
      services: ids.length,
      cells: requestsPerCell(reportDir).cells,
      ms: median(ms),
      rssMb: median(rss),
    };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}
