import { describe, expect, it } from 'vitest';
import { commonDocumentAsRead } from './common-document-view.ts';
import { discoveryMismatches } from './discovery-cross-check.ts';
import { discoveryOperationsMethods } from './discovery-methods.ts';
import { DISCOVERY_DIRECTORY, readJsonFile } from './document-files.ts';
import { edited, moved, UNSET } from './fixtures/edited-documents.ts';
import { loadCommonDocument, loadServiceDocument, loadServiceProfiles } from './load-profiles.ts';

const CHECKS_DISCOVERY = 'checks.v1alpha.rev20230807.json';
const FUSION_OLD = 'datafusion.v1.rev20230627.json';
const FUSION_NEW = 'datafusion.v1.rev20260202.json';
const CHECKS = 'specs/services/checks.openapi.json';
const FUSION = 'specs/services/datafusion.openapi.json';

function discovery(file: string): unknown {
  return readJsonFile(new URL(file, DISCOVERY_DIRECTORY));
}

function mismatches(
  id: string,
  discoveryFile: string,
  document = loadServiceDocument(id),
  theirs = discovery(discoveryFile),
) {
  return discoveryMismatches({
    discovery: theirs,
    discoveryFile,
    document,
    documentFile: `specs/services/${id}.openapi.json`,
    common: commonDocumentAsRead(loadCommonDocument()),
    commonFile: 'specs/common.openapi.json',
  });
}

describe('discoveryMismatches', () => {
  const RECORDED = loadServiceProfiles().flatMap(({ id, provenance }) =>
    provenance.discovery === undefined ? [] : [[id, provenance.discovery.file] as const],
  );

  it('cross-checks every service that records a Discovery document', () => {
    expect(RECORDED).toEqual(
      expect.arrayContaining([
        ['checks', CHECKS_DISCOVERY],
        ['datafusion', FUSION_NEW],
      ]),
    );
  });

  it.each(RECORDED)('finds %s in step with %s', (id, file) => {
    expect(discoveryOperationsMethods(discovery(file)).size).toBeGreaterThan(0);
    expect(mismatches(id, file)).toEqual([]);
  });

  it.each([
    [CHECKS_DISCOVERY, 10],
    [FUSION_NEW, 4],
  ])('reads every operations method of %s (%i)', (file, count) => {
    expect(discoveryOperationsMethods(discovery(file)).size).toBe(count);
  });

  it('detects the drift of the older datafusion revision', () => {
    expect(mismatches('datafusion', FUSION_OLD)).toEqual([
      `datafusion.projects.locations.operations.list: Discovery ${FUSION_OLD} says query parameter returnPartialSuccess absent, ${FUSION} says boolean`,
    ]);
  });

  it('names both sides when cancel is bound to the wrong HTTP method', () => {
    const asGet = moved(
      loadServiceDocument('checks'),
      ['/v1alpha/{name}:cancel', 'post'],
      ['/v1alpha/{name}:cancel', 'get'],
    );
    expect(mismatches('checks', CHECKS_DISCOVERY, asGet)).toEqual([
      `checks.accounts.apps.operations.cancel: Discovery ${CHECKS_DISCOVERY} says httpMethod POST, ${CHECKS} says GET`,
    ]);
  });

  const CANCEL = ['paths', '/v1/{name}:cancel', 'post'];
  const ID = 'datafusion.projects.locations.operations.cancel';
  it.each([
    [
      'a pattern',
      [...CANCEL, 'parameters', '0', 'schema', 'pattern'],
      '^projects/.*$',
      `${ID}: Discovery ${FUSION_NEW} says name pattern ^projects/[^/]+/locations/[^/]+/operations/[^/]+$, ${FUSION} says ^projects/.*$`,
    ],
    [
      'a template',
      [...CANCEL, 'x-google-http-rule', 'template'],
      '/v1/{name=projects/*/operations/*}:cancel',
      `${ID}: Discovery ${FUSION_NEW} says name pattern (of x-google-http-rule) ^projects/[^/]+/locations/[^/]+/operations/[^/]+$, ${FUSION} says ^projects/[^/]+/operations/[^/]+$`,
    ],
    [
      'a verb',
      [...CANCEL, 'x-google-http-rule', 'template'],
      '/v1/{name=projects/*/locations/*/operations/*}:stop',
      `${ID}: Discovery ${FUSION_NEW} says path (x-google-http-rule in Discovery form) v1/{+name}:cancel, ${FUSION} says v1/{+name}:stop`,
    ],
    [
      'a request type',
      [...CANCEL, 'requestBody'],
      UNSET,
      `${ID}: Discovery ${FUSION_NEW} says request CancelOperationRequest, ${FUSION} says absent`,
    ],
    [
      'a response type',
      [...CANCEL, 'responses', '200', 'content', 'application/json', 'schema', '$ref'],
      '#/x/Operation',
      `${ID}: Discovery ${FUSION_NEW} says response Empty, ${FUSION} says Operation`,
    ],
    [
      'the scopes',
      [...CANCEL, 'security'],
      [{ oauth2: ['https://www.googleapis.com/auth/x'] }],
      `${ID}: Discovery ${FUSION_NEW} says scopes https://www.googleapis.com/auth/cloud-platform, ${FUSION} says https://www.googleapis.com/auth/x`,
    ],
    [
      'a query parameter',
      [...CANCEL, 'parameters', '1'],
      { name: 'force', in: 'query', schema: { type: 'boolean' } },
      `${ID}: Discovery ${FUSION_NEW} says query parameter force absent, ${FUSION} says boolean`,
    ],
    [
      'an operationId',
      [...CANCEL, 'operationId'],
      'datafusion.operations.cancel',
      `${ID}: Discovery ${FUSION_NEW} says operationId declared, ${FUSION} says absent`,
    ],
  ])('reports a changed %s in the service document', (_, path, value, message) => {
    expect(
      mismatches('datafusion', FUSION_NEW, edited(loadServiceDocument('datafusion'), path, value)),
    ).toContainEqual(expect.stringContaining(message));
  });

  it("reports a path key that is not Discovery's path", () => {
    const stop = moved(
      loadServiceDocument('datafusion'),
      ['/v1/{name}:cancel', 'post'],
      ['/v1/{name}:stop', 'post'],
    );
    expect(mismatches('datafusion', FUSION_NEW, stop)).toEqual([
      `${ID}: Discovery ${FUSION_NEW} says path key /v1/{name}:cancel, ${FUSION} says /v1/{name}:stop`,
    ]);
  });

  it('reports a flatPath that is not the binding spelled flat', () => {
    const theirs = edited(
      discovery(FUSION_NEW),
      [
        'resources',
        'projects',
        'resources',
        'locations',
        'resources',
        'operations',
        'methods',
        'cancel',
        'flatPath',
      ],
      'v1/projects/{projectsId}/operations/{operationsId}:cancel',
    );
    expect(mismatches('datafusion', FUSION_NEW, loadServiceDocument('datafusion'), theirs)).toEqual(
      [
        `${ID}: Discovery ${FUSION_NEW} says flatPath (of x-google-http-rule) v1/projects/{projectsId}/operations/{operationsId}:cancel, ${FUSION} says v1/projects/{projectsId}/locations/{locationsId}/operations/{operationsId}:cancel`,
      ],
    );
  });

  it("reads Discovery's loose `.*` for a final ** as the same binding", () => {
    const CANCEL_METHOD = [
      'resources',
      'projects',
      'resources',
      'locations',
      'resources',
      'operations',
      'methods',
      'cancel',
    ];
    const rule = '/v1/{name=projects/*/locations/*/operations/**}:cancel';
    const ours = edited(
      edited(
        loadServiceDocument('datafusion'),
        [...CANCEL, 'x-google-http-rule', 'template'],
        rule,
      ),
      [...CANCEL, 'parameters', '0', 'schema', 'pattern'],
      '^projects/[^/]+/locations/[^/]+/operations(?:/[^/]+)*$',
    );
    const loose = edited(
      discovery(FUSION_NEW),
      [...CANCEL_METHOD, 'parameters', 'name', 'pattern'],
      '^projects/[^/]+/locations/[^/]+/operations/.*$',
    );
    expect(mismatches('datafusion', FUSION_NEW, ours, loose)).toEqual([]);
    expect(mismatches('datafusion', FUSION_NEW, ours)).toHaveLength(2);
  });

  it('finds operations methods in resources nested below operations', () => {
    const nested = edited(
      discovery(FUSION_NEW),
      ['resources', 'projects', 'resources', 'locations', 'resources', 'operations', 'resources'],
      { runs: { methods: { get: { id: 'datafusion.projects.locations.operations.runs.get' } } } },
    );
    expect([...discoveryOperationsMethods(nested).keys()]).toContain(
      'datafusion.projects.locations.operations.runs.get',
    );
  });

  it.each([
    [
      'a property of a relied-on schema Discovery no longer lists',
      ['schemas', 'Status', 'properties', 'details'],
      UNSET,
      `schema Status: Discovery ${FUSION_NEW} says property details absent, specs/common.openapi.json says declared`,
    ],
    [
      'a property type of a relied-on schema',
      ['schemas', 'Status', 'properties', 'code'],
      { type: 'string' },
      `schema Status: Discovery ${FUSION_NEW} says property code type string, specs/common.openapi.json says integer/int32`,
    ],
    [
      'a reference that became an object',
      ['schemas', 'Operation', 'properties', 'error'],
      { type: 'object' },
      `schema Operation: Discovery ${FUSION_NEW} says property error type object, specs/common.openapi.json says Status`,
    ],
  ])('reports %s', (_, path, value, message) => {
    const theirs = edited(discovery(FUSION_NEW), path, value);
    expect(mismatches('datafusion', FUSION_NEW, loadServiceDocument('datafusion'), theirs)).toEqual(
      [message],
    );
  });

  it('reports a property Discovery knows and the shared schema lacks', () => {
    const theirs = edited(discovery(FUSION_NEW), ['schemas', 'Operation', 'properties', 'etag'], {
      type: 'string',
    });
    expect(mismatches('datafusion', FUSION_NEW, loadServiceDocument('datafusion'), theirs)).toEqual(
      [
        `schema Operation: Discovery ${FUSION_NEW} says property etag declared, specs/common.openapi.json says absent`,
      ],
    );
  });
});

describe('discoveryOperationsMethods', () => {
  it('walks resources nested 100,000 deep without recursion, in document order', () => {
    const method = (id: string) => ({ methods: { get: { id } } });
    let nested: Record<string, unknown> = { operations: method('deepest') };
    for (let i = 0; i < 100_000; i += 1) nested = { r: { resources: nested } };
    const document = {
      resources: {
        operations: { ...method('first'), resources: { runs: method('nested') } },
        other: { resources: nested },
        last: { resources: { operations: method('last') } },
      },
    };
    expect([...discoveryOperationsMethods(document).keys()]).toEqual([
      'first',
      'nested',
      'deepest',
      'last',
    ]);
  });
});
