/**
 * Figure 2: the full matrix over HTTP against the reference server in its own process
 * (`lro-conformance serve`). (a) The time a run adds when the server's cancel latency grows from
 * 0 to D, median of paired runs; goal ≤ 1.5 × D, which holds only if the waits of all clauses and
 * services overlap instead of paying D once per clause. (b) Through a proxy adding L ms to every
 * request, against the physical floor: the same run without the proxy plus the longest request
 * chain of one cell × L; goal ≤ 2×. Runs use `--settle 0` for the figures; the default settle time
 * for URL targets (URL_SETTLE_MS, run-config.ts) is measured too and printed beside them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URL_SETTLE_MS } from '../../harness/plan/index.ts';
import { runChild } from './child-run.ts';
import type { Figure } from './figure.ts';
import type { Layout } from './layout.ts';
import {
  formatRequestsPerCell,
  type RequestsPerCell,
  requestsPerCell,
} from './results-evidence.ts';
import { type ServiceProcess, startServiceProcess } from './service-process.ts';
import { formatMs, formatRatio, median, spread } from './stats.ts';

export const ADDED_PER_DELAY_GOAL = 1.5;
export const LATENCY_FLOOR_GOAL = 2;
const DEFAULT_SETTLE_MS = URL_SETTLE_MS;

export interface HttpMatrixOptions {
  readonly layout: Layout;
  readonly pairs: number;
  /** Pairs measured with the default settle time (each run lasts that much longer at least). */
  readonly settlePairs: number;
  readonly cancelDelayMs: number;
  readonly latencyMs: number;
}

const PROXY = new URL('./latency-proxy.ts', import.meta.url).pathname;

export async function httpMatrixFigure(options: HttpMatrixOptions): Promise<Figure> {
  const { layout, pairs, settlePairs, cancelDelayMs: delay, latencyMs } = options;
  const started: ServiceProcess[] = [];
  const reportDirs: string[] = [];
  const start = async (args: readonly string[], ready: RegExp) => {
    const service = await startServiceProcess(args, ready);
    started.push(service);
    return service.url;
  };
  const serve = (cancelDelay: number) =>
    start(
      [layout.bin, 'serve', '--port', '0', '--cancel-delay', String(cancelDelay)],
      /base URL:\s+(\S+)/,
    );
  const run = async (url: string, settleMs: number) => {
    const reportDir = mkdtempSync(join(tmpdir(), 'lro-bench-http-'));
    reportDirs.push(reportDir);
    const child = await runChild({
      args: [
        layout.bin,
        'run',
        '--target',
        url,
        '--settle',
        String(settleMs),
        '--report-dir',
        reportDir,
      ],
    });
    return { ms: child.wallMs, reportDir };
  };
  try {
    const direct = await serve(0);
    const delayed = await serve(delay);
    const proxied = await start(
      [PROXY, '--target', direct, '--delay-ms', String(latencyMs)],
      /latency proxy: (\S+)/,
    );
    await run(direct, 0); // warm-up
    const added = await pairedDifference(
      pairs,
      () => run(direct, 0),
      () => run(delayed, 0),
    );
    const addedSettle = await pairedDifference(
      settlePairs,
      () => run(direct, DEFAULT_SETTLE_MS),
      () => run(delayed, DEFAULT_SETTLE_MS),
    );
    const latency = await latencyRatios(
      pairs,
      latencyMs,
      () => run(direct, 0),
      () => run(proxied, 0),
    );
    const delayedRequests = requestsPerCell(added.lastB);
    const addedMs = spread(added.differences);
    const latencyRatio = spread(latency.ratios);
    return {
      title: `matrix over HTTP, reference server in its own process (${layout.kind}, ${pairs} pairs)`,
      lines: [
        `cancel delay 0 ms, --settle 0:     ${formatMs(spread(added.a))}`,
        `cancel delay ${delay} ms, --settle 0:   ${formatMs(spread(added.b))}`,
        `added by the delay (paired):       ${formatMs(addedMs)} = ${(addedMs.median / delay).toFixed(2)} × D; floor 1 × D = ${delay} ms`,
        `with the default --settle ${DEFAULT_SETTLE_MS}: ${formatMs(spread(addedSettle.a))} at delay 0, ${formatMs(spread(addedSettle.b))} at ${delay} ms (added ${median(addedSettle.differences).toFixed(0)} ms)`,
        `requests at cancel delay ${delay} ms: ${formatRequestsPerCell(delayedRequests)}`,
        `+${latencyMs} ms per request (proxy): ${formatMs(spread(latency.proxied))}`,
        `physical floor (run without proxy + longest chain ${latency.requests.max} × ${latencyMs} ms): ${formatMs(spread(latency.floors))}`,
        `ratio to the physical floor:       ${formatRatio(latencyRatio)}`,
      ],
      goals: [
        {
          goal: `added time for cancel delay D ≤ ${ADDED_PER_DELAY_GOAL} × D`,
          met: addedMs.median <= ADDED_PER_DELAY_GOAL * delay,
          measured: `${addedMs.median.toFixed(0)} ms for D = ${delay} ms (${(addedMs.median / delay).toFixed(2)} × D)`,
        },
        {
          goal: `+${latencyMs} ms per request ≤ ${LATENCY_FLOOR_GOAL}× the physical floor`,
          met: latencyRatio.median <= LATENCY_FLOOR_GOAL,
          measured: `${latencyRatio.median.toFixed(2)}×`,
        },
      ],
    };
  } finally {
    await Promise.all(started.map((service) => service.stop()));
    for (const dir of reportDirs) rmSync(dir, { recursive: true, force: true });
  }
}

type Run = () => Promise<{ ms: number; reportDir: string }>;

async function pairedDifference(pairs: number, runA: Run, runB: Run) {
  const a: number[] = [];
  const b: number[] = [];
  let lastB = '';
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 === 0 ? [runA, runB] : [runB, runA];
    for (const runOne of order) {
      const result = await runOne();
      if (runOne === runA) a.push(result.ms);
      else {
        b.push(result.ms);
        lastB = result.reportDir;
      }
    }
  }
  return { a, b, lastB, differences: b.map((ms, i) => ms - (a[i] ?? Number.NaN)) };
}

async function latencyRatios(pairs: number, latencyMs: number, direct: Run, proxied: Run) {
  const { a, b, lastB } = await pairedDifference(pairs, direct, proxied);
  const requests: RequestsPerCell = requestsPerCell(lastB);
  const floors = a.map((ms) => ms + requests.max * latencyMs);
  return { proxied: b, floors, requests, ratios: b.map((ms, i) => ms / (floors[i] ?? Number.NaN)) };
}
