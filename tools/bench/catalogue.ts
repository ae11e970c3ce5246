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
import type { Figure } from './figure.ts';
import { type GrowthStep, growthFigure, measureGrowthStep } from './growth.ts';
import type { Layout } from './layout.ts';

export const CATALOGUE_MEMORY_GOAL_MB = 500;

export interface CatalogueOptions {
  readonly layout: Layout;
  /** How many catalogue services each step runs; the last should be all of them. */
  readonly serviceCounts: readonly number[];
  readonly runs: number;
}

export async function catalogueFigure(options: CatalogueOptions): Promise<Figure> {
  const ids = catalogueProfiles().map((profile) => profile.id);
  const steps: GrowthStep[] = [];
  for (const count of options.serviceCounts) {
    steps.push(await measureStep(options, ids.slice(0, Math.min(count, ids.length)), ids.length));
  }
  return growthFigure({
    title: `catalogue: run --catalogue over ${options.serviceCounts.join(', ')} of its ${ids.length} profiles, embedded reference (median of ${options.runs})`,
    steps,
    memoryGoalMb: CATALOGUE_MEMORY_GOAL_MB,
    servicesWord: 'catalogue services',
    withOverallPerCell: true,
  });
}

async function measureStep(
  options: CatalogueOptions,
  ids: readonly string[],
  all: number,
): Promise<GrowthStep> {
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
    return await measureGrowthStep(args, options.runs, reportDir, ids.length);
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}
