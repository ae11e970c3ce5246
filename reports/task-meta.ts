/**
 * What a conformance test carries in vitest's task meta (`testCase.meta()`), the only channel
 * from the suites to the reporters. Set by the harness, read by reports/.
 */
import type { CancelSupport, ClauseInfo, Exchange, Outcome } from './results-model.ts';

export interface ConformanceTaskMeta {
  readonly clause: ClauseInfo;
  readonly service: string;
  /**
   * The harness's judgement of the cell (harness/clause/conformance-test.ts); a test that failed
   * without one is ERROR, a fault of the harness (collect-results.ts).
   */
  outcome?: Outcome;
  message?: string;
  warnings?: string[];
  evidence?: Exchange[];
  rootCause?: string;
  cancelSupport?: CancelSupport;
  /** Requests sent for the service when the test ended, retries included (live runs' budget). */
  requestsSent?: number;
}

declare module 'vitest' {
  interface TaskMeta {
    lro?: ConformanceTaskMeta;
  }
}
