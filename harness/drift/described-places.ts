/**
 * The descriptions of a Discovery document that clauses may quote: those of the operations
 * methods and of the schemas the checks rest on, with their properties
 * (https://developers.google.com/discovery/v1/reference/apis, `description` fields). A place's
 * kind is the same in every service's document (`cancel method`, `schema Operation.done`), so a
 * sentence found at a kind in one document is looked for at that kind in another.
 */
import {
  discoveryOperationsMethods,
  discoverySchemas,
  isJsonObject,
  RELIED_ON_SCHEMAS,
} from '#specs';

export interface DescribedPlace {
  /** `cancel method`, `schema Operation`, `schema Operation.done`. */
  readonly kind: string;
  /** `checks.accounts.apps.operations.cancel description`, for the report. */
  readonly subject: string;
  readonly text: string;
}

export function describedPlaces(discovery: unknown): DescribedPlace[] {
  const places: DescribedPlace[] = [];
  for (const [id, method] of discoveryOperationsMethods(discovery)) {
    if (typeof method.description !== 'string') continue;
    const verb = id.slice(id.lastIndexOf('.') + 1);
    places.push({ kind: `${verb} method`, subject: `${id} description`, text: method.description });
  }
  const schemas = discoverySchemas(discovery);
  for (const name of RELIED_ON_SCHEMAS) {
    const schema = schemas[name];
    if (!isJsonObject(schema)) continue;
    if (typeof schema.description === 'string') {
      places.push({
        kind: `schema ${name}`,
        subject: `schema ${name} description`,
        text: schema.description,
      });
    }
    const properties = isJsonObject(schema.properties) ? schema.properties : {};
    for (const [property, value] of Object.entries(properties)) {
      if (!isJsonObject(value) || typeof value.description !== 'string') continue;
      places.push({
        kind: `schema ${name}.${property}`,
        subject: `schema ${name} property ${property} description`,
        text: value.description,
      });
    }
  }
  return places;
}
