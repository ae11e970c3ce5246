/**
 * The JSON Schemas (2020-12, https://json-schema.org/draft/2020-12) that ship next to the reports
 * modules, and their violations one per line. The validators themselves are compiled ahead of
 * time (reports/generated/, written by tools/generate/report-validators.ts).
 */
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';

export function readJsonSchema(url: URL): Record<string, unknown> {
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** Schema violations as `<instance path> <message> <params>` lines; empty when valid. */
export function schemaViolations(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
}
