/**
 * A path template that cannot be expanded with the values given: a value is missing, empty, or
 * does not fit its variable's segments template. Thrown by `expandPath`; the message names the
 * template, the variable and a value that would fit.
 */
import { HarnessError } from '#base';

export class PathExpansionError extends HarnessError {
  override readonly name: string = 'PathExpansionError';
  /** The template being expanded. */
  readonly template: string;
  /** The variable at fault, when there is one (`name`, `parent.name`). */
  readonly variable: string | undefined;

  constructor(
    template: string,
    variable: string | undefined,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`Cannot expand path template ${JSON.stringify(template)}: ${problem}`, {
      ...options,
      code: 'DATA',
    });
    this.template = template;
    this.variable = variable;
  }
}

export function isPathExpansionError(error: unknown): error is PathExpansionError {
  return error instanceof PathExpansionError;
}
