/**
 * The stable rule ids a Violation can carry, each with the documented source it checks.
 * Sources: googleapis google/longrunning/operations.proto, google/rpc/status.proto,
 * google/rpc/code.proto, and AIP-193 (https://google.aip.dev/193).
 */
export const VALIDATION_RULES = {
  schema: 'The body matches its schema in specs/common.openapi.json.',
  'unknown-field':
    'A field the message does not define. The proto3 JSON mapping ignores unknown fields, so this is a warning, never a violation of a clause.',
  'operation-running-has-no-result':
    'operations.proto: while `done` is false (or absent) neither `error` nor `response` is set.',
  'operation-done-has-at-most-one-result':
    'operations.proto: when `done` is true at most one of `error` and `response` is set.',
  'operation-error-code-is-rpc-code':
    'Operation.error.code is a google.rpc.Code number (code.proto, 0..16), never an HTTP status.',
  'operation-error-code-is-not-ok':
    'A done Operation with an error carries a non-zero code: code.proto\'s OK (0, also what an omitted code means in proto3 JSON) is "not an error".',
  'any-has-type':
    'proto3 JSON mapping: a google.protobuf.Any is an object with an `@type` field; google-gax cannot decode one without it.',
  'any-well-known-type-has-value':
    'proto3 JSON mapping: an Any of a well-known type with a special JSON form (Duration, Timestamp, Struct, …) carries it in `value`; google-gax cannot decode one without it.',
  'status-code-is-rpc-code': 'status.proto: `code` is an enum value of google.rpc.Code (0..16).',
  'envelope-code-equals-http-status':
    'AIP-193 HTTP/1.1+JSON: `error.code` is the HTTP status code of the response.',
  'envelope-status-matches-http-status':
    'AIP-193: `error.status` is the google.rpc.Code name, which code.proto maps to the HTTP status.',
  'envelope-has-error-info':
    'AIP-193 (advisory here): `error.details` carries a well-formed google.rpc.ErrorInfo.',
} as const;

export type ValidationRuleId = keyof typeof VALIDATION_RULES;
