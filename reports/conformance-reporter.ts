/**
 * A vitest Reporter (https://vitest.dev/advanced/reporters) that turns the test cases of a run
 * into RunResults. It reads only the stable reported-task API (`testCase.meta()`, `result()`,
 * `diagnostic()`), converts it to the serialisable ReportedCase view and hands the built
 * results to `onResults` once the run ends.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { buildRunResults } from './build-run-results.ts';
import { collectCells, collectClauses, type ReportedCase } from './collect-results.ts';
import type { RunResults, TargetInfo } from './results-model.ts';

export interface ConformanceReporterOptions {
  readonly onResults: (results: RunResults) => void | Promise<void>;
  readonly target: TargetInfo;
  /** Service ids selected for the run, in column order. */
  readonly services: readonly string[];
  /** Defaults to the moment vitest starts the run. */
  readonly startedAt?: Date;
  readonly toolVersion: string;
}

export function toReportedCase(testCase: TestCase): ReportedCase {
  const result = testCase.result();
  const durationMs = testCase.diagnostic()?.duration;
  const skipNote = result.state === 'skipped' ? result.note : undefined;
  return {
    meta: testCase.meta().lro,
    state: result.state,
    errors: (result.errors ?? []).map((error) => ({
      ...(typeof error.name === 'string' ? { name: error.name } : {}),
      message: error.message,
    })),
    ...(durationMs === undefined ? {} : { durationMs }),
    ...(skipNote === undefined ? {} : { skipNote }),
  };
}

export class ConformanceReporter implements Reporter {
  readonly #options: ConformanceReporterOptions;
  #runStartedAt: Date = new Date();

  constructor(options: ConformanceReporterOptions) {
    this.#options = options;
  }

  onTestRunStart(): void {
    this.#runStartedAt = new Date();
  }

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>): Promise<void> {
    const cases = testModules.flatMap((module) =>
      [...module.children.allTests()].map(toReportedCase),
    );
    const startedAt = this.#options.startedAt ?? this.#runStartedAt;
    const results = buildRunResults({
      cells: collectCells(cases),
      clauses: collectClauses(cases),
      services: this.#options.services,
      target: this.#options.target,
      startedAt,
      durationMs: Math.max(0, Date.now() - startedAt.getTime()),
      toolVersion: this.#options.toolVersion,
    });
    await this.#options.onResults(results);
  }
}
