/**
 * Compares the operations methods of a Google Discovery document with a service document:
 * ids, HTTP methods, paths, `name` patterns, request/response types, query parameters, scopes,
 * and that the shared schemas know every property Discovery lists. Pure: one message per
 * mismatch, naming both sides, so a drift between two revisions shows as a list.
 */
import {
  discoveryOperationsMethods,
  discoveryParameter,
  discoveryQueryParameters,
  discoverySchemas,
  typeOf,
} from './discovery-methods.ts';
import { discoveryPathForTemplate, namePatternForBinding, nameVariableOf } from './http-rule.ts';
import { isJsonObject, type JsonObject } from './json-access.ts';
import {
  type OpenApiOperation,
  openApiOperations,
  parametersIn,
  refTypeName,
  requestTypeName,
  responseTypeName,
  securityScopes,
} from './openapi-operations.ts';

export interface CrossCheckSides {
  readonly discovery: unknown;
  readonly discoveryFile: string;
  readonly document: unknown;
  readonly documentFile: string;
  readonly common: unknown;
  readonly commonFile: string;
}

/** One compared aspect: its name, what Discovery says, what the service document says. */
type Aspect = readonly [aspect: string, discovery: string, document: string];

const ABSENT = 'absent';

export function discoveryMismatches(sides: CrossCheckSides): string[] {
  const theirs = discoveryOperationsMethods(sides.discovery);
  const ours = new Map(
    openApiOperations(sides.document).map((o) => [String(o.operation.operationId), o]),
  );
  const say = (subject: string, [aspect, discovery, document]: Aspect, file = sides.documentFile) =>
    `${subject}: Discovery ${sides.discoveryFile} says ${aspect} ${discovery}, ${file} says ${document}`;
  const mismatches: string[] = [];
  for (const id of new Set([...theirs.keys(), ...ours.keys()])) {
    const method = theirs.get(id);
    const entry = ours.get(id);
    const aspects: Aspect[] =
      method !== undefined && entry !== undefined
        ? compareMethod(method, entry)
        : [
            [
              'operationId',
              method === undefined ? ABSENT : 'declared',
              entry === undefined ? ABSENT : 'declared',
            ],
          ];
    for (const aspect of aspects) if (aspect[1] !== aspect[2]) mismatches.push(say(id, aspect));
  }
  const types = [...theirs.values()].flatMap((method) => [
    refTypeName(method.request),
    refTypeName(method.response),
  ]);
  for (const [name, aspect] of schemaAspects(sides, types))
    mismatches.push(say(`schema ${name}`, aspect, sides.commonFile));
  return mismatches;
}

function compareMethod(
  method: JsonObject,
  { operation, pathKey, httpMethod }: OpenApiOperation,
): Aspect[] {
  const rule = isJsonObject(operation['x-google-http-rule']) ? operation['x-google-http-rule'] : {};
  const template = String(rule.template);
  const binding = nameVariableOf(template)?.binding;
  const theirPattern = String(discoveryParameter(method, 'name')?.pattern);
  const ourName = parametersIn(operation, 'path').get('name');
  // A `{name}` key mirrors Discovery's `path`; a flat key (checks' privacypolicy) its `flatPath`.
  const key =
    ourName === undefined
      ? `/${String(method.flatPath)}`
      : `/${String(method.path).replace('{+name}', '{name}')}`;
  const aspects: Aspect[] = [
    ['httpMethod', String(method.httpMethod), httpMethod],
    [
      'path (x-google-http-rule in Discovery form)',
      String(method.path),
      discoveryPathForTemplate(template),
    ],
    ['path key', key, pathKey],
    [
      'name pattern (of x-google-http-rule)',
      theirPattern,
      binding === undefined ? ABSENT : namePatternForBinding(binding),
    ],
    ['request', refTypeName(method.request) ?? ABSENT, requestTypeName(operation) ?? ABSENT],
    ['response', refTypeName(method.response) ?? ABSENT, responseTypeName(operation) ?? ABSENT],
  ];
  if (ourName !== undefined) {
    aspects.push([
      'name pattern',
      theirPattern,
      String(isJsonObject(ourName.schema) ? ourName.schema.pattern : ABSENT),
    ]);
  }
  if (Array.isArray(method.scopes)) {
    const ourScopes = (securityScopes(operation) ?? []).sort().join(' ');
    aspects.push(['scopes', method.scopes.map(String).sort().join(' '), ourScopes || ABSENT]);
  }
  const ourQuery = parametersIn(operation, 'query');
  const theirQuery = discoveryQueryParameters(method);
  for (const name of new Set([...theirQuery.keys(), ...ourQuery.keys()])) {
    aspects.push([
      `query parameter ${name}`,
      theirQuery.get(name) ?? ABSENT,
      typeOf(ourQuery.get(name)?.schema) ?? ABSENT,
    ]);
  }
  return aspects;
}

/**
 * Every property Discovery lists for the request and response types, and the types they refer
 * to, must exist in the shared schema of that name. The shared schemas may have more: they
 * follow the newest operations.proto, and older revisions lack fields such as `unreachable`.
 */
function schemaAspects(
  sides: CrossCheckSides,
  roots: readonly (string | undefined)[],
): [string, Aspect][] {
  const theirSchemas = discoverySchemas(sides.discovery);
  const components =
    isJsonObject(sides.common) && isJsonObject(sides.common.components)
      ? sides.common.components
      : {};
  const ourSchemas = isJsonObject(components.schemas) ? components.schemas : {};
  const missing: [string, Aspect][] = [];
  const pending = roots.filter((name) => name !== undefined);
  const seen = new Set<string>();
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    const theirs = theirSchemas[name];
    if (seen.has(name) || !isJsonObject(theirs) || !isJsonObject(theirs.properties)) continue;
    seen.add(name);
    const ours = ourSchemas[name];
    const ourProperties =
      isJsonObject(ours) && isJsonObject(ours.properties) ? ours.properties : {};
    for (const [property, value] of Object.entries(theirs.properties)) {
      if (ourProperties[property] === undefined)
        missing.push([name, [`property ${property}`, 'declared', ABSENT]]);
      const nested = isJsonObject(value)
        ? (refTypeName(value) ?? refTypeName(value.items))
        : undefined;
      if (nested !== undefined) pending.push(nested);
    }
  }
  return missing;
}
