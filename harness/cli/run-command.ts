/**
 * `lro-conformance run`: runs the suites against the embedded reference or a URL, prints the
 * service × clause matrix, writes results.json and matrix.md, and exits with the verdict.
 */
import { join, resolve } from 'node:path';
import {
  buildRunResults,
  type CollectedRun,
  ConformanceReporter,
  type RunResults,
  renderMatrixText,
  writeReport,
} from '#reports';
import { serviceIds } from '#specs';
import { mockTargetInfo } from '../targets/mock-target.ts';
import { CliError, EXIT_CODE_OF_VERDICT, EXIT_HARNESS } from './cli-errors.ts';
import { readPackageVersion } from './package-version.ts';
import { preflight, selectServices } from './preflight.ts';
import { parseRunOptions, RUN_USAGE } from './run-options.ts';
import { runSuites } from './run-suites.ts';

export const usage = RUN_USAGE;

export async function main(argv: readonly string[]): Promise<number> {
  const options = parseRunOptions(argv);
  let run = options.run;
  if (run.target.kind === 'url') {
    const { servedServices } = await preflight(
      run.target.baseUrl,
      run.target.controlUrl,
      run.target.requestTimeoutMs,
    );
    run = {
      ...run,
      services: selectServices(options.requestedServices, serviceIds(), servedServices),
    };
  }

  let collected: CollectedRun | undefined;
  const reporter = new ConformanceReporter({
    onCollected: (run) => {
      collected = run;
    },
  });
  const reportDir = resolve(options.reportDir);
  const junitFile = join(reportDir, 'junit.xml');
  const problems = await runSuites({ run, clauseIds: options.clauseIds, reporter, junitFile });
  process.exitCode = undefined; // vitest sets it on failing tests; the verdict below decides.
  if (!collected)
    throw new CliError('the suites did not report any result (see the lines above)', EXIT_HARNESS);

  const results: RunResults = buildRunResults({
    ...collected,
    services: run.services,
    target:
      run.target.kind === 'mock'
        ? mockTargetInfo(run.target)
        : { kind: 'url', baseUrl: run.target.baseUrl, controlUrl: run.target.controlUrl },
    toolVersion: readPackageVersion(),
    settings: { deadlineMs: run.deadlineMs, settleMs: 0, failOn: [] },
    problems,
  });
  const written = await writeReport(reportDir, results);
  process.stdout.write(`${renderMatrixText(results, { color: process.stdout.isTTY === true })}\n`);
  process.stdout.write(
    `report: ${written.resultsJson}\n        ${written.matrixMarkdown}\n        ${junitFile}\n`,
  );
  for (const problem of problems) process.stderr.write(`lro-conformance run: ${problem}\n`);
  return EXIT_CODE_OF_VERDICT[results.summary.verdict];
}
