/**
 * Two different ClauseInfo values claim the same id. The id is the suite file path (test262's
 * "the path is the result id"), so this means clause metadata was copied into another suite
 * file without its id being changed.
 */
import { ReportsError } from './reports-error.ts';

export class ClauseConflictError extends ReportsError {
  override readonly name = 'ClauseConflictError';
  readonly clauseId: string;

  constructor(clauseId: string) {
    super(
      `Two suites declare different metadata under the clause id "${clauseId}". ` +
        'A clause id is its suite file path under suites/ without ".test.ts": give the copied ' +
        'clause the id of the file that declares it.',
    );
    this.clauseId = clauseId;
  }
}

export function isClauseConflictError(error: unknown): error is ClauseConflictError {
  return error instanceof ClauseConflictError;
}
