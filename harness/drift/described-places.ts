/**
 * The descriptions of a Discovery document that clauses may quote: those of the operations
 * methods and of the schemas the checks rest on, with their properties
 * (https://developers.google.com/discovery/v1/reference/apis, `description` fields). A place's
 * kind is the same in every service's document (`cancel method`, `schema Operation.done`), so a
 * sentence found at a kind in one document is looked for at that kind in another.
 */
import { isJsonObject } from '#base';
import { discoveryOperationsMethods, discoverySchemas, RELIED_ON_SCHEMAS } from '#specs';

export interface DescribedPlace {
  /** `cancel method`, `schema Operation`, `schema Operation.done`. */
  readonly kind: string;
  /** `checks.accounts.apps.operations.cancel description`, for the report. */
  readonly subject: string;
  readonly text: string;
}

/** A description that is missing is empty text: a quote that was there is then gone. */
function textOf(described: unknown): string {
  return isJsonObject(described) && typeof described.description === 'string'
    ? described.description
    : '';
}

export function describedPlaces(discovery: unknown): DescribedPlace[] {
  const places: DescribedPlace[] = [];
  for (const [id, method] of discoveryOperationsMethods(discovery)) {
    const verb = id.slice(id.lastIndexOf('.') + 1);
    places.push({ kind: `${verb} method`, subject: `${id} description`, text: textOf(method) });
  }
  const schemas = discoverySchemas(discovery);
  for (const name of RELIED_ON_SCHEMAS) {
    const schema = schemas[name];
    if (!isJsonObject(schema)) continue;
    places.push({
      kind: `schema ${name}`,
      subject: `schema ${name} description`,
      text: textOf(schema),
    });
    const properties = isJsonObject(schema.properties) ? schema.properties : {};
    for (const [property, value] of Object.entries(properties)) {
      places.push({
        kind: `schema ${name}.${property}`,
        subject: `schema ${name} property ${property} description`,
        text: textOf(value),
      });
    }
  }
  return places;
}
