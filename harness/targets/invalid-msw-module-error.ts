/**
 * A handlers module for `--target msw:PATH` that cannot serve as a target: not found, not
 * importable, or not exporting what docs/MSW-TARGET.md asks for. The CLI checks the module before
 * the run and reports this as a usage error (exit 2); should the worker that runs the suites meet
 * it anyway, it is a HarnessError there (ERROR), never a conformance FAIL.
 */
import { HarnessError } from '#base';

export class InvalidMswModuleError extends HarnessError {
  /** The module as the user named it. */
  readonly source: string;

  constructor(source: string, problem: string, options?: ErrorOptions) {
    super(`--target msw:${source}: ${problem}`, options);
    this.source = source;
  }
}

export function isInvalidMswModuleError(error: unknown): error is InvalidMswModuleError {
  return error instanceof InvalidMswModuleError;
}
