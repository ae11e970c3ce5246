/**
 * The shared google.longrunning / google.rpc components (specs/common.openapi.json), read once
 * through the specs layer and checked for the shape the validators compile from.
 */
import { isJsonObject } from '#base';
import { loadCommonDocument } from '#specs';
import { ValidatorError } from './validator-error.ts';

const FILE = 'specs/common.openapi.json';

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
  const file = FILE;
  let document: unknown;
  try {
    document = loadCommonDocument();
  } catch (cause) {
    throw new ValidatorError(`Cannot read the shared components at ${file}: restore the file.`, {
      cause,
    });
  }
  if (!isJsonObject(document) || !isJsonObject(document.components)) {
    throw new ValidatorError(`${file} has no components object: is it an OpenAPI document?`);
  }
  if (!isJsonObject(document.components.schemas)) {
    throw new ValidatorError(`${file} has no components.schemas object.`);
  }
  return document as CommonDocument;
}
