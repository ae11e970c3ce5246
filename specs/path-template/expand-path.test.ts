import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { expandPath } from './expand-path.ts';
import { parsePathTemplate } from './parse-path-template.ts';
import { PathExpansionError } from './path-expansion-error.ts';

/** [template, values, expected URL path]. */
const EXPANSIONS: readonly (readonly [string, Record<string, string>, string])[] = [
  ['/v1/{name=operations/**}:cancel', { name: 'operations/abc' }, '/v1/operations/abc:cancel'],
  [
    '/v1/{name=operations/**}:cancel',
    { name: 'operations/a b/c:d' },
    '/v1/operations/a%20b/c%3Ad:cancel',
  ],
  [
    '/v1/{name=operations/**}:cancel',
    { name: 'operations/a%2Fb' },
    '/v1/operations/a%252Fb:cancel',
  ],
  ['/v1/{name=operations/**}:cancel', { name: 'operations' }, '/v1/operations:cancel'],
  ['/v1/{name=**}:cancel', { name: '' }, '/v1:cancel'],
  [
    '/v1/{name}:cancel',
    { name: 'networks/1/operations/reports/runs/2' },
    '/v1/networks%2F1%2Foperations%2Freports%2Fruns%2F2:cancel',
  ],
  ['/v1/{name}', { name: "a!b'c(d)e*f~g.h_i-j" }, '/v1/a%21b%27c%28d%29e%2Af~g.h_i-j'],
  ['/v1/{name}', { name: 'é😀' }, '/v1/%C3%A9%F0%9F%98%80'],
  [
    '/v1/{parent=projects/*}/things/{id}:do',
    { parent: 'projects/p', id: 't x' },
    '/v1/projects/p/things/t%20x:do',
  ],
  ['/v1/{name=operations}', { name: 'operations' }, '/v1/operations'],
  [
    '/v1alpha/{name=accounts/*/apps/*/operations/*}',
    { name: 'accounts/a/apps/b/operations/c', unused: 'x' },
    '/v1alpha/accounts/a/apps/b/operations/c',
  ],
];

/** [template, values, fragment of the message]. */
const FAILURES: readonly (readonly [string, Record<string, string>, string])[] = [
  [
    '/v1/{name=operations/**}:cancel',
    {},
    'no value for {name}; pass a value that fits "operations/**"',
  ],
  [
    '/v1/{name=operations/**}:cancel',
    { name: 'ops/abc' },
    '{name} = "ops/abc" does not match "operations/**"',
  ],
  ['/v1/{name=accounts/*/apps/*/operations/*}', { name: 'accounts/a/apps/b' }, 'does not match'],
  [
    '/v1/{name=accounts/*/apps/*/operations/*}',
    { name: 'accounts/a/apps//operations/c' },
    'does not match',
  ],
  ['/v1/{name}:cancel', { name: '' }, '{name} = "" is not a single non-empty segment'],
  ['/v1/{name=operations}', { name: 'operation' }, 'is not a single non-empty segment'],
  ['/v1/*/x', {}, '"*" outside any variable has no value to expand'],
  ['/v1/**', {}, '"**" outside any variable'],
];

describe('expandPath', () => {
  for (const [source, values, expected] of EXPANSIONS) {
    it(`expands ${source} to ${expected}`, () => {
      expect(expandPath(parsePathTemplate(source), values)).toBe(expected);
    });
  }

  for (const [source, values, fragment] of FAILURES) {
    it(`refuses ${source} with ${JSON.stringify(values)}`, () => {
      const expand = () => expandPath(parsePathTemplate(source), values);
      expect(expand).toThrow(PathExpansionError);
      expect(expand).toThrow(`Cannot expand path template ${JSON.stringify(source)}: `);
      expect(expand).toThrow(fragment);
    });
  }

  it('names the variable and suggests a fitting value', () => {
    const template = parsePathTemplate('/v1alpha/{name=accounts/*/apps/*/operations/*}:cancel');
    let caught: unknown;
    try {
      expandPath(template, { name: 'operations/1' });
    } catch (error) {
      caught = error;
    }
    expect(isLroError(caught)).toBe(true);
    expect(caught).toMatchObject({ variable: 'name', template: template.source });
    expect(String(caught)).toMatch(
      /e\.g\. \{ "name": "accounts\/[^/]+\/apps\/[^/]+\/operations\/[^/]+" \}/,
    );
  });

  it('keeps the encoder failure as the cause of a lone surrogate', () => {
    let caught: unknown;
    try {
      expandPath(parsePathTemplate('/v1/{name}'), { name: '\uD800' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PathExpansionError);
    expect((caught as PathExpansionError).cause).toBeInstanceOf(URIError);
  });
});
