/**
 * Reads a request body the way Google's front ends do, tolerant of what real clients send
 * (google-gax, https://github.com/googleapis/gax-nodejs; googleapis, https://github.com/googleapis/google-api-nodejs-client): no body, `{}`, and the two-byte JSON string `""` that google-gax sends when the
 * HTTP rule has no `body`, each possibly padded with whitespace. Unknown fields and malformed JSON
 * are rejected with the front end's wording ("Invalid JSON payload received. Unknown name …"),
 * which is observed behaviour rather than a documented clause.
 */

/** A field of the request message that may appear in the body, with its JSON type check. */
export interface BodyField {
  /** Protobuf type named in the error message, e.g. `type.googleapis.com/google.protobuf.Duration`. */
  readonly type: string;
  readonly accepts: (value: unknown) => boolean;
}

export type BodyResult =
  | { readonly ok: true; readonly fields: Readonly<Record<string, unknown>> }
  | {
      readonly ok: false;
      readonly message: string;
      /** One description per offending field, for a google.rpc.BadRequest detail. */
      readonly violations: readonly { readonly field: string; readonly description: string }[];
    };

const PREFIX = 'Invalid JSON payload received.';

export function readRequestBody(
  body: string | undefined,
  knownFields: Readonly<Record<string, BodyField>>,
): BodyResult {
  if (body === undefined || body.trim() === '') return { ok: true, fields: {} };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return invalid([{ field: '', description: `${PREFIX} Unexpected token.` }]);
  }
  if (value === '') return { ok: true, fields: {} };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid([
      { field: '', description: `${PREFIX} Unknown name "": Root element must be a message.` },
    ]);
  }
  const fields = value as Record<string, unknown>;
  const violations: { field: string; description: string }[] = [];
  for (const [key, fieldValue] of Object.entries(fields)) {
    const known = knownFields[key];
    if (known === undefined) {
      violations.push({
        field: key,
        description: `${PREFIX} Unknown name "${key}": Cannot find field.`,
      });
    } else if (!known.accepts(fieldValue)) {
      violations.push({
        field: key,
        description: `Invalid value at '${key}' (${known.type}), ${JSON.stringify(fieldValue)}`,
      });
    }
  }
  return violations.length === 0 ? { ok: true, fields } : invalid(violations);
}

function invalid(violations: { field: string; description: string }[]): BodyResult {
  return { ok: false, message: violations.map((v) => v.description).join('\n'), violations };
}

export const STRING_FIELD: BodyField = {
  type: 'TYPE_STRING',
  accepts: (value) => typeof value === 'string',
};

/** google.protobuf.Duration in JSON: decimal seconds with an `s` suffix, e.g. `"3.5s"`. */
export const DURATION_FIELD: BodyField = {
  type: 'type.googleapis.com/google.protobuf.Duration',
  accepts: (value) => typeof value === 'string' && /^-?\d+(\.\d{1,9})?s$/.test(value),
};
