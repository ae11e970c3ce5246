/**
 * Errors the CLI reports as one line and an exit code, never a stack trace, and the exit codes
 * themselves: the contract of docs/INTERPRETING.md.
 */
import type { Verdict } from '#reports';

/** Every applicable MUST cell passed. */
export const EXIT_CONFORMANT = 0;
/** A scored cell FAILed: the target contradicts its documentation. */
export const EXIT_NOT_CONFORMANT = 1;
/** Bad flags, unknown services or clauses, inconsistent options, a missing control endpoint. */
export const EXIT_USAGE = 2;
/** The target could not be reached, or a scored check could not be carried out (ERROR). */
export const EXIT_HARNESS = 3;
/** Nothing failed, but a scored cell stayed INCONCLUSIVE: the run proves nothing either way. */
export const EXIT_NOT_VERIFIED = 4;
/** The run was interrupted (SIGINT/SIGTERM), as shells report 128 + SIGINT. */
export const EXIT_INTERRUPTED = 130;

export const EXIT_CODE_OF_VERDICT: Readonly<Record<Verdict, number>> = {
  conformant: EXIT_CONFORMANT,
  'not-conformant': EXIT_NOT_CONFORMANT,
  'harness-error': EXIT_HARNESS,
  'not-verified': EXIT_NOT_VERIFIED,
  interrupted: EXIT_INTERRUPTED,
};

export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: number;

  constructor(message: string, exitCode: number, options?: ErrorOptions) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}

/** Bad flags, unknown services or clauses, inconsistent options: exit 2. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}

/** The target or its control endpoint cannot be reached: exit 3. */
export function unreachableError(message: string, cause?: unknown): CliError {
  return new CliError(message, EXIT_HARNESS, { cause });
}
