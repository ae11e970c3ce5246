/**
 * Why `runConformance` could not run (docs/API.md): the one-line message and the exit code the
 * CLI would have given for the same options (2 usage or configuration, 3 target unreachable;
 * docs/INTERPRETING.md). A run that happens never throws this: its verdict is in the results.
 */
export class ConformanceRunError extends Error {
  override readonly name = 'ConformanceRunError';
  /** The CLI's exit code for the same problem. */
  readonly exitCode: number;

  constructor(message: string, exitCode: number, options?: ErrorOptions) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

export function isConformanceRunError(error: unknown): error is ConformanceRunError {
  return error instanceof ConformanceRunError;
}
