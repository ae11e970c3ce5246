/**
 * Credentials could not be set up or used: a bad `--header`, no Application Default Credentials,
 * a token endpoint that refused. Its message is one line that says what to set up, holds no
 * token and no stack trace, and carries no `cause` (a library error keeps the request it made,
 * token included). At start-up the CLI reports it as a usage or configuration error (exit 2);
 * during a run it is a HarnessError, so the cell is ERROR, never FAIL.
 */
import { HarnessError } from '#base';
import { redactText } from '#reports';

/** `usage`: the flags are wrong (exit 2); `credentials`: the credentials could not be used. */
export type AuthSetupErrorKind = 'usage' | 'credentials';

export class AuthSetupError extends HarnessError {
  readonly kind: AuthSetupErrorKind;

  constructor(message: string, kind: AuthSetupErrorKind = 'credentials') {
    super(redactText(message));
    this.kind = kind;
  }
}

export function isAuthSetupError(error: unknown): error is AuthSetupError {
  return error instanceof AuthSetupError;
}
