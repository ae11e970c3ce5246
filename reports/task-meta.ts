/**
 * What a conformance test carries in vitest's task meta (`testCase.meta()`), the only channel
 * from the suites to the reporters. Set by the harness, read by reports/.
 */
import type { ClauseInfo, Exchange, Outcome } from './results-model.ts';

export interface ConformanceTaskMeta {
  readonly clause: ClauseInfo;
  readonly service: string;
  /** Set by the harness when the verdict is not plain pass/fail (NOT_APPLICABLE, INCONCLUSIVE, ERROR, FAIL). */
  outcome?: Outcome;
  message?: string;
  warnings?: string[];
  evidence?: Exchange[];
}

declare module 'vitest' {
  interface TaskMeta {
    lro?: ConformanceTaskMeta;
  }
}
