/**
 * Reads the operations methods of a Google Discovery document (format:
 * https://developers.google.com/discovery/v1/reference/apis): every method of every resource
 * named `operations`, at any depth, and of the resources nested in it (Ad Manager's runs live in
 * `networks.operations.reports.runs`), keyed by method id. The resources are walked with a stack
 * of our own, not by recursion: a document is input, and one nested 100,000 deep overflowed the
 * call stack.
 */
import { isJsonObject, type JsonObject } from '#base';

export function discoveryOperationsMethods(discovery: unknown): Map<string, JsonObject> {
  const found = new Map<string, JsonObject>();
  // Depth first, each resource before the ones nested in it, as a recursive walk would go.
  const pending: { resources: unknown; underOperations: boolean }[] = [
    {
      resources: isJsonObject(discovery) ? discovery.resources : undefined,
      underOperations: false,
    },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (!isJsonObject(next.resources)) continue;
    const nested: typeof pending = [];
    for (const [name, resource] of Object.entries(next.resources)) {
      if (!isJsonObject(resource)) continue;
      const operations = next.underOperations || name === 'operations';
      if (operations && isJsonObject(resource.methods)) {
        for (const method of Object.values(resource.methods)) {
          if (isJsonObject(method)) found.set(String(method.id), method);
        }
      }
      nested.push({ resources: resource.resources, underOperations: operations });
    }
    pending.push(...nested.reverse());
  }
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
