/**
 * Typed reads of a parsed JSON document. Every failure throws a SpecsDocumentError that names
 * the file and the field, so a malformed service document points at its own mistake.
 */
import { isJsonObject, type JsonObject } from '#base';
import { SpecsDocumentError } from './specs-document-error.ts';

export class DocumentReader {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  fail(where: string, problem: string): never {
    throw new SpecsDocumentError(this.file, where, problem);
  }

  object(value: unknown, where: string, expected: string): JsonObject {
    if (isJsonObject(value)) return value;
    return this.fail(where, `${describe(value)}; expected an object: ${expected}`);
  }

  string(parent: JsonObject, key: string, where: string, expected: string): string {
    const value = parent[key];
    if (typeof value === 'string' && value !== '') return value;
    return this.fail(where, `${describe(value)}; expected a non-empty string: ${expected}`);
  }

  optionalString(parent: JsonObject, key: string, where: string): string | undefined {
    return parent[key] === undefined
      ? undefined
      : this.string(parent, key, where, 'or leave it out');
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  return `found ${JSON.stringify(value)?.slice(0, 60) ?? typeof value}`;
}
