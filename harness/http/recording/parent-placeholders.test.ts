import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { parentPlaceholders, placeholderFor, replaceParents } from './parent-placeholders.ts';

describe('parentPlaceholders', () => {
  it('keeps the shape of each parent, naming each filled segment after its collection', () => {
    expect(
      parentPlaceholders({
        datafusion: 'projects/my-proj/locations/us-central1',
        admanager: 'networks/12345',
        checks: 'accounts/a1/apps/b2',
        dai: 'operations',
        adsdatahub: 'operations/customer-7/jobs',
      }),
    ).toEqual([
      {
        service: 'datafusion',
        parent: 'projects/my-proj/locations/us-central1',
        placeholder: 'projects/{project}/locations/{location}',
      },
      { service: 'admanager', parent: 'networks/12345', placeholder: 'networks/{network}' },
      {
        service: 'checks',
        parent: 'accounts/a1/apps/b2',
        placeholder: 'accounts/{account}/apps/{app}',
      },
      { service: 'dai', parent: 'operations', placeholder: 'operations' },
      {
        service: 'adsdatahub',
        parent: 'operations/customer-7/jobs',
        placeholder: 'operations/{operation}/{segment3}',
      },
    ]);
  });

  it.for([
    [
      'datafusion',
      'projects/p/zones/z',
      /is not the leading part of datafusion's operation names \(projects\/\*\/locations\/\*\/operations\/\*\)/,
    ],
    ['datafusion', 'projects//locations/l', /is not the leading part/],
    ['checks', 'accounts/a/apps/b/operations/c/extra', /is not the leading part/],
    ['nosuch', 'x/y', /unknown service "nosuch"/],
  ] as const)('refuses %s=%s', ([service, parent, expected]) => {
    let caught: unknown;
    try {
      parentPlaceholders({ [service]: parent });
    } catch (error) {
      caught = error;
    }
    expect(isLroError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(expected);
  });

  it('works from any name template', () => {
    expect(placeholderFor('a/1/b/2', 'a/*/b/*/c/*', 'x')).toBe('a/{a}/b/{b}');
  });
});

describe('replaceParents', () => {
  const placeholders = parentPlaceholders({ datafusion: 'projects/p/locations/l' });

  it.for([
    [
      'a URL path',
      'https://h/v1/projects/p/locations/l/operations/o:cancel',
      'https://h/v1/projects/{project}/locations/{location}/operations/o:cancel',
    ],
    [
      'a JSON name',
      '{"name":"projects/p/locations/l/operations/o"}',
      '{"name":"projects/{project}/locations/{location}/operations/o"}',
    ],
    [
      'an IAM resource',
      "denied on resource '//h/projects/p/locations/l/operations/o'",
      "denied on resource '//h/projects/{project}/locations/{location}/operations/o'",
    ],
    [
      'a name sent with %2F',
      '/v1/projects%2Fp%2Flocations%2Fl%2Foperations%2Fo',
      '/v1/projects%2F%7Bproject%7D%2Flocations%2F%7Blocation%7D%2Foperations%2Fo',
    ],
    [
      'a name with its first separator sent as %2F',
      '/v1/projects%2Fp/locations/l/operations/o',
      '/v1/projects%2F%7Bproject%7D/locations/%7Blocation%7D/operations/o',
    ],
    [
      'a name with a separator inside the parent sent as %2F',
      '/v1/projects/p/locations%2Fl/operations/o',
      '/v1/projects/%7Bproject%7D/locations%2F%7Blocation%7D/operations/o',
    ],
    [
      'the parent itself, at the end',
      'list projects/p/locations/l',
      'list projects/{project}/locations/{location}',
    ],
  ] as const)('replaces the parent in %s', ([, text, expected]) => {
    expect(replaceParents(text, placeholders)).toBe(expected);
  });

  it.for([
    'projects/pp/locations/l/operations/o',
    'projects/p/locations/lx/operations/o',
    'xprojects/p/locations/l',
    'subprojects/p/locations/l',
  ])('leaves %s alone: the parent is only part of a segment there', (text) => {
    expect(replaceParents(text, placeholders)).toBe(text);
  });
});
