/**
 * `lro-conformance run`: runs the suites against the embedded reference or a URL, prints the
 * service × clause matrix, writes results.json and matrix.md, and exits with the verdict.
 */
import { join, resolve } from 'node:path';
import { ConformanceReporter, type RunResults, renderMatrixText, writeReport } from '#reports';
import { serviceIds } from '#specs';
import { mockTargetInfo } from '../targets/mock-target.ts';
import { CliError, EXIT_CONFORMANT, EXIT_MUST_FAILED, EXIT_UNREACHABLE } from './cli-errors.ts';
import { readPackageVersion } from './package-version.ts';
import { preflight, selectServices } from './preflight.ts';
import { parseRunOptions, RUN_USAGE } from './run-options.ts';
import { runSuites } from './run-suites.ts';

export async function main(argv: readonly string[]): Promise<number> {
  const options = parseRunOptions(argv);
  if (options.help) {
    process.stdout.write(`${RUN_USAGE}\n`);
    return EXIT_CONFORMANT;
  }
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

  let results: RunResults | undefined;
  const reporter = new ConformanceReporter({
    target:
      run.target.kind === 'mock'
        ? mockTargetInfo(run.target)
        : { kind: 'url', baseUrl: run.target.baseUrl, controlUrl: run.target.controlUrl },
    services: run.services,
    toolVersion: readPackageVersion(),
    onResults: (collected) => {
      results = collected;
    },
  });
  const reportDir = resolve(options.reportDir);
  const junitFile = join(reportDir, 'junit.xml');
  const problems = await runSuites({ run, clauseIds: options.clauseIds, reporter, junitFile });
  process.exitCode = undefined; // vitest sets it on failing tests; the verdict below decides.
  if (!results)
    throw new CliError(
      'the suites did not report any result (see the lines above)',
      EXIT_UNREACHABLE,
    );

  const written = await writeReport(reportDir, results);
  process.stdout.write(`${renderMatrixText(results, { color: process.stdout.isTTY === true })}\n`);
  process.stdout.write(
    `report: ${written.resultsJson}\n        ${written.matrixMarkdown}\n        ${junitFile}\n`,
  );
  for (const problem of problems) process.stderr.write(`lro-conformance run: ${problem}\n`);
  return problems.length > 0 && exitCodeOf(results) === EXIT_CONFORMANT
    ? EXIT_UNREACHABLE
    : exitCodeOf(results);
}

export function exitCodeOf(results: RunResults): number {
  if (results.summary.mustFailures > 0) return EXIT_MUST_FAILED;
  if (results.summary.counts.ERROR > 0) return EXIT_UNREACHABLE;
  return EXIT_CONFORMANT;
}
