/**
 * Figure 1: the full mock matrix (`lro-conformance run`, every clause × every service against the
 * embedded reference) next to its floor, a trivial vitest run started the same way (floor-run.ts),
 * in interleaved pairs; the figure is the median of the per-pair ratios. Goal (issue 12): ≤ 1.5×.
 * Both sides run with Node's compile cache as the CLI sets it, or both without
 * (`NODE_DISABLE_COMPILE_CACHE=1`), so the comparison stays fair.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from './child-run.ts';
import type { Figure } from './figure.ts';
import { floorArgs } from './floor-run.ts';
import type { Layout } from './layout.ts';
import { formatMs, formatRatio, pairRatios, spread } from './stats.ts';

export const MOCK_MATRIX_GOAL = 1.5;

export interface MockMatrixOptions {
  readonly layout: Layout;
  readonly pairs: number;
  readonly compileCache: boolean;
}

export async function mockMatrixFigure(options: MockMatrixOptions): Promise<Figure> {
  const { layout, pairs, compileCache } = options;
  const reportDir = mkdtempSync(join(tmpdir(), 'lro-bench-report-'));
  const env: Record<string, string> = compileCache ? {} : { NODE_DISABLE_COMPILE_CACHE: '1' };
  const floor = { args: floorArgs(layout.kind), env };
  const matrix = { args: [layout.bin, 'run', '--report-dir', reportDir], env };
  try {
    // One unmeasured run of each fills the compile cache and the file-system cache.
    await runChild(floor);
    await runChild(matrix);
    const floorMs: number[] = [];
    const matrixMs: number[] = [];
    for (let i = 0; i < pairs; i++) {
      // Alternate which side goes first, so a load change within a pair does not favour one.
      if (i % 2 === 0) {
        floorMs.push((await runChild(floor)).wallMs);
        matrixMs.push((await runChild(matrix)).wallMs);
      } else {
        matrixMs.push((await runChild(matrix)).wallMs);
        floorMs.push((await runChild(floor)).wallMs);
      }
    }
    const ratio = spread(pairRatios(matrixMs, floorMs));
    return {
      title: `mock matrix vs trivial vitest run (${layout.kind}, compile cache ${compileCache ? 'on' : 'off'}, ${pairs} pairs)`,
      lines: [
        `mock matrix (all clauses × all services): ${formatMs(spread(matrixMs))}`,
        `floor, trivial vitest run:                ${formatMs(spread(floorMs))}`,
        `ratio, median of per-pair ratios:         ${formatRatio(ratio)}`,
      ],
      goals: [
        {
          goal: `mock matrix ≤ ${MOCK_MATRIX_GOAL}× the trivial vitest run`,
          met: ratio.median <= MOCK_MATRIX_GOAL,
          measured: `${ratio.median.toFixed(2)}×`,
        },
      ],
    };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}
