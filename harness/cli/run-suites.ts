/**
 * Runs the suites in-process with vitest's Node API, handing the run configuration to them
 * through `provide` and collecting verdicts through the conformance reporter.
 */
import { relative } from 'node:path';
import { createVitest, type Reporter } from 'vitest/node';
import type { RunConfig } from '../conformance/run-config.ts';
import { PACKAGE_ROOT, suiteFileOf } from './suite-catalogue.ts';

export interface RunSuitesOptions {
  readonly run: RunConfig;
  readonly clauseIds: readonly string[];
  readonly reporter: Reporter;
}

/**
 * Runs the suites; returns what kept a suite file from running at all (an import that threw,
 * an error outside any test), so that such a file is reported instead of silently missing.
 */
export async function runSuites(options: RunSuitesOptions): Promise<string[]> {
  const vitest = await createVitest(
    {
      root: PACKAGE_ROOT,
      config: false,
      include: ['suites/**/*.test.ts'],
      watch: false,
      reporters: [options.reporter],
      provide: { lroRun: options.run },
      // A suite file imports the same harness as every other: one worker, no re-isolation,
      // keeps the whole matrix close to the cost of a trivial vitest run.
      isolate: false,
      fileParallelism: options.run.target.kind === 'url',
      // Over HTTP most time is spent waiting for cancels to show; every test owns its
      // operation, so tests may wait side by side.
      sequence: { concurrent: options.run.target.kind === 'url' },
      maxConcurrency: 10,
      testTimeout: options.run.deadlineMs + 30_000,
    },
    { logLevel: 'silent' },
  );
  try {
    const { testModules, unhandledErrors } = await vitest.start(options.clauseIds.map(suiteFileOf));
    return [
      ...testModules.flatMap((module) =>
        module
          .errors()
          .map(
            (error) => `${relative(PACKAGE_ROOT, module.moduleId)} could not run: ${error.message}`,
          ),
      ),
      ...unhandledErrors.map(
        (error) => `unhandled error: ${(error as Error).message ?? String(error)}`,
      ),
    ];
  } finally {
    await vitest.close();
  }
}
