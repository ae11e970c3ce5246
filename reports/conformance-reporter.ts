/**
 * A vitest Reporter (https://vitest.dev/advanced/reporters) that turns the test cases of a run
 * into result cells. It reads only the stable reported-task API (`testCase.meta()`, `result()`,
 * `diagnostic()`), converts it to the serialisable ReportedCase view and hands the cells and
 * clauses over once the run ends; whoever started the run builds RunResults from them.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import {
  collectCells,
  collectClauses,
  collectRequests,
  type ReportedCase,
  type UnfinishedCases,
} from './collect-results.ts';
import type { CellResult, ClauseInfo } from './results-model.ts';

/** What one vitest run reported, before it becomes a RunResults document. */
export interface CollectedRun {
  readonly cells: readonly CellResult[];
  readonly clauses: readonly ClauseInfo[];
  readonly startedAt: Date;
  readonly durationMs: number;
  /** Requests sent per service, when the target counts them (live runs). */
  readonly requests?: Readonly<Record<string, number>>;
}

export interface ConformanceReporterOptions {
  readonly onCollected: (run: CollectedRun) => void | Promise<void>;
  /** Defaults to the moment vitest starts the run. */
  readonly startedAt?: Date;
  /**
   * Asked when the run ends: what the cases whose tests never finished become, when the run knows
   * why (a worker it stopped); otherwise they are SKIPPED, as in an interrupted run.
   */
  readonly unfinished?: () => UnfinishedCases | undefined;
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
    const requests = collectRequests(cases);
    await this.#options.onCollected({
      cells: collectCells(cases, this.#options.unfinished?.()),
      clauses: collectClauses(cases),
      startedAt,
      durationMs: Math.max(0, Date.now() - startedAt.getTime()),
      ...(requests === undefined ? {} : { requests }),
    });
  }
}
