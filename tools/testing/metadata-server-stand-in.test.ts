import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type MetadataServerStandIn,
  startMetadataServerStandIn,
} from './metadata-server-stand-in.ts';
import { TokenAuthority } from './token-authority.ts';

const TOKEN_PATH = '/computeMetadata/v1/instance/service-accounts/default/token';
const authority = new TokenAuthority();
let metadata: MetadataServerStandIn;

beforeAll(async () => {
  metadata = await startMetadataServerStandIn({ authority, scopes: ['s-default'] });
});
afterAll(() => metadata.close());

describe('the metadata-server stand-in', () => {
  it('refuses a request without Metadata-Flavor: Google', async () => {
    const response = await fetch(`${metadata.baseUrl}${TOKEN_PATH}`);
    expect(response.status).toBe(403);
    expect(authority.grants).toHaveLength(0);
  });

  it('issues a token for the scopes asked, or the attached ones, flavoured', async () => {
    const headers = { 'metadata-flavor': 'Google' };
    const asked = await fetch(`${metadata.baseUrl}${TOKEN_PATH}?scopes=s1,s2`, { headers });
    expect(asked.headers.get('metadata-flavor')).toBe('Google');
    const { access_token: token } = (await asked.json()) as { access_token: string };
    expect(authority.lookup(token)?.scopes).toEqual(['s1', 's2']);
    const plain = await fetch(`${metadata.baseUrl}${TOKEN_PATH}`, { headers });
    const { access_token: other } = (await plain.json()) as { access_token: string };
    expect(authority.lookup(other)?.scopes).toEqual(['s-default']);
  });
});
