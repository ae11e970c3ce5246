/** Thrown when the reference HTTP server cannot start (port in use, bad host). */
import { ReferenceImplementationError } from './reference-error.ts';

export class ReferenceServerError extends ReferenceImplementationError {
  override readonly name = 'ReferenceServerError';
}
