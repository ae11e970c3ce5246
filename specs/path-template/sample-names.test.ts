import { describe, expect, it } from 'vitest';
import { matchName } from './match-name.ts';
import { invalidNameKinds } from './name-mutations.ts';
import { parseSegmentsTemplate } from './parse-segments-template.ts';
import { sampleNames } from './sample-names.ts';

const TEMPLATES = [
  'operations/**',
  'networks/*/operations/reports/runs/*',
  'accounts/*/apps/*/operations/*',
  'projects/*/locations/*/operations/*',
  'projects/*/privacypolicy/operations/*',
  '**',
  '*',
  'operations',
];

describe('sampleNames', () => {
  for (const source of TEMPLATES) {
    const template = parseSegmentsTemplate(source);
    it(`gives names that fit ${source}`, () => {
      const names = sampleNames(template, { valid: true, count: 50, seed: 7 });
      expect(names).toHaveLength(50);
      for (const name of names) expect(matchName(template, name), name).toBe(true);
    });
    it(`gives names that do not fit ${source}`, () => {
      const names = sampleNames(template, { valid: false, count: 50, seed: 7 });
      expect(names).toHaveLength(50);
      for (const name of names) expect(matchName(template, name), name).toBe(false);
    });
  }

  it('fills wildcards with readable values', () => {
    const [name] = sampleNames(parseSegmentsTemplate('accounts/*/apps/*/operations/*'), {
      valid: true,
      count: 1,
    });
    expect(name).toMatch(
      /^accounts\/[a-z]+[-_]?\d+\/apps\/[a-z]+[-_]?\d+\/operations\/[a-z]+[-_]?\d+$/,
    );
  });

  it('repeats itself for the same seed and not for another', () => {
    const template = parseSegmentsTemplate('projects/*/locations/*/operations/*');
    const first = sampleNames(template, { valid: true, count: 10, seed: 42 });
    expect(sampleNames(template, { valid: true, count: 10, seed: 42 })).toEqual(first);
    expect(sampleNames(template, { valid: true, count: 10, seed: 43 })).not.toEqual(first);
  });

  it('cycles through every way to be invalid', () => {
    const template = parseSegmentsTemplate('accounts/*/apps/*/operations/*');
    expect(invalidNameKinds(template)).toEqual([
      'wrong-literal',
      'missing-segment',
      'extra-segment',
      'empty-segment',
    ]);
    const [wrongLiteral, missing, extra, empty] = sampleNames(template, {
      valid: false,
      count: 4,
    }).map((name) => name.split('/'));
    expect(wrongLiteral).toHaveLength(6);
    expect([wrongLiteral?.[0], wrongLiteral?.[2], wrongLiteral?.[4]]).not.toEqual([
      'accounts',
      'apps',
      'operations',
    ]);
    expect(missing).toHaveLength(5);
    expect(extra).toHaveLength(7);
    expect(empty).toContain('');
  });

  it('mutates only the prefix of a ** template', () => {
    const template = parseSegmentsTemplate('operations/**');
    expect(invalidNameKinds(template)).toEqual([
      'wrong-literal',
      'missing-segment',
      'empty-segment',
    ]);
    const [wrongPrefix, missing] = sampleNames(template, { valid: false, count: 2 });
    expect(wrongPrefix?.split('/')[0]).not.toBe('operations');
    expect(missing).toBe('');
  });

  it('gives nothing for a count of 0', () => {
    expect(sampleNames(parseSegmentsTemplate('*'), { valid: true, count: 0 })).toEqual([]);
  });
});
