/**
 * Reads the operations methods of a Google Discovery document (format:
 * https://developers.google.com/discovery/v1/reference/apis): every method of every resource
 * named `operations`, at any depth, and of the resources nested in it (Ad Manager's runs live in
 * `networks.operations.reports.runs`), keyed by method id.
 */
import { isJsonObject, type JsonObject } from '#base';

export function discoveryOperationsMethods(discovery: unknown): Map<string, JsonObject> {
  const found = new Map<string, JsonObject>();
  const walk = (resources: unknown, underOperations: boolean) => {
    if (!isJsonObject(resources)) return;
    for (const [name, resource] of Object.entries(resources)) {
      if (!isJsonObject(resource)) continue;
      const operations = underOperations || name === 'operations';
      if (operations && isJsonObject(resource.methods)) {
        for (const method of Object.values(resource.methods)) {
          if (isJsonObject(method)) found.set(String(method.id), method);
        }
      }
      walk(resource.resources, operations);
    }
  };
  walk(isJsonObject(discovery) ? discovery.resources : undefined, false);
  return found;
}

export function discoveryParameter(method: JsonObject, name: string): JsonObject | undefined {
  const parameters = isJsonObject(method.parameters) ? method.parameters : {};
  const found = parameters[name];
  return isJsonObject(found) ? found : undefined;
}

/** Query parameters by name, each as `typeOf` spells it. */
export function discoveryQueryParameters(method: JsonObject): Map<string, string> {
  const parameters = isJsonObject(method.parameters) ? method.parameters : {};
  const query = new Map<string, string>();
  for (const [name, value] of Object.entries(parameters)) {
    if (isJsonObject(value) && value.location === 'query') query.set(name, typeOf(value) ?? '?');
  }
  return query;
}

/** `integer/int32`, `string`: one spelling for a Discovery parameter and a JSON Schema. */
export function typeOf(schema: unknown): string | undefined {
  if (!isJsonObject(schema) || typeof schema.type !== 'string') return undefined;
  return typeof schema.format === 'string' ? `${schema.type}/${schema.format}` : schema.type;
}

export function discoverySchemas(discovery: unknown): JsonObject {
  return isJsonObject(discovery) && isJsonObject(discovery.schemas) ? discovery.schemas : {};
}
