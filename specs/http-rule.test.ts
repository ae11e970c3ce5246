import { describe, expect, it } from 'vitest';
import { HarnessError } from '#base';
import {
  discoveryFlatPathForTemplate,
  discoveryPathForTemplate,
  discoveryPatternForBinding,
  isMultiSegment,
  namePatternForBinding,
  nameVariableOf,
  pathKeyForTemplate,
} from './http-rule.ts';

describe('http-rule', () => {
  it.each([
    ['accounts/*/apps/*/operations/*', '^accounts/[^/]+/apps/[^/]+/operations/[^/]+$'],
    ['projects/*/locations/*', '^projects/[^/]+/locations/[^/]+$'],
    ['operations/**', '^operations(?:/[^/]+)*$'],
    ['operations', '^operations$'],
    ['**', '^(?:[^/]+(?:/[^/]+)*)?$'],
    ['a.b/*', '^a\\.b/[^/]+$'],
  ])('turns the binding %s into the pattern %s', (binding, pattern) => {
    expect(namePatternForBinding(binding)).toBe(pattern);
  });

  it.each([
    ['operations', true],
    ['operations/a', true],
    ['operations/a/b/c', true],
    ['operations/', false],
    ['operations//a', false],
    ['operationsX', false],
    ['x/operations/a', false],
  ])('matches %s against operations/** as zero or more segments: %s', (name, matches) => {
    expect(new RegExp(namePatternForBinding('operations/**')).test(name)).toBe(matches);
  });

  it('rejects a ** that is not the last segment', () => {
    expect(() => namePatternForBinding('operations/**/x')).toThrow(HarnessError);
    expect(() => namePatternForBinding('operations/**/x')).toThrow(/must be the last segment/);
  });

  it.each([
    ['/v1/{name=operations/**}:cancel', '/v1/{name}:cancel', undefined],
    [
      '/v1alpha/{name=projects/*/privacypolicy/operations/*}:wait',
      '/v1alpha/{name}:wait',
      '/v1alpha/projects/{projectsId}/privacypolicy/operations/{operationsId}:wait',
    ],
    [
      '/v1/{name=projects/*/locations/*}/operations',
      '/v1/{name}/operations',
      '/v1/projects/{projectsId}/locations/{locationsId}/operations',
    ],
    ['/v1/{name=operations}', '/v1/operations', '/v1/operations'],
    ['/v1/{name=*}', '/v1/{name}', undefined],
  ])('spells %s as the path keys %s and %s', (template, named, flat) => {
    expect(pathKeyForTemplate(template, 'name')).toBe(named);
    expect(pathKeyForTemplate(template, 'flat')).toBe(flat);
  });

  it.each([
    ['/v1alpha/{name=accounts/*/apps/*/operations/*}:cancel', 'v1alpha/{+name}:cancel'],
    ['/v1/{name=projects/*/locations/*}/operations', 'v1/{+name}/operations'],
    ['/v1/{name}', 'v1/{name}'],
  ])('writes %s in Discovery form as %s', (template, path) => {
    expect(discoveryPathForTemplate(template)).toBe(path);
  });

  it.each([
    ['operations/**', '^operations/.*$'],
    ['projects/*/operations/**', '^projects/[^/]+/operations/.*$'],
    ['**', '^.*$'],
    ['projects/*/locations/*', '^projects/[^/]+/locations/[^/]+$'],
  ])('prints the binding %s as Discovery does: %s', (binding, pattern) => {
    expect(discoveryPatternForBinding(binding)).toBe(pattern);
  });

  it.each([
    [
      '/v1/{name=projects/*/locations/*/operations/*}:cancel',
      'v1/projects/{projectsId}/locations/{locationsId}/operations/{operationsId}:cancel',
    ],
    ['/v1/{name=operations/**}:cancel', 'v1/operations/{operationsId}:cancel'],
    ['/v1/{name=operations}', 'v1/operations'],
    ['/v1/operations', 'v1/operations'],
    ['/v1/{name=*}', undefined],
    ['/v1/{name=*/operations/*}', undefined],
  ])('writes %s as the Discovery flatPath %s', (template, flatPath) => {
    expect(discoveryFlatPathForTemplate(template)).toBe(flatPath);
  });

  it('reads {name} alone as {name=*} and finds no variable where there is none', () => {
    expect(nameVariableOf('/v1/{name}:cancel')).toEqual({
      before: '/v1/',
      binding: '*',
      after: ':cancel',
    });
    expect(nameVariableOf('/v1/operations')).toBeUndefined();
  });

  it('reads a malformed template as a fault of the data, at the parser’s position', () => {
    expect(() => nameVariableOf('/v1/{name=operations/**:cancel')).toThrow(HarnessError);
    expect(() => nameVariableOf('/v1/{name=operations/**:cancel')).toThrow(/at position 24/);
    expect(() => isMultiSegment('operations//x')).toThrow(/path segments are never empty/);
  });

  it.each([
    ['operations/**', true],
    ['**', true],
    ['networks/*/operations/reports/runs/*', true],
    ['*', false],
    ['operations', false],
  ])('calls %s multi-segment: %s', (binding, multi) => {
    expect(isMultiSegment(binding)).toBe(multi);
  });
});
