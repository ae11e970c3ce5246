/**
 * A JSON document under specs/ (a service document, the shared components, a seed or a Discovery
 * copy) is missing, unreadable or lacks an `x-google-*` extension the loader needs. The message
 * names the file and the place, and says what to write there (specs/README.md lists them all).
 */
import { HarnessError } from '#base';

export class SpecsDocumentError extends HarnessError {
  override readonly name: string = 'SpecsDocumentError';
  /** The file as shown to people: repository-relative when it lies in this repository. */
  readonly file: string;
  /** Where in the document, e.g. `x-google-service.host`; empty for the whole file. */
  readonly where: string;
  /** What is wrong there and how to fix it, without the file and the place. */
  readonly problem: string;

  constructor(file: string, where: string, problem: string, options?: ErrorOptions) {
    const place = where === '' ? file : `${file} at ${where}`;
    super(`${place}: ${problem} (specs/README.md describes every x-google-* extension)`, {
      ...options,
      code: 'DATA',
    });
    this.file = file;
    this.where = where;
    this.problem = problem;
  }
}

export function isSpecsDocumentError(value: unknown): value is SpecsDocumentError {
  return value instanceof SpecsDocumentError;
}
