import { describe, expect, it } from 'vitest';
import { COMMON_DOCUMENT_URL, SERVICES_DIRECTORY, serviceDocumentUrls } from './document-files.ts';
import { edited, UNSET } from './fixtures/edited-documents.ts';
import { loadServiceDocument } from './load-profiles.ts';
import { openApiProblems, openApiProblemsFromString } from './openapi-validation.ts';

const DOCUMENTS = [COMMON_DOCUMENT_URL, ...serviceDocumentUrls()].map(
  (url) => [url.pathname.split('/specs/')[1], url] as const,
);
const CHECKS_URL = new URL('checks.openapi.json', SERVICES_DIRECTORY);
const CANCEL = ['paths', '/v1alpha/{name}:cancel', 'post'];

describe('OpenAPI 3.1 validation', () => {
  it.each(DOCUMENTS)('finds no problem in %s', async (_, url) => {
    expect(await openApiProblems(url)).toEqual([]);
  });

  it.each([
    [
      'a response without description (struct)',
      [...CANCEL, 'responses', '200', 'description'],
      UNSET,
      /^error struct at #\/paths\/~1v1alpha~1\{name\}:cancel\/post\/responses\/200: The field `description` must be present/,
    ],
    [
      'a path parameter of the wrong kind (struct)',
      [...CANCEL, 'parameters', '0', 'in'],
      'body',
      /^error struct at .*\/parameters\/0\/in: `in` can be one of the following only/,
    ],
    [
      'a $ref to nothing (no-unresolved-refs)',
      [...CANCEL, 'responses', '200', 'content', 'application/json', 'schema', '$ref'],
      '../common.openapi.json#/components/schemas/Nothing',
      /^error no-unresolved-refs at .*: Can't resolve \$ref/,
    ],
    [
      'an operation without operationId',
      [...CANCEL, 'operationId'],
      UNSET,
      /^error operation-operationId at .*: Operation object should contain `operationId` field/,
    ],
  ])('reports %s', async (_, path, value, problem) => {
    const broken = JSON.stringify(edited(loadServiceDocument('checks'), path, value));
    expect(await openApiProblemsFromString(broken, CHECKS_URL)).toContainEqual(
      expect.stringMatching(problem),
    );
  });
});
