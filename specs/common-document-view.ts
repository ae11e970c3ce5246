/**
 * specs/common.openapi.json is published as open as the suite's rules: null for an unset field
 * and unknown fields (a legacy `errors` array, an extra Operation field) are accepted, as the
 * proto3 JSON mapping and Google's clients accept them, so a standard OpenAPI validator fed the
 * documents accepts every answer the suite calls conformant. The harness reads the same
 * document differently: its validators see bodies after `withoutNulls` and report unknown fields
 * as warnings, so they compile this view of it, where the null alternatives are gone and every
 * schema marked `x-lro-conformance-unknown-fields: warning` is closed (`additionalProperties:
 * false`), which is how an unknown field is found. The generated TypeScript types use it too.
 */
import { isJsonObject } from '#base';

export const UNKNOWN_FIELDS_MARK = 'x-lro-conformance-unknown-fields';

/** The document as the harness's validators and types read it (a new object). */
export function commonDocumentAsRead(document: unknown): unknown {
  if (Array.isArray(document)) return document.map(commonDocumentAsRead);
  if (!isJsonObject(document)) return document;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    if (key === UNKNOWN_FIELDS_MARK) continue;
    out[key] = commonDocumentAsRead(value);
  }
  if (document[UNKNOWN_FIELDS_MARK] === 'warning') out.additionalProperties = false;
  const type = out.type;
  if (Array.isArray(type) && type.includes('null')) {
    const rest = type.filter((each) => each !== 'null');
    out.type = rest.length === 1 ? rest[0] : rest;
  }
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.some(isNullSchema)) {
    const rest = anyOf.filter((each) => !isNullSchema(each));
    delete out.anyOf;
    if (rest.length === 1 && isJsonObject(rest[0])) return { ...out, ...rest[0] };
    out.anyOf = rest;
  }
  return out;
}

function isNullSchema(schema: unknown): boolean {
  return isJsonObject(schema) && schema.type === 'null' && Object.keys(schema).length === 1;
}
