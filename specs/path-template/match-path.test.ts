import { describe, expect, it } from 'vitest';
import { matchPath } from './match-path.ts';
import { parsePathTemplate } from './parse-path-template.ts';

const OPERATIONS_CANCEL = '/v1/{name=operations/**}:cancel';
const CHECKS_CANCEL = '/v1alpha/{name=accounts/*/apps/*/operations/*}:cancel';

/** [template, raw URL path, expected variables or undefined for no match]. */
const CASES: readonly (readonly [string, string, Record<string, string> | undefined])[] = [
  [OPERATIONS_CANCEL, '/v1/operations/abc:cancel', { name: 'operations/abc' }],
  [OPERATIONS_CANCEL, '/v1/operations/a/b/c:cancel', { name: 'operations/a/b/c' }],
  [OPERATIONS_CANCEL, '/v1/operations:cancel', { name: 'operations' }],
  [OPERATIONS_CANCEL, '/v1/operations/a%2Fb:cancel', { name: 'operations/a%2Fb' }],
  [OPERATIONS_CANCEL, '/v1/operations/a%2fb:cancel', { name: 'operations/a%2fb' }],
  [OPERATIONS_CANCEL, '/v1/operations/a%3Ab%20c%25:cancel', { name: 'operations/a:b c%' }],
  [OPERATIONS_CANCEL, '/v1/operations/a:b:cancel', { name: 'operations/a:b' }],
  [OPERATIONS_CANCEL, '/v1/operations/abc', undefined],
  [OPERATIONS_CANCEL, '/v1/operations/abc:get', undefined],
  [OPERATIONS_CANCEL, '/v1/operations/abc%3Acancel', undefined],
  [OPERATIONS_CANCEL, '/v1/operations//a:cancel', undefined],
  [OPERATIONS_CANCEL, '/v1/operations/:cancel', undefined],
  [OPERATIONS_CANCEL, '/v1/other/abc:cancel', undefined],
  [OPERATIONS_CANCEL, '/v2/operations/abc:cancel', undefined],
  [OPERATIONS_CANCEL, 'v1/operations/abc:cancel', undefined],
  [OPERATIONS_CANCEL, '/v1/operations/%zz:cancel', undefined],
  [
    CHECKS_CANCEL,
    '/v1alpha/accounts/a/apps/b/operations/c:cancel',
    { name: 'accounts/a/apps/b/operations/c' },
  ],
  [CHECKS_CANCEL, '/v1alpha/accounts/a/apps/b/operations/c/d:cancel', undefined],
  [CHECKS_CANCEL, '/v1alpha/accounts/a/apps/operations/c:cancel', undefined],
  [CHECKS_CANCEL, '/v1alpha/accounts/a/apps/b/operations/c:cancel/', undefined],
  [
    '/v1/{name}:cancel',
    '/v1/networks%2F1%2Foperations%2Freports%2Fruns%2F2:cancel',
    { name: 'networks/1/operations/reports/runs/2' },
  ],
  ['/v1/{name}:cancel', '/v1/networks/1/operations/reports/runs/2:cancel', undefined],
  [
    '/v1/{name=networks/*/operations/reports/runs/*}',
    '/v1/networks/1/operations/reports/runs/2',
    { name: 'networks/1/operations/reports/runs/2' },
  ],
  ['/v1/{name=operations}', '/v1/operations', { name: 'operations' }],
  ['/v1/{name=operations}', '/v1/operation', undefined],
  [
    '/v1/{parent=projects/*}/things/{id}:do',
    '/v1/projects/p/things/t%20x:do',
    { parent: 'projects/p', id: 't x' },
  ],
  ['/v1/operations/{id}', '/v1/operations/x:cancel', { id: 'x:cancel' }],
  ['/v1/{name}', '/v%31/abc', { name: 'abc' }],
  ['/v1/{name}', '/v1/%F0%9F%98%80', { name: '😀' }],
  ['/v1/{name}', '/v1/%FF', undefined],
  ['/v1/{name=**}:cancel', '/v1:cancel', { name: '' }],
  ['/v1/**', '/v1/a/b', {}],
  ['/v1/**', '/v1/a/', undefined],
];

describe('matchPath', () => {
  for (const [source, urlPath, expected] of CASES) {
    const outcome = expected === undefined ? 'does not match' : `gives ${JSON.stringify(expected)}`;
    it(`${source} on ${urlPath} ${outcome}`, () => {
      expect(matchPath(parsePathTemplate(source), urlPath)).toEqual(expected);
    });
  }
});
