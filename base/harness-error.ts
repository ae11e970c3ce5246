/**
 * A fault of the harness or of the target's plumbing (unreachable target, failing control
 * endpoint, no handler): reported as ERROR, never as a conformance FAIL (docs/INTERPRETING.md).
 * The reporters recognise it by its name.
 */
export class HarnessError extends Error {
  override readonly name = 'HarnessError';
}

export function isHarnessError(error: unknown): error is HarnessError {
  return error instanceof Error && error.name === 'HarnessError';
}

/** The target's base URL or control endpoint could not be reached at all. */
export class TargetUnreachableError extends HarnessError {
  readonly url: string;

  constructor(url: string, options?: ErrorOptions) {
    const reason = options?.cause instanceof Error ? `: ${describeCause(options.cause)}` : '';
    super(`cannot reach ${url}${reason}`, options);
    this.url = url;
  }
}

function describeCause(cause: Error): string {
  const code = (cause.cause as { code?: string } | undefined)?.code;
  return code ? `${cause.message} (${code})` : cause.message;
}
