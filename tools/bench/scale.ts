/**
 * Figure 3: the embedded matrix as the number of services grows (5 → 100 synthetic profiles,
 * synthetic-services.ts) in a private copy of the build: wall time per cell and peak resident
 * memory of the whole process. Goals (issue 12): growth is linear (the cost of one more cell
 * does not rise with the number of services) and 100 services stay under 400 MB.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './figure.ts';
import { type GrowthStep, growthFigure, measureGrowthStep } from './growth.ts';
import { copyLayout, type Layout } from './layout.ts';
import { addSyntheticServices } from './synthetic-services.ts';

export const MEMORY_GOAL_MB = 400;

export interface ScaleOptions {
  readonly layout: Layout;
  readonly serviceCounts: readonly number[];
  readonly runs: number;
}

export async function scaleFigure(options: ScaleOptions): Promise<Figure> {
  const steps: GrowthStep[] = [];
  for (const services of options.serviceCounts) steps.push(await measureStep(options, services));
  return growthFigure({
    title: `scale: embedded matrix over ${options.serviceCounts.join(', ')} services (median of ${options.runs})`,
    steps,
    memoryGoalMb: MEMORY_GOAL_MB,
    servicesWord: 'services',
    withOverallPerCell: false,
  });
}

async function measureStep(options: ScaleOptions, services: number): Promise<GrowthStep> {
  const copy = copyLayout(options.layout);
  try {
    addSyntheticServices(join(copy.root, 'specs/services'), services);
    const reportDir = join(copy.root, 'report');
    // The warm-up fills the compile cache for this copy's paths.
    return await measureGrowthStep(
      [copy.bin, 'run', '--report-dir', reportDir],
      options.runs,
      reportDir,
      services,
    );
  } finally {
    rmSync(copy.root, { recursive: true, force: true });
  }
}
