/**
 * Walks the operations of an OpenAPI 3.1 document (OpenAPI 3.1.0 §4.8.9 Path Item Object) in
 * document order, which keeps every profile and every report deterministic.
 */
import { isJsonObject, type JsonObject } from '#base';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface OpenApiOperation {
  readonly pathKey: string;
  /** Upper case, as Discovery and the profiles spell it. */
  readonly httpMethod: string;
  readonly operation: JsonObject;
  /** `paths["/v1/{name}:cancel"].post`, for messages. */
  readonly where: string;
}

export function openApiOperations(document: unknown): OpenApiOperation[] {
  const paths = isJsonObject(document) && isJsonObject(document.paths) ? document.paths : {};
  const found: OpenApiOperation[] = [];
  for (const [pathKey, pathItem] of Object.entries(paths)) {
    if (!isJsonObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isJsonObject(operation)) continue;
      const where = `paths[${JSON.stringify(pathKey)}].${method}`;
      found.push({ pathKey, httpMethod: method.toUpperCase(), operation, where });
    }
  }
  return found;
}

/** The operation's parameters with `in` equal to `location` (path, query, …), by name. */
export function parametersIn(operation: JsonObject, location: string): Map<string, JsonObject> {
  const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
  const byName = new Map<string, JsonObject>();
  for (const parameter of parameters) {
    if (
      isJsonObject(parameter) &&
      parameter.in === location &&
      typeof parameter.name === 'string'
    ) {
      byName.set(parameter.name, parameter);
    }
  }
  return byName;
}

/** The last segment of a `$ref` (`../common.openapi.json#/components/schemas/Empty` → `Empty`). */
export function refTypeName(schema: unknown): string | undefined {
  if (!isJsonObject(schema) || typeof schema.$ref !== 'string') return undefined;
  return schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1);
}

/** The type name of the JSON request body, undefined when the operation takes none. */
export function requestTypeName(operation: JsonObject): string | undefined {
  const body = operation.requestBody;
  if (!isJsonObject(body) || !isJsonObject(body.content)) return undefined;
  const json = body.content['application/json'];
  return isJsonObject(json) ? refTypeName(json.schema) : undefined;
}

/** The type name of the 200 JSON response. */
export function responseTypeName(operation: JsonObject): string | undefined {
  const responses = isJsonObject(operation.responses) ? operation.responses : {};
  const ok = responses['200'];
  if (!isJsonObject(ok) || !isJsonObject(ok.content)) return undefined;
  const json = ok.content['application/json'];
  return isJsonObject(json) ? refTypeName(json.schema) : undefined;
}

/** Every scope any security requirement lists, deduplicated; undefined when `security` is absent. */
export function securityScopes(operation: JsonObject): string[] | undefined {
  if (!Array.isArray(operation.security)) return undefined;
  const scopes: string[] = [];
  for (const requirement of operation.security) {
    if (!isJsonObject(requirement)) continue;
    for (const listed of Object.values(requirement)) {
      if (!Array.isArray(listed)) continue;
      for (const scope of listed) {
        if (typeof scope === 'string' && !scopes.includes(scope)) scopes.push(scope);
      }
    }
  }
  return scopes;
}
