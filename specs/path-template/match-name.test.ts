import { describe, expect, it } from 'vitest';
import { matchName } from './match-name.ts';
import { parseSegmentsTemplate } from './parse-segments-template.ts';

/** [segments template, accepted names, rejected names]. */
const CASES: readonly (readonly [string, readonly string[], readonly string[]])[] = [
  [
    'operations/**',
    ['operations', 'operations/a', 'operations/a/b/c', 'operations/a:b c%2F'],
    [
      '',
      'operation/a',
      'Operations/a',
      'x/operations/a',
      'operations/',
      'operations//a',
      '/operations/a',
    ],
  ],
  [
    'networks/*/operations/reports/runs/*',
    ['networks/1/operations/reports/runs/2'],
    [
      'networks/1/operations/reports/runs',
      'networks/1/operations/reports/runs/2/3',
      'networks//operations/reports/runs/2',
    ],
  ],
  [
    'accounts/*/apps/*/operations/*',
    ['accounts/a/apps/b/operations/c', 'accounts/apps/apps/apps/operations/operations'],
    [
      'accounts/a/apps/b/operations',
      'accounts/a/apps/b/operations/c/d',
      'accounts/a/app/b/operations/c',
      'accounts/a/apps/b/operations/',
    ],
  ],
  [
    'projects/*/locations/*/operations/*',
    ['projects/p/locations/us-east1/operations/op-1'],
    ['projects/p/locations/us-east1/operations', 'projects/p/zones/z/operations/o'],
  ],
  [
    'projects/*/privacypolicy/operations/*',
    ['projects/p/privacypolicy/operations/o'],
    ['projects/p/privacyPolicy/operations/o', 'projects/p/operations/o'],
  ],
  ['**', ['', 'a', 'a/b'], ['/', 'a/', '//a']],
  ['*', ['a', 'a:b'], ['', 'a/b', '/']],
];

describe('matchName', () => {
  for (const [source, accepted, rejected] of CASES) {
    const template = parseSegmentsTemplate(source);
    for (const name of accepted) {
      it(`accepts ${JSON.stringify(name)} for ${source}`, () => {
        expect(matchName(template, name)).toBe(true);
      });
    }
    for (const name of rejected) {
      it(`rejects ${JSON.stringify(name)} for ${source}`, () => {
        expect(matchName(template, name)).toBe(false);
      });
    }
  }
});
