/**
 * The shared google.longrunning / google.rpc components (specs/common.openapi.json), read once
 * through the specs layer and checked for the shape the validators compile from.
 */
import { loadCommonDocument } from '#specs';
import { HarnessError } from '../../base/errors.ts';
import { isRecord } from './violation.ts';

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
    throw new HarnessError(`Cannot read the shared components at ${file}: restore the file.`, {
      code: 'DATA',
      cause,
    });
  }
  if (!isRecord(document) || !isRecord(document.components)) {
    throw new HarnessError(`${file} has no components object: is it an OpenAPI document?`, {
      code: 'DATA',
    });
  }
  if (!isRecord(document.components.schemas)) {
    throw new HarnessError(`${file} has no components.schemas object.`, { code: 'DATA' });
  }
  return document as CommonDocument;
}
