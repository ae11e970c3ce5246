/**
 * Reading JSON the way Google's clients read proto3 JSON
 * (https://protobuf.dev/programming-guides/json/): "null is an accepted value for all field types
 * and treated as the default value of the corresponding field type", and parsers "may provide an
 * option to ignore unknown fields", which Google's client libraries use. So `{"done": null}` is
 * `{}`, and key order never matters.
 */
import { isJsonObject } from '#base';

/** The value with every `null` object member removed, recursively (arrays keep their items). */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== null) out[key] = withoutNulls(member);
  }
  return out;
}

/** Deep equality of two JSON values, ignoring object key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameJson(item, b[index]))
    );
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
    );
  }
  return Object.is(a, b);
}
