/**
 * A JSON object as `JSON.parse` gives one: not null, not an array. The one guard every reader of
 * parsed bodies, documents and results uses before it looks at a key.
 */
export type JsonObject = { readonly [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
