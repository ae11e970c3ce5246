/**
 * AIP-193 (https://google.aip.dev/193) asks every error to carry a google.rpc.ErrorInfo
 * (google/rpc/error_details.proto) in `error.details`. Kept apart from validateErrorEnvelope
 * because the suite scores it as advisory (SHOULD), not as a MUST.
 */
import { isJsonObject } from '#base';
import { ERROR_INFO_TYPE } from '#specs';
import { schemaViolations } from './schema-violations.ts';
import { describeValue, type Violation } from './violation.ts';

const RULE = 'envelope-has-error-info';

/** Whether `error.details` holds an ErrorInfo, and every ErrorInfo there is well formed. */
export function errorEnvelopeHasErrorInfo(body: unknown): readonly Violation[] {
  if (!isJsonObject(body) || !isJsonObject(body.error)) {
    return [missing('/error', `body has no error object (got ${describeValue(body)})`)];
  }
  const { details } = body.error;
  if (!Array.isArray(details)) {
    return [missing('/error/details', `error.details is ${describeValue(details)}, not an array`)];
  }
  const infos = details.flatMap((entry: unknown, index) =>
    isJsonObject(entry) && entry['@type'] === ERROR_INFO_TYPE ? [{ entry, index }] : [],
  );
  if (infos.length === 0) {
    const types = details.map((entry: unknown) =>
      isJsonObject(entry) ? describeValue(entry['@type']) : describeValue(entry),
    );
    const found = types.length > 0 ? `it holds ${types.join(', ')}` : 'it is empty';
    return [missing('/error/details', `error.details has no @type ${ERROR_INFO_TYPE}; ${found}`)];
  }
  return infos.flatMap(({ entry, index }) =>
    schemaViolations('ErrorInfo', entry, `/error/details/${index}`),
  );
}

function missing(path: string, message: string): Violation {
  return { rule: RULE, path, message };
}
