/**
 * Base class of the errors the reference implementation throws for its own faults (bad options,
 * a port already in use). They are harness faults, never conformance results: a test that meets one
 * reports ERROR (docs/INTERPRETING.md).
 */
export class ReferenceImplementationError extends Error {
  override readonly name: string = 'ReferenceImplementationError';
}

export function isReferenceImplementationError(
  value: unknown,
): value is ReferenceImplementationError {
  return value instanceof ReferenceImplementationError;
}
