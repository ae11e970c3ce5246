/**
 * Two JSON shapes the cancel clauses name, read as proto3 JSON (null members are unset): the
 * AIP-193 error envelope on its own, and google.protobuf.Empty's `{}`.
 */

import { isJsonObject } from '#base';
import { withoutNulls } from '../validators/index.ts';

/** An AIP-193 envelope: `{"error": {…, "status": …}}` and nothing beside it. */
export function isErrorEnvelope(json: unknown): boolean {
  const body = withoutNulls(json);
  return (
    isJsonObject(body) &&
    Object.keys(body).length === 1 &&
    isJsonObject(body.error) &&
    typeof body.error.status === 'string'
  );
}

/** `{}`: the JSON form of google.protobuf.Empty. */
export function isEmptyJsonObject(value: unknown): boolean {
  return isJsonObject(value) && Object.keys(value).length === 0;
}
