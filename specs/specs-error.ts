/**
 * Base class of every error thrown by specs/: a fault in the service data or in reading it. The
 * harness reports it as ERROR (docs/INTERPRETING.md), never as a conformance failure.
 */
export class SpecsError extends Error {
  override name = 'SpecsError';
}

export function isSpecsError(value: unknown): value is SpecsError {
  return value instanceof SpecsError;
}
