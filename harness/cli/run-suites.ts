/**
 * Runs the suites in-process with vitest's Node API, handing the run configuration to them
 * through `provide` and collecting verdicts through the conformance reporter.
 */
import { createVitest, type Reporter } from 'vitest/node';
import type { RunConfig } from '../conformance/run-config.ts';
import { PACKAGE_ROOT, suiteFileOf } from './suite-catalogue.ts';

export interface RunSuitesOptions {
  readonly run: RunConfig;
  readonly clauseIds: readonly string[];
  readonly reporter: Reporter;
}

export async function runSuites(options: RunSuitesOptions): Promise<void> {
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
      testTimeout: options.run.deadlineMs + 30_000,
    },
    { logLevel: 'silent' },
  );
  try {
    await vitest.start(options.clauseIds.map(suiteFileOf));
  } finally {
    await vitest.close();
  }
}
