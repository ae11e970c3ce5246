/**
 * Compares the operations methods of a Google Discovery document with a service document:
 * ids, HTTP methods, paths and flat paths, `name` patterns, request/response types, query
 * parameters, scopes, and the schemas those methods reference (discovery-schema-check.ts). Pure:
 * one difference per mismatch, naming both sides, so a drift between two revisions shows as a
 * list. The tests read the differences as sentences; `lro-conformance drift` classifies them.
 */
import { isJsonObject, type JsonObject } from '#base';
import { ABSENT, type DiscoveryDifference } from './discovery-difference.ts';
import {
  discoveryOperationsMethods,
  discoveryParameter,
  discoveryQueryParameters,
  typeOf,
} from './discovery-methods.ts';
import { discoverySchemaDifferences } from './discovery-schema-check.ts';
import {
  discoveryFlatPathForTemplate,
  discoveryPathForTemplate,
  discoveryPatternForBinding,
  namePatternForBinding,
  nameVariableOf,
} from './http-rule.ts';
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

type MethodAspect = Omit<DiscoveryDifference, 'subject' | 'file'>;

/** Every difference between the Discovery document and the service and common documents. */
export function discoveryDifferences(sides: CrossCheckSides): DiscoveryDifference[] {
  const theirs = discoveryOperationsMethods(sides.discovery);
  const ours = new Map(
    openApiOperations(sides.document).map((o) => [String(o.operation.operationId), o]),
  );
  const differences: DiscoveryDifference[] = [];
  for (const id of new Set([...theirs.keys(), ...ours.keys()])) {
    const method = theirs.get(id);
    const entry = ours.get(id);
    const aspects: MethodAspect[] =
      method !== undefined && entry !== undefined
        ? compareMethod(method, entry)
        : [
            {
              kind: 'operationId',
              aspect: 'operationId',
              discovery: method === undefined ? ABSENT : 'declared',
              document: entry === undefined ? ABSENT : 'declared',
            },
          ];
    for (const aspect of aspects) {
      if (aspect.discovery !== aspect.document)
        differences.push({ subject: id, file: sides.documentFile, ...aspect });
    }
  }
  const roots = [...theirs.values()].flatMap((method) => [
    refTypeName(method.request),
    refTypeName(method.response),
  ]);
  differences.push(
    ...discoverySchemaDifferences(sides.discovery, sides.common, sides.commonFile, roots),
  );
  return differences;
}

/** The differences as sentences naming both files. */
export function discoveryMismatches(sides: CrossCheckSides): string[] {
  return discoveryDifferences(sides).map(
    (d) =>
      `${d.subject}: Discovery ${sides.discoveryFile} says ${d.aspect} ${d.discovery}, ${d.file} says ${d.document}`,
  );
}

function compareMethod(
  method: JsonObject,
  { operation, pathKey, httpMethod }: OpenApiOperation,
): MethodAspect[] {
  const rule = isJsonObject(operation['x-google-http-rule']) ? operation['x-google-http-rule'] : {};
  const template = String(rule.template);
  const binding = nameVariableOf(template)?.binding;
  const theirPattern = String(discoveryParameter(method, 'name')?.pattern);
  // Discovery prints a final `**` loosely; its loose spelling names the same binding.
  const asTheyPrint = (pattern: string) =>
    binding !== undefined &&
    pattern === namePatternForBinding(binding) &&
    theirPattern === discoveryPatternForBinding(binding)
      ? theirPattern
      : pattern;
  const ourName = parametersIn(operation, 'path').get('name');
  // A `{name}` key mirrors Discovery's `path`; a flat key (checks' privacypolicy) its `flatPath`.
  const key =
    ourName === undefined
      ? `/${String(method.flatPath)}`
      : `/${String(method.path).replace('{+name}', '{name}')}`;
  const aspects: MethodAspect[] = [
    {
      kind: 'httpMethod',
      aspect: 'httpMethod',
      discovery: String(method.httpMethod),
      document: httpMethod,
    },
    {
      kind: 'path',
      aspect: 'path (x-google-http-rule in Discovery form)',
      discovery: String(method.path),
      document: discoveryPathForTemplate(template),
    },
    { kind: 'pathKey', aspect: 'path key', discovery: key, document: pathKey },
    {
      kind: 'namePattern',
      aspect: 'name pattern (of x-google-http-rule)',
      discovery: theirPattern,
      document: binding === undefined ? ABSENT : asTheyPrint(namePatternForBinding(binding)),
    },
    {
      kind: 'request',
      aspect: 'request',
      discovery: refTypeName(method.request) ?? ABSENT,
      document: requestTypeName(operation) ?? ABSENT,
    },
    {
      kind: 'response',
      aspect: 'response',
      discovery: refTypeName(method.response) ?? ABSENT,
      document: responseTypeName(operation) ?? ABSENT,
    },
  ];
  const flatPath = discoveryFlatPathForTemplate(template);
  if (typeof method.flatPath === 'string' && flatPath !== undefined) {
    aspects.push({
      kind: 'flatPath',
      aspect: 'flatPath (of x-google-http-rule)',
      discovery: method.flatPath,
      document: flatPath,
    });
  }
  if (ourName !== undefined) {
    aspects.push({
      kind: 'namePattern',
      aspect: 'name pattern',
      discovery: theirPattern,
      document: asTheyPrint(String(isJsonObject(ourName.schema) ? ourName.schema.pattern : ABSENT)),
    });
  }
  if (Array.isArray(method.scopes)) {
    const ourScopes = (securityScopes(operation) ?? []).sort().join(' ');
    aspects.push({
      kind: 'scopes',
      aspect: 'scopes',
      discovery: method.scopes.map(String).sort().join(' '),
      document: ourScopes || ABSENT,
    });
  }
  const ourQuery = parametersIn(operation, 'query');
  const theirQuery = discoveryQueryParameters(method);
  for (const name of new Set([...theirQuery.keys(), ...ourQuery.keys()])) {
    aspects.push({
      kind: 'queryParameter',
      aspect: `query parameter ${name}`,
      name,
      discovery: theirQuery.get(name) ?? ABSENT,
      document: typeOf(ourQuery.get(name)?.schema) ?? ABSENT,
    });
  }
  return aspects;
}
