/**
 * Runs the suites in-process with vitest's Node API, handing the run configuration to them
 * through `provide` and collecting verdicts through the conformance reporter.
 */
import { relative } from 'node:path';
import { createVitest, type Reporter } from 'vitest/node';
import type { RunConfig } from '../conformance/run-config.ts';
import { PACKAGE_ROOT, SUITE_GLOB, suiteFileOf } from './suite-catalogue.ts';

export interface RunSuitesOptions {
  readonly run: RunConfig;
  readonly clauseIds: readonly string[];
  readonly reporter: Reporter;
  /** Where vitest's JUnit reporter writes, for CI systems that read JUnit XML. */
  readonly junitFile: string;
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
      include: [SUITE_GLOB],
      watch: false,
      reporters: [options.reporter, ['junit', { outputFile: options.junitFile }]],
      provide: { lroRun: options.run },
      // Every suite file imports the same harness: one worker thread, no re-isolation, and
      // Node's own loader (the code is erasable TypeScript) instead of Vite's module runner.
      isolate: false,
      pool: 'threads',
      experimental: { viteModuleRunner: false },
      fileParallelism: options.run.target.kind === 'url',
      // Every test owns its operation (and, on the mock target, its own reference and clock),
      // so tests may run side by side: over HTTP they mostly wait for cancels to show.
      sequence: { concurrent: true },
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
