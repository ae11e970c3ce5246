/**
 * Reads specs/common.openapi.json, the shared google.longrunning / google.rpc components, once.
 * Read with fs rather than through #specs so the validators do not wait on the specs barrel.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ValidatorError } from './validator-error.ts';
import { isRecord } from './violation.ts';

const COMMON_DOCUMENT_URL = new URL('../../specs/common.openapi.json', import.meta.url);

export interface CommonDocument {
  readonly components: { readonly schemas: Readonly<Record<string, unknown>> };
  readonly [key: string]: unknown;
}

let cached: CommonDocument | undefined;

export function readCommonDocument(): CommonDocument {
  cached ??= parseCommonDocument();
  return cached;
}

function parseCommonDocument(): CommonDocument {
  const file = fileURLToPath(COMMON_DOCUMENT_URL);
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ValidatorError(`Cannot read the shared components at ${file}: restore the file.`, {
      cause,
    });
  }
  if (!isRecord(document) || !isRecord(document.components)) {
    throw new ValidatorError(`${file} has no components object: is it an OpenAPI document?`);
  }
  if (!isRecord(document.components.schemas)) {
    throw new ValidatorError(`${file} has no components.schemas object.`);
  }
  return document as CommonDocument;
}
