/**
 * A fault of the validators themselves (unreadable shared components, a schema that does not
 * compile, a bad argument). It is a harness ERROR, never a conformance failure
 * (docs/INTERPRETING.md), so it is thrown rather than returned as a Violation.
 */
export class ValidatorError extends Error {
  override readonly name = 'ValidatorError';
}

export function isValidatorError(value: unknown): value is ValidatorError {
  return value instanceof ValidatorError;
}
