/**
 * Figure 4: the reference HTTP server (`lro-conformance serve`) against a minimal node:http
 * server (minimal-server.ts), each in its own process, driven in alternating rounds by the same
 * keep-alive client (keep-alive-load.ts) on the same machine in the same run. Goal (issue 12):
 * the reference answers ≥ 0.8 of the minimal server's requests per second; p99 is printed.
 */
import type { Figure } from './figure.ts';
import { type LoadResult, runLoad, sampleOperationNames } from './keep-alive-load.ts';
import type { Layout } from './layout.ts';
import { type ServiceProcess, startServiceProcess } from './service-process.ts';
import { formatRatio, median, pairRatios, spread } from './stats.ts';

export const THROUGHPUT_GOAL = 0.8;

export interface ServerThroughputOptions {
  readonly layout: Layout;
  readonly rounds: number;
  readonly seconds: number;
  readonly connections: number;
}

const MINIMAL = new URL('./minimal-server.ts', import.meta.url).pathname;

export async function serverThroughputFigure(options: ServerThroughputOptions): Promise<Figure> {
  const started: ServiceProcess[] = [];
  try {
    const reference = await startServiceProcess(
      [options.layout.bin, 'serve', '--port', '0'],
      /base URL:\s+(\S+)/,
    );
    started.push(reference);
    const minimal = await startServiceProcess([MINIMAL], /minimal server: (\S+)/);
    started.push(minimal);
    const fixedNames = await sampleOperationNames(reference.url);
    const load = (baseUrl: string, seconds: number, names?: Record<string, string>) =>
      runLoad({
        baseUrl,
        seconds,
        connections: options.connections,
        ...(names === undefined ? {} : { fixedNames: names }),
      });
    // Warm both (JIT, sockets) before measuring.
    await load(reference.url, 0.5);
    await load(minimal.url, 0.5, fixedNames);
    const ref: LoadResult[] = [];
    const min: LoadResult[] = [];
    for (let i = 0; i < options.rounds; i++) {
      if (i % 2 === 0) {
        ref.push(await load(reference.url, options.seconds));
        min.push(await load(minimal.url, options.seconds, fixedNames));
      } else {
        min.push(await load(minimal.url, options.seconds, fixedNames));
        ref.push(await load(reference.url, options.seconds));
      }
    }
    const rps = (results: LoadResult[]) => median(results.map((r) => r.requestsPerSecond));
    const p99 = (results: LoadResult[]) => median(results.map((r) => r.p99Ms));
    const p50 = (results: LoadResult[]) => median(results.map((r) => r.p50Ms));
    const ratio = spread(
      pairRatios(
        ref.map((r) => r.requestsPerSecond),
        min.map((r) => r.requestsPerSecond),
      ),
    );
    const unexpected = ref.reduce((sum, r) => sum + r.unexpected, 0);
    return {
      title: `reference server vs minimal node:http server (${options.rounds} rounds of ${options.seconds} s, ${options.connections} keep-alive connections)`,
      lines: [
        `reference server: ${rps(ref).toFixed(0)} requests/s, p50 ${p50(ref).toFixed(1)} ms, p99 ${p99(ref).toFixed(1)} ms (${unexpected} unexpected statuses)`,
        `minimal server:   ${rps(min).toFixed(0)} requests/s, p50 ${p50(min).toFixed(1)} ms, p99 ${p99(min).toFixed(1)} ms`,
        `ratio, median of per-round ratios: ${formatRatio(ratio)}`,
      ],
      goals: [
        {
          goal: `reference server ≥ ${THROUGHPUT_GOAL} of the minimal server's requests/s`,
          met: ratio.median >= THROUGHPUT_GOAL,
          measured: `${ratio.median.toFixed(2)}`,
        },
      ],
    };
  } finally {
    await Promise.all(started.map((service) => service.stop()));
  }
}
