import { describe, expect, it } from 'vitest';
import { documentConsistencyProblems } from './document-consistency.ts';
import { edited, moved, UNSET } from './fixtures/edited-documents.ts';
import { loadServiceDocument, serviceIds } from './load-profiles.ts';

const CHECKS = 'specs/services/checks.openapi.json';
const CANCEL = ['paths', '/v1alpha/{name}:cancel', 'post'];
const NAME = [...CANCEL, 'parameters', '0'];
const AT = `${CHECKS} paths["/v1alpha/{name}:cancel"].post`;

describe('documentConsistencyProblems', () => {
  it.each(serviceIds())('finds %s consistent with its HTTP rules', (id) => {
    expect(
      documentConsistencyProblems(loadServiceDocument(id), `specs/services/${id}.openapi.json`),
    ).toEqual([]);
  });

  it.each([
    [
      'a loose pattern',
      [...NAME, 'schema', 'pattern'],
      '^accounts/.*$',
      `${AT}: name pattern is ^accounts/.*$, the binding accounts/*/apps/*/operations/* gives ^accounts/[^/]+/apps/[^/]+/operations/[^/]+$`,
    ],
    [
      'no multi-segment flag',
      [...NAME, 'x-google-multi-segment'],
      UNSET,
      `${AT}: x-google-multi-segment must be true for accounts/*/apps/*/operations/*`,
    ],
    [
      'an optional name',
      [...NAME, 'required'],
      false,
      `${AT}: path parameter name is missing or not required`,
    ],
    [
      'a wait template',
      [...CANCEL, 'x-google-http-rule', 'template'],
      '/v1alpha/{name=accounts/*/apps/*/operations/*}:wait',
      `${AT}: template /v1alpha/{name=accounts/*/apps/*/operations/*}:wait does not end the way cancel does (":cancel")`,
    ],
    [
      'another version',
      [...CANCEL, 'x-google-http-rule', 'template'],
      '/v1/{name=accounts/*/apps/*/operations/*}:cancel',
      `${AT}: template /v1/{name=accounts/*/apps/*/operations/*}:cancel is not under /v1alpha/`,
    ],
    [
      'a body rule without request body',
      [...CANCEL, 'requestBody'],
      UNSET,
      `${AT}: request body is absent; body * means CancelOperationRequest`,
    ],
    [
      'a wrong response',
      [...CANCEL, 'responses', '200', 'content', 'application/json', 'schema', '$ref'],
      '../common.openapi.json#/components/schemas/Operation',
      `${AT}: 200 response is not Empty`,
    ],
    [
      'no default response',
      [...CANCEL, 'responses', 'default'],
      UNSET,
      `${AT}: has no default (error) response`,
    ],
    [
      'a documented rule on another route',
      [...CANCEL, 'x-google-documented-http-rule'],
      '/v1alpha/{name}',
      `${AT}: x-google-documented-http-rule /v1alpha/{name} is not the same route as`,
    ],
  ])('reports %s', (_, path, value, message) => {
    const problems = documentConsistencyProblems(
      edited(loadServiceDocument('checks'), path, value),
      CHECKS,
    );
    expect(problems).toContainEqual(expect.stringContaining(message));
  });

  it('reports a cancel bound to GET and a path key that does not spell its template', () => {
    const asGet = moved(
      loadServiceDocument('checks'),
      ['/v1alpha/{name}:cancel', 'post'],
      ['/v1alpha/{name}:cancel', 'get'],
    );
    expect(documentConsistencyProblems(asGet, CHECKS)).toEqual([
      `${CHECKS} paths["/v1alpha/{name}:cancel"].get: cancel is POST, not GET`,
    ]);
    const elsewhere = moved(
      loadServiceDocument('checks'),
      ['/v1alpha/{name}:cancel', 'post'],
      ['/v1alpha/{id}:cancel', 'post'],
    );
    expect(documentConsistencyProblems(elsewhere, CHECKS)).toContainEqual(
      expect.stringContaining(
        'path key /v1alpha/{id}:cancel is neither /v1alpha/{name}:cancel nor /v1alpha/accounts/{accountsId}/apps/{appsId}/operations/{operationsId}:cancel',
      ),
    );
  });
});
