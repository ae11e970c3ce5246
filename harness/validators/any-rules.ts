/**
 * google.protobuf.Any as Google's clients decode it from proto3 JSON
 * (https://protobuf.dev/programming-guides/json/): "an object containing a field `@type`", and for
 * an embedded well-known type with a special JSON form, "a field `value` which holds the custom
 * JSON". google-gax decodes through proto3-json-serializer, whose googleProtobufAnyFromProto3JSON
 * throws on either omission ("JSON serialization of google.protobuf.Any must contain @type
 * field"; "… must contain the value field" for the types listed below), so an Operation with such
 * an Any cannot be read by the official Node clients at all (tools/interop/gax-decoding-limits.test.ts).
 */
import { isJsonObject } from '#base';
import { describeValue, type Violation } from './violation.ts';

/** The well-known types proto3-json-serializer (and protobuf's json_format) wrap in `value`. */
const WRAPPED_IN_VALUE = new Set([
  'google.protobuf.Any',
  'google.protobuf.Duration',
  'google.protobuf.FieldMask',
  'google.protobuf.ListValue',
  'google.protobuf.Struct',
  'google.protobuf.Timestamp',
  'google.protobuf.Value',
]);

/** Violations of one Any found at `path` (absent or null Anys are unset, and fine). */
export function anyViolations(value: unknown, path: string): readonly Violation[] {
  if (value === undefined || !isJsonObject(value)) return [];
  const type = value['@type'];
  if (typeof type !== 'string' || type === '') {
    return [
      {
        rule: 'any-has-type',
        path: `${path}/@type`,
        message: `a google.protobuf.Any without @type (got ${describeValue(type)}): Google's clients cannot decode it`,
      },
    ];
  }
  const typeName = type.replace(/^.*\//, '');
  if (WRAPPED_IN_VALUE.has(typeName) && !('value' in value)) {
    return [
      {
        rule: 'any-well-known-type-has-value',
        path: `${path}/value`,
        message: `a google.protobuf.Any of ${typeName} carries its JSON form in "value", which is missing: Google's clients cannot decode it`,
      },
    ];
  }
  return [];
}

/** Every Any of an Operation: `metadata`, `response` and each entry of `error.details`. */
export function operationAnyViolations(operation: Record<string, unknown>): readonly Violation[] {
  const details =
    isJsonObject(operation.error) && Array.isArray(operation.error.details)
      ? operation.error.details
      : [];
  return [
    ...anyViolations(operation.metadata, '/metadata'),
    ...anyViolations(operation.response, '/response'),
    ...details.flatMap((entry: unknown, index) => anyViolations(entry, `/error/details/${index}`)),
  ];
}
