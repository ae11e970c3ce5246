/**
 * Compares the schemas a Discovery document's operations methods reference with the shared
 * components of specs/common.openapi.json (Discovery's schema format:
 * https://developers.google.com/discovery/v1/reference/apis#resource). Every property Discovery
 * lists must exist in the shared schema of that name; the shared schemas may have more, since
 * they follow the newest operations.proto and older revisions lack fields such as `unreachable`.
 * The four schemas the suite's checks rest on must match exactly, property types included.
 */
import { isJsonObject, type JsonObject } from '#base';
import { ABSENT, type DiscoveryDifference } from './discovery-difference.ts';
import { discoverySchemas, typeOf } from './discovery-methods.ts';
import { refTypeName } from './openapi-operations.ts';

/** The schemas the clauses and validators rely on: what cancel and get send and answer. */
export const RELIED_ON_SCHEMAS: readonly string[] = [
  'Operation',
  'Status',
  'Empty',
  'CancelOperationRequest',
];

export function discoverySchemaDifferences(
  discovery: unknown,
  common: unknown,
  commonFile: string,
  roots: readonly (string | undefined)[],
): DiscoveryDifference[] {
  const theirSchemas = discoverySchemas(discovery);
  const components =
    isJsonObject(common) && isJsonObject(common.components) ? common.components : {};
  const ourSchemas = isJsonObject(components.schemas) ? components.schemas : {};
  const differences: DiscoveryDifference[] = [];
  const differ = (
    schema: string,
    name: string,
    kind: DiscoveryDifference['kind'],
    sides: [string, string],
  ) =>
    differences.push({
      subject: `schema ${schema}`,
      schema,
      name,
      kind,
      aspect: kind === 'schemaProperty' ? `property ${name}` : `property ${name} type`,
      discovery: sides[0],
      document: sides[1],
      file: commonFile,
    });
  const pending = roots.filter((name) => name !== undefined);
  const seen = new Set<string>();
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    const theirs = theirSchemas[name];
    if (seen.has(name) || !isJsonObject(theirs) || !isJsonObject(theirs.properties)) continue;
    seen.add(name);
    const ours = ourSchemas[name];
    const ourProperties =
      isJsonObject(ours) && isJsonObject(ours.properties) ? ours.properties : {};
    const exact = RELIED_ON_SCHEMAS.includes(name);
    for (const [property, value] of Object.entries(theirs.properties)) {
      const our = ourProperties[property];
      if (our === undefined) differ(name, property, 'schemaProperty', ['declared', ABSENT]);
      else if (exact) {
        const kinds: [string, string] = [
          discoveryKind(value),
          documentKind(our, ourSchemas, theirSchemas),
        ];
        if (kinds[0] !== kinds[1]) differ(name, property, 'schemaPropertyType', kinds);
      }
      const nested = isJsonObject(value)
        ? (refTypeName(value) ?? refTypeName(value.items))
        : undefined;
      if (nested !== undefined) pending.push(nested);
    }
    if (!exact) continue;
    for (const property of Object.keys(ourProperties)) {
      if (theirs.properties[property] === undefined)
        differ(name, property, 'schemaProperty', [ABSENT, 'declared']);
    }
  }
  return differences;
}

/** `string`, `integer/int32`, `Status` (a reference), `array of object`. */
function discoveryKind(property: unknown): string {
  if (!isJsonObject(property)) return 'unknown';
  const ref = typeof property.$ref === 'string' ? property.$ref : undefined;
  if (ref !== undefined) return ref;
  if (property.type === 'array') return `array of ${discoveryKind(property.items)}`;
  return typeOf(property) ?? 'unknown';
}

/**
 * The same spelling for a JSON Schema property. A reference to a schema Discovery also names
 * stays a name; any other (`Any`, which Discovery writes inline as an object) is resolved.
 */
function documentKind(property: unknown, ours: JsonObject, theirs: JsonObject, depth = 0): string {
  if (!isJsonObject(property) || depth > 4) return 'unknown';
  const ref = refTypeName(property);
  if (ref !== undefined) {
    return theirs[ref] !== undefined ? ref : documentKind(ours[ref], ours, theirs, depth + 1);
  }
  if (property.type === 'array')
    return `array of ${documentKind(property.items, ours, theirs, depth + 1)}`;
  return typeOf(property) ?? 'unknown';
}
