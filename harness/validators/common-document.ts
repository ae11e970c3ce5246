/**
 * The shared google.longrunning / google.rpc components (specs/common.openapi.json), read once
 * through the specs layer as the harness reads them (no null alternatives, unknown fields closed
 * so that they can be reported as warnings: specs/common-document-view.ts), and checked for the
 * shape the validators compile from.
 */
import { HarnessError, isJsonObject } from '#base';
import { commonDocumentAsRead, loadCommonDocument } from '#specs';

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
    document = commonDocumentAsRead(loadCommonDocument());
  } catch (cause) {
    throw new HarnessError(`Cannot read the shared components at ${file}: restore the file.`, {
      code: 'DATA',
      cause,
    });
  }
  if (!isJsonObject(document) || !isJsonObject(document.components)) {
    throw new HarnessError(`${file} has no components object: is it an OpenAPI document?`, {
      code: 'DATA',
    });
  }
  if (!isJsonObject(document.components.schemas)) {
    throw new HarnessError(`${file} has no components.schemas object.`, { code: 'DATA' });
  }
  return document as CommonDocument;
}
