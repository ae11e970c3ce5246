import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { type ServiceProfile, serviceProfile } from '#specs';
import { CLOUD_PLATFORM_SCOPE, normaliseScope, serviceScopes } from './service-scopes.ts';

function profile(id: string): ServiceProfile {
  const found = serviceProfile(id);
  if (found === undefined) throw new Error(`no profile ${id}`);
  return found;
}

describe('serviceScopes', () => {
  it.for([
    ['adsdatahub', ['https://www.googleapis.com/auth/adsdatahub'], 'documented'],
    ['admanager', ['https://www.googleapis.com/auth/admanager'], 'documented'],
    ['checks', ['https://www.googleapis.com/auth/checks'], 'documented'],
    ['datafusion', [CLOUD_PLATFORM_SCOPE], 'documented'],
    ['dai', [CLOUD_PLATFORM_SCOPE], 'default'],
  ] as const)(
    'requests for %s the scopes that authorise both cancel and get',
    ([id, scopes, source]) => {
      expect(serviceScopes(profile(id))).toEqual({ scopes, source });
    },
  );

  it('lets --scope override, short names included', () => {
    expect(serviceScopes(profile('dai'), ['dai', 'https://example.com/s'])).toEqual({
      scopes: ['https://www.googleapis.com/auth/dai', 'https://example.com/s'],
      source: 'override',
    });
  });

  it.for(['', 'http://insecure/scope', 'two words'])('refuses the scope %j', (scope) => {
    let caught: unknown;
    try {
      normaliseScope(scope);
    } catch (error) {
      caught = error;
    }
    expect(isLroError(caught) && caught.code).toBe('USAGE');
  });
});
