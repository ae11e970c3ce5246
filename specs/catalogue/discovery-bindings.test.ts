import { describe, expect, it } from 'vitest';
import { bindingOfPattern, ruleOfDiscoveryMethod } from './discovery-bindings.ts';

describe('bindingOfPattern', () => {
  it.each([
    ['^projects/[^/]+/locations/[^/]+/operations/[^/]+$', 'projects/*/locations/*/operations/*'],
    ['^operations/.*$', 'operations/**'],
    ['^transferOperations/.*$', 'transferOperations/**'],
    [
      '^projects/[^/]+/locations/global/operations/[^/]+$',
      'projects/*/locations/global/operations/*',
    ],
    ['^[^/]+/[^/]+/locations/[^/]+/operations/[^/]+$', '*/*/locations/*/operations/*'],
    ['^operations$', 'operations'],
    ['^.*$', '**'],
  ])('reads %s as %s', (pattern, binding) => {
    expect(bindingOfPattern(pattern)).toBe(binding);
  });

  it.each([
    'projects/[^/]+', // not anchored
    '^projects/(a|b)/operations/[^/]+$',
    '^projects/.*/operations/[^/]+$', // `**` only last
    '^projects\\.x/[^/]+$',
  ])('refuses %s, which is no path template', (pattern) => {
    expect(bindingOfPattern(pattern)).toBeUndefined();
  });
});

describe('ruleOfDiscoveryMethod', () => {
  it('puts the binding in the path, after the service path', () => {
    expect(ruleOfDiscoveryMethod('v1/{+name}:cancel', '^operations/.*$')).toEqual({
      kind: 'bound',
      template: '/v1/{name=operations/**}:cancel',
      binding: 'operations/**',
    });
    expect(
      ruleOfDiscoveryMethod(
        'v1/admin/{+name}',
        '^projects/[^/]+/locations/[^/]+/operations/[^/]+$',
      ),
    ).toMatchObject({ template: '/v1/admin/{name=projects/*/locations/*/operations/*}' });
    expect(ruleOfDiscoveryMethod('{+name}:cancel', undefined, 'storage/v1/')).toMatchObject({
      template: '/storage/v1/{name=**}:cancel',
    });
  });

  it('says why a path that splits the name into fields is no name binding', () => {
    expect(
      ruleOfDiscoveryMethod('v1/projects/{project}/operations/{operation}/cancel', undefined),
    ).toEqual({
      kind: 'unbound',
      problem:
        'its path "v1/projects/{project}/operations/{operation}/cancel" addresses the operation by the fields project, operation, not by one resource name',
    });
  });
});
