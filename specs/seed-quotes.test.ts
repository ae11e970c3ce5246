import { describe, expect, it } from 'vitest';
import { edited } from './fixtures/edited-documents.ts';
import {
  loadServiceDocument,
  loadServiceProfiles,
  serviceIds,
  serviceProfile,
} from './load-profiles.ts';
import { readSeed } from './read-seed.ts';
import { missingQuotes, recordedQuotes, withoutWhitespace } from './seed-quotes.ts';

function seedOf(id: string): string {
  return serviceProfile(id)?.provenance.seed ?? '';
}

describe('seed quotes', () => {
  it.each(serviceIds())('finds every quote of %s in its seed', (id) => {
    const file = `specs/services/${id}.openapi.json`;
    const document = loadServiceDocument(id);
    expect(recordedQuotes(document)).toHaveLength(3);
    expect(missingQuotes(document, file, readSeed(seedOf(id)), seedOf(id))).toEqual([]);
  });

  it.each(loadServiceProfiles().map((profile) => [profile.id, profile] as const))(
    'finds the profile quotes of %s in its seed',
    (_, profile) => {
      const seed = withoutWhitespace(readSeed(profile.provenance.seed));
      expect(seed).toContain(withoutWhitespace(profile.successBody.quote));
      expect(seed).toContain(withoutWhitespace(profile.cancelBodyQuote));
    },
  );

  it('quotes the route Ad Manager prints, not the binding it serves', () => {
    expect(recordedQuotes(loadServiceDocument('admanager'))).toContainEqual({
      where: 'paths["/v1/{name}:cancel"].post.x-google-documented-http-rule',
      quote: '/v1/{name}:cancel',
    });
  });

  it('ignores line breaks and spaces on both sides', () => {
    const seed = readSeed('003_0d45fe534da2664f.txt');
    expect(withoutWhitespace(seed)).toContain(
      withoutWhitespace('it returns google.rpc.Code.UNIMPLEMENTED\n. Clients'),
    );
  });

  it('reports an altered quote with the document place and the seed', () => {
    const where = ['paths', '/v1alpha/{name}:cancel', 'post', 'x-google-success-body', 'quote'];
    const altered = edited(
      loadServiceDocument('checks'),
      where,
      'If successful, the response body is {}.',
    );
    expect(
      missingQuotes(
        altered,
        'specs/services/checks.openapi.json',
        readSeed(seedOf('checks')),
        seedOf('checks'),
      ),
    ).toEqual([
      'specs/services/checks.openapi.json paths["/v1alpha/{name}:cancel"].post.x-google-success-body.quote: "If successful, the response body is {}." is not in specs/seeds/003_0d45fe534da2664f.txt',
    ]);
  });

  it('rejects a seed name that is not a file name', () => {
    expect(() => readSeed('../package.json')).toThrow('is not a seed file name');
  });
});
