/**
 * Shared base of the errors reports/ throws, so the CLI can tell a broken results model or a
 * suite-metadata conflict from a test outcome with one `isReportsError` check.
 */
export class ReportsError extends Error {
  override readonly name: string = 'ReportsError';
}

export function isReportsError(error: unknown): error is ReportsError {
  return error instanceof ReportsError;
}
