/**
 * A Discovery document could not be fetched, read or parsed. `lro-conformance drift` reports it
 * on its own line and exits 3, never as drift: a missing document says nothing about the API.
 */
export class DiscoveryUnavailableError extends Error {
  override readonly name = 'DiscoveryUnavailableError';
  readonly service: string;

  constructor(service: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.service = service;
  }
}

export function isDiscoveryUnavailableError(error: unknown): error is DiscoveryUnavailableError {
  return error instanceof DiscoveryUnavailableError;
}
