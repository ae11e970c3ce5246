import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { absentId, absentName, parentOf } from './probe-names.ts';

describe('absentName', () => {
  it.for([
    ['operations/**', undefined, 'operations/ID'],
    ['operations/**', 'operations/customers/42', 'operations/customers/42/ID'],
    [
      'accounts/*/apps/*/operations/*',
      undefined,
      'accounts/lro-conformance/apps/lro-conformance/operations/ID',
    ],
    ['accounts/*/apps/*/operations/*', 'accounts/7/apps/9', 'accounts/7/apps/9/operations/ID'],
    [
      'networks/*/operations/reports/runs/*',
      'networks/123',
      'networks/123/operations/reports/runs/ID',
    ],
    [
      'projects/*/locations/*/operations/*',
      'projects/p/locations/us',
      'projects/p/locations/us/operations/ID',
    ],
  ] as const)('%s under %s is %s', ([template, parent, name]) => {
    expect(absentName(template, 'ID', parent)).toBe(name);
  });

  it('refuses a parent that covers the whole name', () => {
    expect(() =>
      absentName('accounts/*/apps/*/operations/*', 'ID', 'accounts/1/apps/2/operations/3'),
    ).toThrow(expect.toSatisfy(isLroError));
  });
});

describe('absentId', () => {
  it('differs from call to call', () => {
    expect(absentId()).not.toBe(absentId());
    expect(absentId()).toMatch(/^lro-conformance-absent-[a-z0-9]+$/);
  });
});

describe('parentOf', () => {
  it.for([
    ['accounts/*/apps/*/operations/*', 'accounts/7/apps/9/operations/1', 'accounts/7/apps/9'],
    ['networks/*/operations/reports/runs/*', 'networks/5/operations/reports/runs/1', 'networks/5'],
    [
      'projects/*/locations/*/operations/*',
      'projects/p/locations/l/operations/o',
      'projects/p/locations/l',
    ],
    ['operations/**', 'operations/customers/1/x', 'operations/customers/1'],
    ['operations/**', 'operations/x', 'operations'],
    ['operations/*', 'operations/x', undefined],
  ] as const)('%s: the owner of %s is %s', ([template, name, parent]) => {
    expect(parentOf(template, name)).toBe(parent);
  });

  it('gives a parent absentName accepts, so probes stay under their owner', () => {
    const parent = parentOf('accounts/*/apps/*/operations/*', 'accounts/7/apps/9/operations/1');
    expect(absentName('accounts/*/apps/*/operations/*', 'ID', parent)).toBe(
      'accounts/7/apps/9/operations/ID',
    );
  });
});
