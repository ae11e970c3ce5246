/**
 * `lro-conformance run`: checks the target is there, runs the selected suites against it,
 * applies the run-wide rules (cancel support is one fact per service), prints the service ×
 * clause matrix, writes the report and exits with the verdict (docs/INTERPRETING.md).
 */
import { resolve } from 'node:path';
import {
  buildRunResults,
  type CollectedRun,
  ConformanceReporter,
  type RunResults,
  renderMatrixText,
  type TargetInfo,
  writeReport,
} from '#reports';
import { serviceIds } from '#specs';
import { applyCancelSupportRule } from '../conformance/cancel-support-rule.ts';
import type { RunConfig } from '../conformance/run-config.ts';
import { mockTargetInfo } from '../targets/mock-target.ts';
import { CliError, EXIT_CODE_OF_VERDICT, EXIT_HARNESS, usageError } from './cli-errors.ts';
import { readPackageVersion } from './package-version.ts';
import { preflight, selectServices } from './preflight.ts';
import { parseRunOptions, RUN_USAGE, type RunOptions } from './run-options.ts';
import { runSuites } from './run-suites.ts';

export const usage = RUN_USAGE;

export async function main(argv: readonly string[]): Promise<number> {
  const options = parseRunOptions(argv);
  const run = await withServedServices(options);
  let collected: CollectedRun | undefined;
  const reporter = new ConformanceReporter({
    onCollected: (done) => {
      collected = done;
    },
  });
  const reportDir = resolve(options.reportDir);
  const problems = await runSuites({ run, clauseIds: options.clauseIds, reporters: [reporter] });
  process.exitCode = undefined; // vitest sets it on failing tests; the verdict below decides.
  if (!collected)
    throw new CliError('the suites did not report any result (see the lines above)', EXIT_HARNESS);
  if (collected.cells.length === 0 && problems.length === 0) {
    throw usageError('the selection (--clause, --strength, --service, --shard) matches no cell');
  }

  const results = resultsOf(collected, run, options, problems);
  const written = await writeReport(reportDir, results);
  if (options.reporter === 'json') {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    process.stdout.write(
      `${renderMatrixText(results, { color: process.stdout.isTTY === true })}\n`,
    );
    process.stdout.write(`report: ${written.resultsJson}\n        ${written.matrixMarkdown}\n`);
  }
  for (const problem of problems) process.stderr.write(`lro-conformance run: ${problem}\n`);
  return EXIT_CODE_OF_VERDICT[results.summary.verdict];
}

/** For a URL target: preflight, then the services the target says it serves. */
async function withServedServices(options: RunOptions): Promise<RunConfig> {
  const { run } = options;
  if (run.target.kind !== 'url') return run;
  const { servedServices } = await preflight({
    baseUrl: run.target.baseUrl,
    controlUrl: run.target.controlUrl,
    timeoutMs: run.target.requestTimeoutMs,
    probeService: run.services[0] ?? serviceIds()[0] ?? 'checks',
  });
  return {
    ...run,
    services: selectServices(options.requestedServices, serviceIds(), servedServices),
  };
}

function resultsOf(
  collected: CollectedRun,
  run: RunConfig,
  options: RunOptions,
  problems: readonly string[],
): RunResults {
  return buildRunResults({
    ...collected,
    cells: applyCancelSupportRule(collected.cells),
    services: run.services,
    target: targetInfo(run),
    toolVersion: readPackageVersion(),
    settings: {
      deadlineMs: run.deadlineMs,
      settleMs: run.settleMs,
      ...(options.requestTimeoutMs === undefined
        ? {}
        : { requestTimeoutMs: options.requestTimeoutMs }),
      failOn: options.failOn,
    },
    problems,
    ...(run.shard === undefined ? {} : { shard: run.shard }),
  });
}

function targetInfo(run: RunConfig): TargetInfo {
  const { target } = run;
  if (target.kind === 'mock') return mockTargetInfo(target);
  return {
    kind: 'url',
    baseUrl: target.baseUrl,
    ...(target.controlUrl === undefined ? {} : { controlUrl: target.controlUrl }),
  };
}
