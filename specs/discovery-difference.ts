/**
 * One way a Discovery document and this project's service documents disagree, as data: which
 * method or schema, which aspect, and what each side says. discovery-cross-check.ts finds them.
 */

/** What kind of fact differs; `lro-conformance drift` turns each into a check id. */
export type DiscoveryAspectKind =
  | 'operationId'
  | 'httpMethod'
  | 'path'
  | 'pathKey'
  | 'flatPath'
  | 'namePattern'
  | 'request'
  | 'response'
  | 'scopes'
  | 'queryParameter'
  | 'schemaProperty'
  | 'schemaPropertyType';

/** The value a side has when it does not list the thing at all. */
export const ABSENT = 'absent';

export interface DiscoveryDifference {
  /** A Discovery method id (`checks.accounts.apps.operations.cancel`) or `schema <Name>`. */
  readonly subject: string;
  readonly kind: DiscoveryAspectKind;
  /** The aspect in words: `httpMethod`, `query parameter returnPartialSuccess`, `property etag`. */
  readonly aspect: string;
  /** The query parameter or schema property the aspect names. */
  readonly name?: string;
  /** The schema, for schema aspects. */
  readonly schema?: string;
  /** What the Discovery document says (`absent` when it does not list it). */
  readonly discovery: string;
  /** What this project's document says (`absent` when it does not list it). */
  readonly document: string;
  /** The project file the document side comes from. */
  readonly file: string;
}
