/**
 * Helpers shared by the specs tests: edited copies of parsed documents. Not exported from the
 * barrel; test-only.
 */
export const UNSET = Symbol('unset');

/** A deep copy of `document` with the value at `path` replaced, or removed for UNSET. */
export function edited(document: unknown, path: readonly string[], value: unknown): unknown {
  const copy = structuredClone(document);
  let parent = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path.at(-1) ?? '';
  if (value === UNSET) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** A deep copy of `document` with the operation at `from` moved to `to` (path key, method). */
export function moved(
  document: unknown,
  from: readonly [string, string],
  to: readonly [string, string],
): unknown {
  const copy = structuredClone(document) as { paths: Record<string, Record<string, unknown>> };
  const source = copy.paths[from[0]] ?? {};
  const operation = source[from[1]];
  delete source[from[1]];
  copy.paths[to[0]] = { ...copy.paths[to[0]], [to[1]]: operation };
  return copy;
}
