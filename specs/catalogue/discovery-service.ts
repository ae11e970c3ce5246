/**
 * Reads a Google API Discovery document (https://developers.google.com/discovery/v1/reference/apis)
 * into what it publishes about operations (published-service.ts): every resource that has a
 * `cancel` method, at any depth (`projects.locations.operations`, storagetransfer's
 * `transferOperations`), with the get, delete, list and wait of the same resource. A document
 * that lacks what a profile needs fails with one line naming the file, the field and the fix.
 */
import { isJsonObject, type JsonObject } from '#base';
import { DocumentReader } from '../json-access.ts';
import type { OperationsMethod } from '../service-profile.ts';
import { cancelTextOf } from './cancel-text.ts';
import { ruleOfDiscoveryMethod } from './discovery-bindings.ts';
import { shapeFamilyOf } from './name-shapes.ts';
import type { PublishedCancel, PublishedService } from './published-service.ts';

const SIBLINGS = ['delete', 'list', 'wait'] as const;
const HTTP_METHODS = ['GET', 'POST', 'DELETE'] as const;

export interface DiscoverySource {
  /** The file as shown to people. */
  readonly file: string;
  /** Where it was published (`dam-fork@HEAD`, a URL), for the profile's provenance. */
  readonly source?: string;
}

interface ResourceWithCancel {
  /** `projects.locations.operations` */
  readonly chain: string;
  readonly methods: JsonObject;
}

function resourcesWithCancel(resources: unknown, chain: readonly string[]): ResourceWithCancel[] {
  if (!isJsonObject(resources)) return [];
  return Object.entries(resources).flatMap(([name, resource]) => {
    if (!isJsonObject(resource)) return [];
    const here = [...chain, name];
    const methods = isJsonObject(resource.methods) ? resource.methods : {};
    const own = isJsonObject(methods.cancel) ? [{ chain: here.join('.'), methods }] : [];
    return [...own, ...resourcesWithCancel(resource.resources, here)];
  });
}

function hostOf(rootUrl: string, reader: DocumentReader): string {
  try {
    return new URL(rootUrl).host;
  } catch {
    return reader.fail(
      'rootUrl',
      `"${rootUrl}" is not a URL; expected e.g. "https://example.googleapis.com/"`,
    );
  }
}

/** What the Discovery document publishes about operations; throws SpecsDocumentError when it is unusable. */
export function publishedByDiscovery(document: unknown, from: DiscoverySource): PublishedService {
  const reader: DocumentReader = new DocumentReader(from.file);
  const root = reader.object(
    document,
    '',
    'a Discovery document (kind "discovery#restDescription")',
  );
  const field = (key: string, example: string) => reader.string(root, key, key, example);
  const name = field('name', 'the API name, e.g. "checks"');
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    reader.fail(
      'name',
      `"${name}" must be lower-case letters, digits and dashes (it becomes the service id)`,
    );
  }
  const version = field('version', 'the API version, e.g. "v1"');
  const host = hostOf(field('rootUrl', 'e.g. "https://checks.googleapis.com/"'), reader);
  const servicePath = typeof root.servicePath === 'string' ? root.servicePath : '';
  const schemas = isJsonObject(root.schemas) ? root.schemas : {};
  const found = resourcesWithCancel(root.resources, []);
  if (found.length === 0) {
    reader.fail(
      'resources',
      'has no resource with a "cancel" method; a service document for lro-conformance publishes operations.cancel (AIP-151)',
    );
  }
  const method = (raw: JsonObject, where: string, verb: OperationsMethod['verb']) => {
    const httpMethod = HTTP_METHODS.find((candidate) => candidate === raw.httpMethod);
    if (httpMethod === undefined) {
      reader.fail(
        `${where}.httpMethod`,
        `found ${JSON.stringify(raw.httpMethod)}; expected GET, POST or DELETE`,
      );
    }
    const path = reader.string(raw, 'path', `${where}.path`, 'e.g. "v1/{+name}:cancel"');
    const parameters = isJsonObject(raw.parameters) ? raw.parameters : {};
    const nameParameter = isJsonObject(parameters.name) ? parameters.name : {};
    const pattern = typeof nameParameter.pattern === 'string' ? nameParameter.pattern : undefined;
    const rule = ruleOfDiscoveryMethod(path, pattern, servicePath);
    const id = typeof raw.id === 'string' ? raw.id : `${name}.${where}`;
    const scopes = Array.isArray(raw.scopes)
      ? raw.scopes.filter((scope): scope is string => typeof scope === 'string')
      : [];
    const read: OperationsMethod | undefined =
      rule.kind === 'bound'
        ? {
            id,
            verb,
            httpMethod,
            httpRule: rule.template,
            body: raw.request === undefined ? 'none' : '*',
            scopes,
          }
        : undefined;
    return { path, httpMethod, rule, read };
  };
  const cancels = found.map(({ chain, methods }): PublishedCancel => {
    const where = `resources.${chain}.methods`;
    const cancelRaw = methods.cancel as JsonObject;
    const cancel = method(cancelRaw, `${where}.cancel`, 'cancel');
    const getRaw = isJsonObject(methods.get) ? methods.get : undefined;
    const get = getRaw === undefined ? undefined : method(getRaw, `${where}.get`, 'get').read;
    const siblings = SIBLINGS.flatMap((verb) => {
      const raw = methods[verb];
      return isJsonObject(raw) ? [method(raw, `${where}.${verb}`, verb).read] : [];
    }).filter((each) => each !== undefined);
    const notLongRunning =
      getRaw === undefined ? undefined : operationSchemaProblem(name, getRaw, schemas);
    return {
      id: typeof cancelRaw.id === 'string' ? cancelRaw.id : `${name}.${chain}.cancel`,
      path: cancel.path,
      httpMethod: cancel.httpMethod,
      body: cancelRaw.request === undefined ? 'none' : '*',
      family: shapeFamilyOf(
        cancel.rule.kind === 'bound' ? cancel.rule.binding : undefined,
        cancel.path,
      ),
      ...(cancel.read === undefined ? {} : { method: cancel.read }),
      ...(cancel.rule.kind === 'bound'
        ? { binding: cancel.rule.binding }
        : { unbound: cancel.rule.problem }),
      ...(get === undefined ? {} : { get }),
      ...(notLongRunning === undefined ? {} : { getNotLongRunning: notLongRunning }),
      siblings,
      bodyQuote: requestQuote(cancelRaw),
      text: cancelTextOf(cancelRaw.description),
    };
  });
  const revision = typeof root.revision === 'string' ? root.revision : undefined;
  return {
    id: name,
    title: typeof root.title === 'string' && root.title !== '' ? root.title : name,
    host,
    version,
    document: {
      kind: 'discovery',
      file: from.file,
      ...(revision === undefined ? {} : { revision }),
      ...(from.source === undefined ? {} : { source: from.source }),
    },
    cancels,
    successBody: { wording: 'empty', quote: responseQuote(found[0]?.methods.cancel) },
  };
}

/** The get's response schema, when it is not a google.longrunning.Operation (no `done`). */
function operationSchemaProblem(
  api: string,
  get: JsonObject,
  schemas: JsonObject,
): string | undefined {
  const response = isJsonObject(get.response) ? get.response.$ref : undefined;
  if (typeof response !== 'string') return undefined;
  const schema = schemas[response];
  if (!isJsonObject(schema) || !isJsonObject(schema.properties)) return undefined;
  if ('done' in schema.properties) return undefined;
  const fields = Object.keys(schema.properties).slice(0, 4).join(', ');
  return `${api}'s GetOperation answers its own ${response} message (${fields}, …), not a google.longrunning.Operation: without done, error and response the clauses cannot read what a cancel did`;
}

/** `"response": {"$ref": "Empty"}`: the document's own words on the success body. */
function responseQuote(cancel: unknown): string {
  const response = isJsonObject(cancel) ? cancel.response : undefined;
  return response === undefined
    ? 'no "response": the method returns nothing'
    : `"response": ${JSON.stringify(response)}`;
}

/** `"request": {"$ref": "CancelOperationRequest"}`, or the absence of a request. */
function requestQuote(cancel: unknown): string {
  const request = isJsonObject(cancel) ? cancel.request : undefined;
  return request === undefined
    ? 'no "request": the method takes no request body'
    : `"request": ${JSON.stringify(request)}`;
}
