/**
 * Shared base of the errors this module throws, so callers can tell a bad template or a bad
 * value (a harness or profile fault) from anything else with one `isPathTemplateError` check.
 */
export class PathTemplateError extends Error {
  override readonly name: string = 'PathTemplateError';
}

export function isPathTemplateError(error: unknown): error is PathTemplateError {
  return error instanceof PathTemplateError;
}
