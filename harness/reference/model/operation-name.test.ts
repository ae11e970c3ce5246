import { describe, expect, it } from 'vitest';
import { HarnessError } from '#base';
import { loadServiceProfiles, matchName, parseSegmentsTemplate } from '#specs';
import { mintOperationName } from './operation-name.ts';

describe('operation names', () => {
  it.each(loadServiceProfiles())('mints $id names that fit $nameTemplate', (profile) => {
    const name = mintOperationName(profile.nameTemplate, profile.id, 7);
    expect(matchName(parseSegmentsTemplate(profile.nameTemplate), name)).toBe(true);
    expect(name.endsWith(`/${profile.id}-7`)).toBe(true);
  });

  it('mints different names for two services that share a template', () => {
    expect(mintOperationName('operations/**', 'adsdatahub', 1)).not.toBe(
      mintOperationName('operations/**', 'dai', 1),
    );
  });

  it('refuses a template with no wildcard to fill', () => {
    expect(() => mintOperationName('operations/fixed', 'x', 1)).toThrow(HarnessError);
  });
});
