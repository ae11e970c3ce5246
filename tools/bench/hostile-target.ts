/**
 * Figure 5: what a target whose answers never end costs a run. The whole matrix over HTTP against
 * the reference in its own process, once as it is and once with every answer of the operations
 * surface an endless body (tools/testing/hostile-server.ts); peak resident memory of the whole
 * run (child-run.ts) and its wall time, each the median of a few runs. Goal: the endless target
 * costs at most twice the well-behaved run's peak, whatever the answers' length: what the run
 * holds of them is bounded by the answer limit of the requests in flight (16 ×
 * `--max-answer-bytes`, printed beside it). Before answers were read as streams with a limit, an
 * endless body was read until the request timed out (about 4.5 GB at 30 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_ANSWER_BYTES, MAX_REQUESTS_IN_FLIGHT } from '../../harness/http/index.ts';
import { runChild } from './child-run.ts';
import type { Figure } from './figure.ts';
import type { Layout } from './layout.ts';
import { type ServiceProcess, startServiceProcess } from './service-process.ts';
import { formatMs, median, spread } from './stats.ts';

const HOSTILE_SERVER = new URL('../testing/hostile-server.ts', import.meta.url).pathname;
/** The goal: a run against endless answers peaks at most this many times the well-behaved run. */
export const HOSTILE_MEMORY_GOAL = 2;
/** What the requests in flight may hold of endless answers at once, in MB. */
const IN_FLIGHT_MB = (MAX_REQUESTS_IN_FLIGHT * DEFAULT_MAX_ANSWER_BYTES) / 1024 ** 2;

export interface HostileTargetOptions {
  readonly layout: Layout;
  readonly runs: number;
}

interface Measured {
  readonly ms: number;
  readonly rssMb: number;
}

export async function hostileTargetFigure(options: HostileTargetOptions): Promise<Figure> {
  const { layout, runs } = options;
  const started: ServiceProcess[] = [];
  const reportDirs: string[] = [];
  const run = async (url: string, okExitCodes: readonly number[]): Promise<Measured> => {
    const reportDir = mkdtempSync(join(tmpdir(), 'lro-bench-hostile-'));
    reportDirs.push(reportDir);
    const child = await runChild({
      args: [layout.bin, 'run', '--target', url, '--settle', '0', '--report-dir', reportDir],
      measureRss: true,
      okExitCodes,
    });
    return { ms: child.wallMs, rssMb: child.peakRssMb ?? Number.NaN };
  };
  try {
    const serve = async (answer: string) => {
      const service = await startServiceProcess(
        [HOSTILE_SERVER, '--answer', answer],
        /hostile server: (\S+)/,
      );
      started.push(service);
      return service.url;
    };
    const plain = await startServiceProcess(
      [layout.bin, 'serve', '--port', '0'],
      /base URL:\s+(\S+)/,
    );
    started.push(plain);
    const endless = await serve('endless');
    const gzipBomb = await serve('gzip-bomb');
    const wellBehaved: Measured[] = [];
    const endlessRuns: Measured[] = [];
    const bombRuns: Measured[] = [];
    for (let i = 0; i < runs; i++) {
      wellBehaved.push(await run(plain.url, [0]));
      // Every cell that reads such an answer is ERROR: exit 3.
      endlessRuns.push(await run(endless, [3]));
      bombRuns.push(await run(gzipBomb, [3]));
    }
    const rss = (measured: readonly Measured[]) => median(measured.map((m) => m.rssMb));
    const ms = (measured: readonly Measured[]) => spread(measured.map((m) => m.ms));
    const bound = rss(wellBehaved) * HOSTILE_MEMORY_GOAL;
    const worst = Math.max(rss(endlessRuns), rss(bombRuns));
    return {
      title: `a target whose answers never end (${layout.kind}, ${runs} runs each, --max-answer-bytes ${DEFAULT_MAX_ANSWER_BYTES})`,
      lines: [
        `well-behaved reference:  peak RSS ${rss(wellBehaved).toFixed(0)} MB, ${formatMs(ms(wellBehaved))}`,
        `endless bodies:          peak RSS ${rss(endlessRuns).toFixed(0)} MB, ${formatMs(ms(endlessRuns))}`,
        `gzip bombs (16 GiB):     peak RSS ${rss(bombRuns).toFixed(0)} MB, ${formatMs(ms(bombRuns))}`,
        `answers the requests in flight may hold: ${MAX_REQUESTS_IN_FLIGHT} × ${DEFAULT_MAX_ANSWER_BYTES / 1024 ** 2} MiB = ${IN_FLIGHT_MB} MB`,
        `ratio of the worst to the well-behaved peak: ${(worst / rss(wellBehaved)).toFixed(2)}×`,
      ],
      goals: [
        {
          goal: `peak RSS against endless answers ≤ ${HOSTILE_MEMORY_GOAL}× the well-behaved run's`,
          met: worst <= bound,
          measured: `${worst.toFixed(0)} MB against ${rss(wellBehaved).toFixed(0)} MB (${(worst / rss(wellBehaved)).toFixed(2)}×)`,
        },
      ],
    };
  } finally {
    await Promise.all(started.map((service) => service.stop()));
    for (const dir of reportDirs) rmSync(dir, { recursive: true, force: true });
  }
}
