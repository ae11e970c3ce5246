/**
 * `npm run bench` (part 1): wall time of the full mock matrix (`lro-conformance run`, every
 * clause × every service against the embedded reference) next to the floor of a trivial
 * vitest run started the same way (a child Node process), and their ratio. Target: ≤ 1.5×.
 * Figures, not assertions: these machines are shared and noisy.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BIN = fileURLToPath(new URL('../cli/bin.ts', import.meta.url));
const FLOOR = fileURLToPath(new URL('./trivial-vitest-run.ts', import.meta.url));

function wallMs(args: readonly string[]): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}`);
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function benchMatrixVsFloor(): { matrixMs: number; floorMs: number; ratio: number } {
  const reportDir = mkdtempSync(join(tmpdir(), 'lro-bench-'));
  try {
    wallMs([FLOOR]); // warm the file-system cache for both
    const floor: number[] = [];
    const matrix: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      floor.push(wallMs([FLOOR]));
      matrix.push(wallMs([BIN, 'run', '--report-dir', reportDir]));
    }
    const matrixMs = median(matrix);
    const floorMs = median(floor);
    return { matrixMs, floorMs, ratio: matrixMs / floorMs };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { matrixMs, floorMs, ratio } = benchMatrixVsFloor();
  const verdict = ratio <= 1.5 ? 'within' : 'OVER';
  process.stdout.write(
    `mock matrix (all clauses × 5 services): ${matrixMs.toFixed(0)} ms (median of ${RUNS})\n` +
      `trivial vitest run (same start):        ${floorMs.toFixed(0)} ms (median of ${RUNS})\n` +
      `ratio: ${ratio.toFixed(2)}× (${verdict} the 1.5× target)\n`,
  );
}
