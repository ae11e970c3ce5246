/**
 * Thrown when the behaviour model is configured or driven wrongly (an unknown service id, an unknown
 * scenario, a name template it cannot mint names from). Wire-level mistakes by clients are never
 * thrown: they become AIP-193 error responses.
 */
import { ReferenceImplementationError } from '../reference-error.ts';

export class ReferenceModelError extends ReferenceImplementationError {
  override readonly name = 'ReferenceModelError';
}
