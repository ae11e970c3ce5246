/**
 * Compiles the JSON Schemas (2020-12, https://json-schema.org/draft/2020-12) that ship next to
 * the reports modules, and states their violations one per line.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default import is module.exports.
const addFormats =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule.default }).default ??
  (addFormatsModule as unknown as typeof addFormatsModule.default);

export function readJsonSchema(url: URL): Record<string, unknown> {
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** A validator for the schema at `url`, compiled on first use. */
export function lazyValidator(url: URL): () => ValidateFunction {
  let validator: ValidateFunction | undefined;
  return () => {
    if (validator === undefined) {
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      addFormats(ajv);
      validator = ajv.compile(readJsonSchema(url));
    }
    return validator;
  };
}

/** Schema violations as `<instance path> <message> <params>` lines; empty when valid. */
export function schemaViolations(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
}
