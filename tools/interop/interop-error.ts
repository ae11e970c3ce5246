/**
 * A fault in the interop tests' own setup (a client library missing, a request that would leave
 * the machine), kept apart from what the reference answered so that a broken fixture is never read
 * as a finding about the reference.
 */
import { HarnessError } from '#base';

export class InteropSetupError extends HarnessError {
  override readonly name: string = 'InteropSetupError';
}

export function isInteropSetupError(value: unknown): value is InteropSetupError {
  return value instanceof InteropSetupError;
}
