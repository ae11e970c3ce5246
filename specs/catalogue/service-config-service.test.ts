import { describe, expect, it } from 'vitest';
import { profileOfPublished } from './profile-of-published.ts';
import {
  newestVersion,
  publishedByServiceConfig,
  readServiceConfigRules,
} from './service-config-service.ts';

describe('a service configuration', () => {
  it('picks the newest version, GA before beta before alpha', () => {
    expect(newestVersion(['v22', 'v25', 'v23'])).toBe('v25');
    expect(newestVersion(['v1alpha', 'v1', 'v1beta'])).toBe('v1');
    expect(newestVersion(['v1beta1', 'v2beta'])).toBe('v2beta');
  });

  it('becomes a profile from its HTTP rules, with the standard text and no scope', () => {
    const rules = readServiceConfigRules(
      [
        {
          service: 'lustre.googleapis.com',
          version: 'v1',
          config: 'google/cloud/lustre/v1/lustre_v1.yaml',
          cancel: {
            httpMethod: 'POST',
            path: '/v1/{name=projects/*/locations/*/operations/*}:cancel',
            body: null,
          },
          get: { httpMethod: 'GET', path: '/v1/{name=projects/*/locations/*/operations/*}' },
          nameShape: 'projects/*/locations/*/operations/*',
        },
      ],
      'rules.json',
    );
    const outcome = profileOfPublished(publishedByServiceConfig(rules, 'rules.json'));
    expect(outcome).toMatchObject({
      kind: 'profile',
      profile: {
        id: 'lustre',
        host: 'lustre.googleapis.com',
        cancel: { body: 'none', scopes: [], httpMethod: 'POST' },
        get: { httpRule: '/v1/{name=projects/*/locations/*/operations/*}' },
        provenance: {
          cancelText: { status: 'none' },
          document: {
            kind: 'service-config',
            source:
              'https://github.com/googleapis/googleapis/blob/master/google/cloud/lustre/v1/lustre_v1.yaml',
          },
        },
      },
    });
  });

  it('names the entry and field of a malformed rule list', () => {
    expect(() => readServiceConfigRules([{ service: 'x' }], 'rules.json')).toThrow(
      'rules.json at [0].cancel: missing; expected an object: {httpMethod, path, body}',
    );
  });
});
