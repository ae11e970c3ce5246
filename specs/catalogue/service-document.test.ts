/**
 * A team's own document (docs/SERVICE-DOCUMENTS.md): both forms of the examples become the same
 * service, and each bad document is one line naming the file, the place and the fix.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isErrorOf } from '#base';
import { profileFromServiceDocument, readServiceDocument } from './service-document.ts';

const example = (name: string) =>
  fileURLToPath(new URL(`../../docs/examples/${name}`, import.meta.url));
const parsed = (name: string) =>
  JSON.parse(readFileSync(example(name), 'utf8')) as Record<string, unknown>;

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (!isErrorOf(error, 'usage')) throw error;
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).not.toContain('\n');
    return error.message;
  }
  throw new Error('expected a usage error');
}

describe('readServiceDocument', () => {
  it('reads the Discovery and the OpenAPI example into the same service', () => {
    const fromDiscovery = readServiceDocument(example('my-api.discovery.json'));
    const fromOpenApi = readServiceDocument(example('my-api.openapi.json'));
    for (const profile of [fromDiscovery, fromOpenApi]) {
      expect(profile).toMatchObject({
        id: 'myapi',
        host: 'myapi.example.com',
        version: 'v1',
        nameTemplate: 'projects/*/locations/*/operations/*',
        cancel: {
          httpMethod: 'POST',
          httpRule: '/v1/{name=projects/*/locations/*/operations/*}:cancel',
          body: '*',
          scopes: ['https://www.googleapis.com/auth/myapi'],
        },
        get: { httpRule: '/v1/{name=projects/*/locations/*/operations/*}' },
        provenance: { cancelText: { status: 'standard' } },
      });
      expect(profile.limits).toBeUndefined();
    }
    expect(fromDiscovery.provenance.document).toMatchObject({
      kind: 'discovery',
      revision: '20261201',
    });
    expect(fromOpenApi.provenance.document).toMatchObject({ kind: 'openapi' });
  });

  const discovery = parsed('my-api.discovery.json');
  const openapi = parsed('my-api.openapi.json');
  const without = (document: Record<string, unknown>, ...path: string[]) => {
    const copy = structuredClone(document);
    let at: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
    delete at[path.at(-1) as string];
    return copy;
  };

  it.each([
    [
      {},
      'is neither a Discovery document ("kind": "discovery#restDescription") nor an OpenAPI document',
    ],
    [without(discovery, 'rootUrl'), 'at rootUrl: missing; expected a non-empty string'],
    [without(discovery, 'name'), 'at name: missing; expected a non-empty string: the API name'],
    [without(discovery, 'resources'), 'at resources: has no resource with a "cancel" method'],
    [{ ...discovery, name: 'My API' }, 'at name: "My API" must be lower-case letters'],
    [
      without(openapi, 'paths', '/v1/{name}', 'get', 'x-google-http-rule'),
      'at paths["/v1/{name}"].get.x-google-http-rule: missing; expected an object: {template, body?}',
    ],
    [without(openapi, 'x-google-service', 'host'), 'at x-google-service.host: missing'],
    [
      without(openapi, 'paths', '/v1/{name}:cancel', 'post', 'security'),
      'security: lists no OAuth scope; list the documented scopes, or declare x-google-scopes-undocumented',
    ],
  ])(
    'refuses a bad document in one line that names the file and the place (%#)',
    (document, problem) => {
      const message = problemOf(() => profileFromServiceDocument(document, 'my-api.json'));
      expect(message).toMatch(/^my-api\.json(: | at )/);
      expect(message).toContain(problem);
    },
  );

  it('refuses a service whose cancel it cannot address, saying why', () => {
    const sqladmin = JSON.parse(
      readFileSync(new URL('./discovery/sqladmin.v1.json', import.meta.url), 'utf8'),
    );
    expect(problemOf(() => profileFromServiceDocument(sqladmin, 'sqladmin.json'))).toBe(
      'sqladmin.json: lro-conformance cannot check this service\'s cancel: sql.operations.cancel: its path "v1/projects/{project}/operations/{operation}/cancel" addresses the operation by the fields project, operation, not by one resource name; the suite addresses an operation by its one resource name (AIP-122, google.longrunning.Operation.name)',
    );
  });

  it('names a file that is missing or not JSON', () => {
    expect(problemOf(() => readServiceDocument('nowhere/my-api.json'))).toBe(
      'nowhere/my-api.json: cannot be read (ENOENT); give the path of a Discovery or OpenAPI JSON document',
    );
    expect(problemOf(() => readServiceDocument(example('msw-handlers.js')))).toMatch(
      /msw-handlers\.js: is not JSON \(.+\); a service document is a Discovery document or an OpenAPI document in JSON$/,
    );
  });
});
