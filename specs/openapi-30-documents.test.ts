/**
 * specs/openapi-3.0/: what `npm run generate` writes from the service documents, committed and
 * fresh, valid OpenAPI 3.0.3 (Redocly), and in the form standard tools load as they are: flat
 * paths with one parameter per segment, explicit error statuses, an open error envelope.
 * tools/interop/prism-mock.test.ts loads the files into Prism itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '#base';
import { REPOSITORY_ROOT } from './document-files.ts';
import { serviceIds } from './load-profiles.ts';
import {
  ERROR_STATUSES,
  flatPath,
  OPENAPI_30_DIRECTORY,
  renderOpenApi30Documents,
} from './openapi-30-documents.ts';
import { openApiProblems } from './openapi-validation.ts';

const rendered = renderOpenApi30Documents();
const documents = serviceIds().map((id) => {
  const path = `specs/openapi-3.0/${id}.openapi.json`;
  return [id, JSON.parse(rendered.get(path) ?? '{}') as JsonObject] as const;
});

/** Every operation of a document, with its path key and method. */
function operations(document: JsonObject): [string, string, JsonObject][] {
  return Object.entries(document.paths as Record<string, Record<string, JsonObject>>).flatMap(
    ([path, item]) => Object.entries(item).map(([method, op]) => [path, method, op] as const),
  ) as [string, string, JsonObject][];
}

describe('specs/openapi-3.0/', () => {
  it('is what npm run generate writes, and nothing else', () => {
    const committed = readdirSync(OPENAPI_30_DIRECTORY).map((name) => `specs/openapi-3.0/${name}`);
    expect(committed.sort(), 'run npm run generate').toEqual([...rendered.keys()].sort());
    for (const [path, text] of rendered) {
      expect(
        readFileSync(new URL(path, REPOSITORY_ROOT), 'utf8'),
        `${path}: run npm run generate`,
      ).toBe(text);
    }
  });

  it.each(serviceIds())('%s is valid OpenAPI 3.0.3', async (id) => {
    const url = new URL(`${id}.openapi.json`, OPENAPI_30_DIRECTORY);
    expect(JSON.parse(readFileSync(url, 'utf8')).openapi).toBe('3.0.3');
    expect(await openApiProblems(url)).toEqual([]);
  });

  it.each(documents)(
    '%s: every path parameter is one whole segment, before any :verb',
    (_, document) => {
      for (const [path, , operation] of operations(document)) {
        for (const segment of path.split('/').slice(1)) {
          expect(segment, path).toMatch(/^(\{\w+\}|[\w.-]+)(:\w+)?$/);
        }
        const declared = (operation.parameters as JsonObject[])
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => parameter.name);
        expect(declared, path).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
        expect(path, 'no multi-segment {name}').not.toContain('{name}');
      }
    },
  );

  it.each(documents)(
    '%s: every operation lists the error statuses with the envelope',
    (_, document) => {
      for (const [path, method, operation] of operations(document)) {
        const responses = operation.responses as Record<string, JsonObject>;
        expect(Object.keys(responses), `${method} ${path}`).toEqual(
          expect.arrayContaining(Object.keys(ERROR_STATUSES)),
        );
        for (const status of Object.keys(ERROR_STATUSES)) {
          const content = responses[status]?.content as Record<string, JsonObject>;
          expect(content['application/json']?.schema).toEqual({
            $ref: '#/components/schemas/ErrorEnvelope',
          });
        }
      }
    },
  );

  it.each(documents)(
    '%s: has no 3.1 keyword, no outside reference, and an open error envelope and Operation',
    (_, document) => {
      const text = JSON.stringify(document);
      expect(text).not.toContain('"const"');
      expect(text).not.toContain('"null"');
      expect(text).not.toContain('common.openapi.json#');
      const schemas = (document.components as JsonObject).schemas as Record<string, JsonObject>;
      const envelope = schemas.ErrorEnvelope as JsonObject;
      expect(envelope.additionalProperties).toBeUndefined();
      const error = (envelope.properties as Record<string, JsonObject>).error;
      expect(error?.additionalProperties).toBeUndefined();
      // Unknown Operation fields are ignored by proto3 JSON parsers: a warning, never a FAIL.
      expect(schemas.Operation?.additionalProperties).not.toBe(false);
    },
  );

  it('flattens bindings as Discovery flatPath does, one segment per wildcard', () => {
    expect(flatPath('/v1/{name=projects/*/locations/*/operations/*}:cancel')).toEqual({
      path: '/v1/projects/{projectsId}/locations/{locationsId}/operations/{operationsId}:cancel',
      parameters: ['projectsId', 'locationsId', 'operationsId'],
    });
    expect(flatPath('/v1/{name=networks/*/operations/reports/runs/*}')).toEqual({
      path: '/v1/networks/{networksId}/operations/reports/runs/{runsId}',
      parameters: ['networksId', 'runsId'],
    });
    expect(flatPath('/v1/{name=operations/**}:cancel')?.path).toBe(
      '/v1/operations/{operationsId}:cancel',
    );
    expect(flatPath('/v1/operations')).toBeUndefined();
  });
});
