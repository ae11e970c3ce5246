/**
 * Test-only Discovery documents: the stored revisions, edited copies of them, and documents
 * shaped as Google would publish them for services whose Discovery document is not stored
 * (adsdatahub's `operations/**`, printed loosely as `^operations/.*$`; Ad Manager's methods
 * nested in `networks.operations.reports.runs`). Not exported from any barrel.
 */
import { isJsonObject, type JsonObject } from '#base';
import { loadDiscoveryDocument } from '#specs';

export const FUSION_OLD = 'datafusion.v1.rev20230627.json';
export const FUSION_NEW = 'datafusion.v1.rev20260202.json';
export const CHECKS = 'checks.v1alpha.rev20230807.json';

export const UNSET = Symbol('unset');

/** The path of datafusion's operations methods. */
export const FUSION_METHODS = [
  'resources',
  'projects',
  'resources',
  'locations',
  'resources',
  'operations',
  'methods',
];

export function stored(file: string): JsonObject {
  return loadDiscoveryDocument(file) as JsonObject;
}

/** A copy of `document` with each path set to its value (or removed, for UNSET). */
export function edited(
  document: unknown,
  ...edits: readonly (readonly [readonly string[], unknown])[]
): JsonObject {
  const copy = structuredClone(document) as Record<string, unknown>;
  for (const [path, value] of edits) {
    let parent = copy;
    for (const key of path.slice(0, -1)) {
      parent[key] ??= {};
      parent = parent[key] as Record<string, unknown>;
    }
    const last = path.at(-1) ?? '';
    if (value === UNSET) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}

/** A copy of a stored document with the text of one method description or property rewritten. */
export function reworded(file: string, path: readonly string[], change: (text: string) => string) {
  let node: unknown = stored(file);
  for (const key of path) node = isJsonObject(node) ? node[key] : undefined;
  const text = isJsonObject(node) && typeof node.description === 'string' ? node.description : '';
  return edited(stored(file), [[...path, 'description'], change(text)]);
}

function method(id: string, httpMethod: string, path: string, extra: JsonObject): JsonObject {
  const description = stored(FUSION_NEW);
  const verb = id.slice(id.lastIndexOf('.') + 1);
  let methods: unknown = description;
  for (const key of FUSION_METHODS) methods = isJsonObject(methods) ? methods[key] : undefined;
  const same = isJsonObject(methods) && isJsonObject(methods[verb]) ? methods[verb] : {};
  return {
    id,
    httpMethod,
    path,
    description: same.description ?? '',
    parameterOrder: ['name'],
    ...extra,
  };
}

function nameParameter(pattern: string): JsonObject {
  return { name: { location: 'path', pattern, required: true, type: 'string' } };
}

function restDescription(name: string, version: string, resources: JsonObject): JsonObject {
  const { schemas } = stored(FUSION_NEW);
  return {
    kind: 'discovery#restDescription',
    name,
    version,
    revision: '20261201',
    resources,
    schemas,
  };
}

/** adsdatahub v1 as its Discovery document would print the bindings of its service document. */
export function adsDataHubShaped(): JsonObject {
  const scopes = ['https://www.googleapis.com/auth/adsdatahub'];
  const parameters = () => nameParameter('^operations/.*$');
  const flat = (verb: string) => `v1/operations/{operationsId}${verb}`;
  return restDescription('adsdatahub', 'v1', {
    operations: {
      methods: {
        cancel: method('adsdatahub.operations.cancel', 'POST', 'v1/{+name}:cancel', {
          flatPath: flat(':cancel'),
          parameters: parameters(),
          response: { $ref: 'Empty' },
          scopes,
        }),
        get: method('adsdatahub.operations.get', 'GET', 'v1/{+name}', {
          flatPath: flat(''),
          parameters: parameters(),
          response: { $ref: 'Operation' },
          scopes,
        }),
        delete: method('adsdatahub.operations.delete', 'DELETE', 'v1/{+name}', {
          flatPath: flat(''),
          parameters: parameters(),
          response: { $ref: 'Empty' },
          scopes,
        }),
        wait: method('adsdatahub.operations.wait', 'POST', 'v1/{+name}:wait', {
          flatPath: flat(':wait'),
          parameters: parameters(),
          request: { $ref: 'WaitOperationRequest' },
          response: { $ref: 'Operation' },
          scopes,
        }),
      },
    },
  });
}

/** admanager v1: its runs' cancel and get, nested below the operations resource. */
export function adManagerShaped(): JsonObject {
  const parameters = () => nameParameter('^networks/[^/]+/operations/reports/runs/[^/]+$');
  const flat = 'v1/networks/{networksId}/operations/reports/runs/{runsId}';
  const id = (verb: string) => `admanager.networks.operations.reports.runs.${verb}`;
  return restDescription('admanager', 'v1', {
    networks: {
      resources: {
        operations: {
          resources: {
            reports: {
              resources: {
                runs: {
                  methods: {
                    cancel: method(id('cancel'), 'POST', 'v1/{+name}:cancel', {
                      flatPath: `${flat}:cancel`,
                      parameters: parameters(),
                      response: { $ref: 'Empty' },
                      scopes: ['https://www.googleapis.com/auth/admanager'],
                    }),
                    get: method(id('get'), 'GET', 'v1/{+name}', {
                      flatPath: flat,
                      parameters: parameters(),
                      response: { $ref: 'Operation' },
                      scopes: [
                        'https://www.googleapis.com/auth/admanager',
                        'https://www.googleapis.com/auth/admanager.readonly',
                      ],
                    }),
                  },
                },
              },
            },
          },
        },
      },
    },
  });
}
