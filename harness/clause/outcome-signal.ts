/**
 * How a check ends other than by passing. NOT_APPLICABLE and INCONCLUSIVE end a test early: the
 * harness turns them into a vitest skip with the outcome recorded in task meta (web-platform-tests'
 * PRECONDITION_FAILED and TIMEOUT play the same part). A ConformanceFailure is the only way to a
 * FAIL: anything else thrown while a test runs is a fault of the harness or of a suite (ERROR).
 * conformance-test.ts turns each of them into the cell's judgement.
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

export interface FindingOptions {
  /** Shared by findings with one cause, so reports group them (`cancel-refused-400`, …). */
  readonly rootCause?: string;
}

/** A conformance failure: the target contradicted the clause. */
export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
  readonly rootCause: string | undefined;

  constructor(message: string, options: FindingOptions = {}) {
    super(message);
    this.rootCause = options.rootCause;
  }
}

export function isConformanceFailure(error: unknown): error is ConformanceFailure {
  return error instanceof ConformanceFailure;
}

/** The signals a suite gives (members of the clause context). */
export interface OutcomeSignals {
  fail(message: string, options?: FindingOptions): never;
  notApplicable(reason: string): never;
  inconclusive(reason: string): never;
}

/** Ends the check in FAIL: the target contradicted the clause. */
export function fail(message: string, options?: FindingOptions): never {
  throw new ConformanceFailure(message, options);
}

/** Ends the check in NOT_APPLICABLE: the clause has nothing to check on this target. */
export function notApplicable(reason: string): never {
  throw new OutcomeSignal('NOT_APPLICABLE', reason);
}

/** Ends the check in INCONCLUSIVE: the observation needed did not happen. */
export function inconclusive(reason: string): never {
  throw new OutcomeSignal('INCONCLUSIVE', reason);
}
