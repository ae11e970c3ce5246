/**
 * Figure 1: the full embedded matrix (`lro-conformance run`, every clause × every service against the
 * embedded reference) next to two floors started the same way (floor-run.ts), in interleaved
 * rounds; each ratio is the median of the per-round ratios. Goal (issue 12): ≤ 1.5× the first.
 *
 * - the trivial vitest run: vitest's own start and one test;
 * - the MSW floor: one test per cell sending that cell's requests through MSW to a handler that
 *   does nothing (fixtures/msw-round-trips.fixture.ts). It is what the matrix costs at the least
 *   while the embedded reference answers through the reference's MSW handlers and each cell is a test,
 *   so the matrix's distance from it is what the harness itself adds.
 *
 * All sides run with Node's compile cache as the CLI sets it, or all without
 * (`NODE_DISABLE_COMPILE_CACHE=1`), so the comparison stays fair.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResults } from '#reports';
import { type ChildRunOptions, runChild } from './child-run.ts';
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

/** The requests each cell of a run sent, in cell order (0 for a cell that sent none). */
function requestsOfEachCell(reportDir: string): number[] {
  const results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as RunResults;
  return results.results.map((cell) => cell.evidence?.length ?? 0);
}

export async function embeddedMatrixFigure(options: MockMatrixOptions): Promise<Figure> {
  const { layout, pairs, compileCache } = options;
  const reportDir = mkdtempSync(join(tmpdir(), 'lro-bench-report-'));
  const env: Record<string, string> = compileCache ? {} : { NODE_DISABLE_COMPILE_CACHE: '1' };
  const trivial = { args: floorArgs(layout.kind), env };
  const matrix = { args: [layout.bin, 'run', '--report-dir', reportDir], env };
  try {
    // One unmeasured run of each fills the compile cache and the file-system cache; the matrix's
    // tells the MSW floor how many requests each cell sends.
    await runChild(matrix);
    const msw = {
      args: floorArgs(layout.kind, 'msw-round-trips.fixture.ts'),
      env: { ...env, LRO_BENCH_REQUESTS_PER_CELL: requestsOfEachCell(reportDir).join(',') },
    };
    await runChild(trivial);
    await runChild(msw);
    const sides: readonly ChildRunOptions[] = [trivial, msw, matrix];
    const times: number[][] = sides.map(() => []);
    for (let round = 0; round < pairs; round++) {
      // Rotate which side goes first, so a load change within a round favours none of them.
      for (let step = 0; step < sides.length; step++) {
        const side = (round + step) % sides.length;
        times[side]?.push((await runChild(sides[side] as ChildRunOptions)).wallMs);
      }
    }
    const [trivialMs = [], mswMs = [], matrixMs = []] = times;
    const ratio = spread(pairRatios(matrixMs, trivialMs));
    const mswRatio = spread(pairRatios(mswMs, trivialMs));
    const harnessRatio = spread(pairRatios(matrixMs, mswMs));
    return {
      title: `embedded matrix vs trivial vitest run (${layout.kind}, compile cache ${compileCache ? 'on' : 'off'}, ${pairs} rounds)`,
      lines: [
        `embedded matrix (all clauses × all services): ${formatMs(spread(matrixMs))}`,
        `floor, trivial vitest run:                ${formatMs(spread(trivialMs))}`,
        `ratio, median of per-pair ratios:         ${formatRatio(ratio)}`,
        `MSW floor, a test per cell, same requests: ${formatMs(spread(mswMs))}`,
        `  MSW floor vs trivial run:               ${formatRatio(mswRatio)}`,
        `  embedded matrix vs MSW floor:               ${formatRatio(harnessRatio)}`,
      ],
      goals: [
        {
          goal: `embedded matrix ≤ ${MOCK_MATRIX_GOAL}× the trivial vitest run`,
          met: ratio.median <= MOCK_MATRIX_GOAL,
          measured: `${ratio.median.toFixed(2)}× (the MSW floor alone: ${mswRatio.median.toFixed(2)}×)`,
        },
      ],
    };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}
