/**
 * Verdicts that are neither pass nor fail end a test early: the harness turns them into a
 * vitest skip with the outcome recorded in task meta (web-platform-tests' PRECONDITION_FAILED
 * and TIMEOUT play the same part).
 */
export class OutcomeSignal extends Error {
  override readonly name = 'OutcomeSignal';
  readonly outcome: 'NOT_APPLICABLE' | 'INCONCLUSIVE';

  constructor(outcome: 'NOT_APPLICABLE' | 'INCONCLUSIVE', message: string) {
    super(message);
    this.outcome = outcome;
  }
}

export function isOutcomeSignal(error: unknown): error is OutcomeSignal {
  return error instanceof OutcomeSignal;
}

/** A conformance failure the harness states itself (vitest's expect throws its own). */
export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
}
