/**
 * What a clause expects of an error answer, checked by one assertion for all suites rather than
 * by status checks of their own: the error the clause declares (expected-error.ts), a consistent
 * AIP-193 envelope whatever the status, and a well-formed google.rpc.ErrorInfo in its `details`.
 * Fields AIP-193 does not define are ignored by Google's clients: worth a warning, not a FAIL.
 */
import { errorEnvelopeHasErrorInfo, formatViolations, withoutNulls } from '../validators/index.ts';
import type { ExpectedError } from './define-clause.ts';
import { checkErrorEnvelope, checkExpectedError } from './expected-error.ts';
import { isErrorEnvelope } from './json-shapes.ts';
import type { HttpResult } from './lro-client.ts';
import { fail } from './outcome-signal.ts';

/** The suite's view (members of the clause context). */
export interface ErrorAnswersView {
  /**
   * Checks an answer against the clause's declared `expectedError` (one assertion for all
   * suites). A 403 PERMISSION_DENIED to the absent-name probe is INCONCLUSIVE: permission comes
   * before existence (AIP-193).
   */
  expectDeclaredError(result: HttpResult): void;
  /**
   * Checks the refusal of a name outside the binding: one of the clause's declared errors, or a
   * 404 whose body is no AIP-193 envelope, which is how Google's front ends answer a path that no
   * binding routes (an HTML page): a rejection all the same.
   */
  expectNameRejected(result: HttpResult): void;
  /** Checks that an error answer, whatever its status, is a consistent AIP-193 envelope. */
  expectErrorEnvelope(result: HttpResult): void;
  /** Checks that an error answer's `details` carry a well-formed google.rpc.ErrorInfo (AIP-193). */
  expectErrorInfo(result: HttpResult): void;
}

export interface ClauseErrorAnswersOptions {
  readonly expectedError?: ExpectedError | readonly ExpectedError[] | undefined;
  readonly warn: (message: string) => void;
  /** Runs before a mismatch FAILs: may end the check otherwise (clause-probes.ts). */
  readonly beforeMismatch: (result: HttpResult) => void;
}

export function createClauseErrorAnswers(options: ClauseErrorAnswersOptions): ErrorAnswersView {
  const warnOnUnknownFields = (result: HttpResult) => {
    const { unknownFields } = checkErrorEnvelope(result);
    if (unknownFields.length > 0) {
      options.warn(
        `error envelope fields AIP-193 does not define (ignored): ${formatViolations(unknownFields)}`,
      );
    }
  };
  const expectDeclaredError = (result: HttpResult) => {
    const failure = checkExpectedError(result, options.expectedError);
    if (failure) {
      options.beforeMismatch(result);
      fail(failure);
    }
    warnOnUnknownFields(result);
  };
  return {
    expectDeclaredError,
    expectNameRejected: (result) => {
      if (result.status === 404 && !isErrorEnvelope(withoutNulls(result.json))) return;
      expectDeclaredError(result);
    },
    expectErrorEnvelope: (result) => {
      const { violations } = checkErrorEnvelope(result);
      if (violations.length > 0) {
        fail(
          `error answer ${result.status} is not a consistent AIP-193 envelope:\n${formatViolations(violations)}`,
        );
      }
      warnOnUnknownFields(result);
    },
    expectErrorInfo: (result) => {
      const violations = errorEnvelopeHasErrorInfo(withoutNulls(result.json));
      if (violations.length > 0) {
        fail(
          `error answer ${result.status} carries no well-formed google.rpc.ErrorInfo:\n${formatViolations(violations)}`,
          { rootCause: 'error-info-missing' },
        );
      }
    },
  };
}
