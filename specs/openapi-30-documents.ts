/**
 * The service documents in a form standard OpenAPI tools load as they are (Prism, Dredd,
 * Specmatic, Portman): generated from specs/services/*.openapi.json and
 * specs/common.openapi.json into specs/openapi-3.0/ by `npm run generate`, and checked fresh by
 * openapi-30-documents.test.ts. What changes, and why:
 *
 * - OpenAPI 3.0.3 instead of 3.1 (some tools read only 3.0): the one 3.1 keyword the documents
 *   use, `const`, becomes a one-value `enum`, and a `null` allowed beside another type
 *   (`type: ["boolean", "null"]`, `anyOf: [{ $ref }, { type: "null" }]`: proto3 JSON reads null
 *   as an unset field) becomes 3.0's `nullable: true`;
 * - one self-contained document per service: the shared components are copied in and the
 *   `../common.openapi.json#…` references point inside;
 * - flat paths, one parameter per segment, as Discovery's `flatPath` spells them
 *   (`/v1/projects/{projectsId}/locations/{locationsId}/operations/{operationsId}:cancel`):
 *   tools cannot route a multi-segment `{name}`. A `**` (any number of segments) becomes one
 *   segment, as in Discovery; `x-google-http-rule` keeps the binding it came from;
 * - explicit error statuses (400, 401, 403, 404, 409, 429, 501, 503) with the AIP-193 envelope,
 *   besides `default`: tools turn only listed statuses into tests or mock answers;
 * - an open error envelope (no `additionalProperties: false`): Google's front ends add a legacy
 *   `errors` array that a closed schema would reject.
 */
import { isJsonObject, type JsonObject } from '#base';
import {
  COMMON_DOCUMENT_URL,
  displayPath,
  readJsonFile,
  serviceDocumentUrls,
  serviceIdOfUrl,
} from './document-files.ts';

export const OPENAPI_30_DIRECTORY = new URL('./openapi-3.0/', import.meta.url);

/**
 * The error statuses every operation lists: the google.rpc.Code names AIP-193 maps to each
 * (google/rpc/code.proto), the first of them in the example a mock answers with.
 */
export const ERROR_STATUSES: Readonly<Record<string, readonly string[]>> = {
  '400': ['INVALID_ARGUMENT', 'FAILED_PRECONDITION', 'OUT_OF_RANGE'],
  '401': ['UNAUTHENTICATED'],
  '403': ['PERMISSION_DENIED'],
  '404': ['NOT_FOUND'],
  '409': ['ABORTED', 'ALREADY_EXISTS'],
  '429': ['RESOURCE_EXHAUSTED'],
  '501': ['UNIMPLEMENTED'],
  '503': ['UNAVAILABLE'],
};

const COMMON_REF = '../common.openapi.json#';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * `/v1/{name=projects/*\/locations/*}/operations` → `/v1/projects/{projectsId}/locations/{locationsId}/operations`
 * and its parameter names, as Discovery's flatPath names them; undefined for a template without
 * a `{name=…}` binding (already flat).
 */
export function flatPath(template: string): { path: string; parameters: string[] } | undefined {
  const match = /^(.*)\{(\w+)=([^}]+)\}(.*)$/.exec(template);
  if (match === null) return undefined;
  const [, before = '', , binding = '', after = ''] = match;
  const parameters: string[] = [];
  let previous = '';
  const segments = binding.split('/').map((segment) => {
    if (segment !== '*' && segment !== '**') {
      previous = segment;
      return segment;
    }
    const name = `${previous}Id`;
    parameters.push(name);
    return `{${name}}`;
  });
  return { path: `${before}${segments.join('/')}${after}`, parameters };
}

/** A deep copy with every schema keyword OpenAPI 3.0 lacks rewritten, and common refs inside. */
function toOpenApi30(value: unknown, typeOfRef: TypeOfRef): unknown {
  const convert = (item: unknown) => toOpenApi30(item, typeOfRef);
  if (Array.isArray(value)) return value.map(convert);
  if (!isJsonObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'type' && Array.isArray(item) && item.includes('null')) {
      const types = item.filter((type) => type !== 'null');
      // 3.0 has one type per schema: a list of several other types has no 3.0 form.
      if (types.length !== 1)
        throw new Error(`no OpenAPI 3.0 form for type ${JSON.stringify(item)}`);
      out.type = types[0];
      out.nullable = true;
    } else if (key === 'anyOf' && Array.isArray(item) && item.some(isNullSchema)) {
      const others = item.filter((schema) => !isNullSchema(schema));
      // `nullable` beside a bare `$ref` is ignored in 3.0, so the ref goes inside `allOf`; and
      // 3.0 validators want a `type` beside `nullable`, the one the referenced schemas share.
      const types = new Set(others.map((schema) => typeOfSchema(schema, typeOfRef)));
      const [type] = types;
      if (types.size !== 1 || type === undefined) {
        throw new Error(`no OpenAPI 3.0 form for anyOf ${JSON.stringify(item)}`);
      }
      out.type = type;
      if (others.length === 1) out.allOf = others.map(convert);
      else out.anyOf = others.map(convert);
      out.nullable = true;
    } else if (key === 'const') out.enum = [item];
    else if (key === '$ref' && typeof item === 'string' && item.startsWith(COMMON_REF)) {
      out.$ref = `#${item.slice(COMMON_REF.length)}`;
    } else out[key] = convert(item);
  }
  return out;
}

/** The `type` of the schema a `$ref` names, in either document. */
type TypeOfRef = (ref: string) => string | undefined;

/** Types of the schemas refs name: `#…` inside `document`, `../common.openapi.json#…` in common. */
function refTypes(document: JsonObject, common: JsonObject): TypeOfRef {
  return (ref) => {
    const inside = ref.startsWith(COMMON_REF) ? common : ref.startsWith('#') ? document : undefined;
    const name = /#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1];
    const schemas = (inside?.components as JsonObject | undefined)?.schemas as
      | JsonObject
      | undefined;
    const target = name === undefined ? undefined : schemas?.[name];
    return isJsonObject(target) && typeof target.type === 'string' ? target.type : undefined;
  };
}

function typeOfSchema(schema: unknown, typeOfRef: TypeOfRef): string | undefined {
  if (!isJsonObject(schema)) return undefined;
  if (typeof schema.$ref === 'string') return typeOfRef(schema.$ref);
  return typeof schema.type === 'string' ? schema.type : undefined;
}

function isNullSchema(schema: unknown): boolean {
  return isJsonObject(schema) && schema.type === 'null' && Object.keys(schema).length === 1;
}

function errorResponses(): JsonObject {
  return Object.fromEntries(
    Object.entries(ERROR_STATUSES).map(([status, codes]) => [
      status,
      {
        description: `${codes.join(', ')}: an AIP-193 error envelope (error.code ${status}).`,
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/ErrorEnvelope' },
            example: {
              error: { code: Number(status), message: `${codes[0]} (example).`, status: codes[0] },
            },
          },
        },
      },
    ]),
  );
}

/** The flat path parameters of one operation, in path order, then its query parameters. */
function flatParameters(operation: JsonObject, names: readonly string[]): unknown[] {
  const query = (Array.isArray(operation.parameters) ? operation.parameters : []).filter(
    (parameter) => !(isJsonObject(parameter) && parameter.in === 'path'),
  );
  const path = names.map((name) => ({
    name,
    in: 'path',
    required: true,
    description: `One segment of the resource name: the ${name.replace(/Id$/, '')} id.`,
    schema: { type: 'string', pattern: '^[^/]+$' },
  }));
  return [...path, ...query];
}

/** One service document, made self-contained, flat and OpenAPI 3.0.3. */
export function openApi30Document(service: JsonObject, common: JsonObject): JsonObject {
  const source = toOpenApi30(service, refTypes(service, common)) as JsonObject;
  const shared = toOpenApi30(common, refTypes(common, common)) as JsonObject;
  const paths: Record<string, JsonObject> = {};
  for (const item of Object.values((source.paths ?? {}) as JsonObject)) {
    if (!isJsonObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isJsonObject(operation)) continue;
      const rule = operation['x-google-http-rule'];
      const template = isJsonObject(rule) && typeof rule.template === 'string' ? rule.template : '';
      const flat = flatPath(template);
      // A path already flat (Discovery's flatPath keys) keeps its key and parameters.
      const path = flat?.path ?? pathOf(source, item);
      const responses = (operation.responses ?? {}) as JsonObject;
      const { default: fallback, ...listed } = responses;
      const converted: JsonObject = {
        ...operation,
        ...(flat === undefined ? {} : { parameters: flatParameters(operation, flat.parameters) }),
        responses: {
          ...listed,
          ...errorResponses(),
          ...(fallback === undefined ? {} : { default: fallback }),
        },
      };
      paths[path] = { ...(paths[path] ?? {}), [method]: converted };
    }
  }
  const sharedComponents = (shared.components ?? {}) as JsonObject;
  const ownComponents = (source.components ?? {}) as JsonObject;
  const schemas = openEnvelope((sharedComponents.schemas ?? {}) as JsonObject);
  const info = source.info as JsonObject;
  return {
    openapi: '3.0.3',
    info: { ...info, description: `${String(info.description ?? '')}\n\n${generatedNote(source)}` },
    ...(source.servers === undefined ? {} : { servers: source.servers }),
    ...(source['x-google-service'] === undefined
      ? {}
      : { 'x-google-service': source['x-google-service'] }),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : 1))),
    components: {
      ...ownComponents,
      responses: {
        ...((sharedComponents.responses ?? {}) as JsonObject),
        ...((ownComponents.responses ?? {}) as JsonObject),
      },
      schemas: { ...schemas, ...((ownComponents.schemas ?? {}) as JsonObject) },
    },
  };
}

function generatedNote(source: JsonObject): string {
  const id = (source['x-google-service'] as JsonObject | undefined)?.id;
  return `Generated by npm run generate from specs/services/${String(id)}.openapi.json and specs/common.openapi.json for tools that read OpenAPI 3.0 and route one parameter per path segment (specs/README.md). Do not edit.`;
}

/** The error envelope and its `error` object accept fields beyond AIP-193's (the legacy `errors`). */
function openEnvelope(schemas: JsonObject): JsonObject {
  const envelope = schemas.ErrorEnvelope;
  if (!isJsonObject(envelope)) return schemas;
  const { additionalProperties: _outer, ...outer } = envelope;
  const properties = (outer.properties ?? {}) as JsonObject;
  const error = properties.error;
  const inner = isJsonObject(error)
    ? (({ additionalProperties: _inner, ...rest }) => rest)(error)
    : error;
  return {
    ...schemas,
    ErrorEnvelope: { ...outer, properties: { ...properties, error: inner } },
  };
}

/** Generated text by repository-relative path (`specs/openapi-3.0/checks.openapi.json`). */
export function renderOpenApi30Documents(): Map<string, string> {
  const common = readJsonFile(COMMON_DOCUMENT_URL) as JsonObject;
  const rendered = new Map<string, string>();
  for (const url of serviceDocumentUrls()) {
    const document = openApi30Document(readJsonFile(url) as JsonObject, common);
    const target = new URL(`${serviceIdOfUrl(url)}.openapi.json`, OPENAPI_30_DIRECTORY);
    rendered.set(displayPath(target), `${JSON.stringify(document, null, 2)}\n`);
  }
  return rendered;
}

/** The key under which `source` lists `item`. */
function pathOf(source: JsonObject, item: JsonObject): string {
  const entry = Object.entries((source.paths ?? {}) as JsonObject).find(([, v]) => v === item);
  return entry?.[0] ?? '';
}
