/**
 * Errors the CLI reports as one line and an exit code, never a stack trace. The exit codes are
 * the contract of docs/INTERPRETING.md.
 */
export const EXIT_CONFORMANT = 0;
export const EXIT_MUST_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNREACHABLE = 3;

export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: number;

  constructor(message: string, exitCode: number, options?: ErrorOptions) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

/** Bad flags, unknown services or clauses, inconsistent options: exit 2. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}

/** The target or its control endpoint cannot be reached: exit 3. */
export function unreachableError(message: string, cause?: unknown): CliError {
  return new CliError(message, EXIT_UNREACHABLE, { cause });
}
