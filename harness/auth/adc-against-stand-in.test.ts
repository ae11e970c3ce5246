/**
 * Every ADC source, end to end: credentials from a stand-in token source, headers added by
 * withAuth, the request answered by the Google front-end stand-in, the exchange recorded as
 * evidence. The stand-in accepting the token shows the header is right; the recording holding no
 * trace of it shows the scrubber learnt it.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordExchanges } from '../client/exchange-recorder.ts';
import {
  authorizedUser,
  impersonatedServiceAccount,
  serviceAccountKey,
} from '../testing/credential-files.ts';
import { type GoogleStandIn, startGoogleStandIn } from '../testing/google-stand-in.ts';
import { googleTokenHandlers } from '../testing/google-token-handlers.ts';
import { listenLoopbackOnly, useIsolatedAdc } from '../testing/isolated-adc.ts';
import {
  METADATA_PRINCIPAL,
  type MetadataServerStandIn,
  startMetadataServerStandIn,
} from '../testing/metadata-server-stand-in.ts';
import { TokenAuthority } from '../testing/token-authority.ts';
import { createAdcCredentials } from './adc-credentials.ts';
import { withAuth } from './auth-headers.ts';
import { CLOUD_PLATFORM_SCOPE } from './service-scopes.ts';

const PARENT = 'projects/mine/locations/us';
const KEY_ACCOUNT = 'key@mine.iam.gserviceaccount.com';
const TARGET_ACCOUNT = 'target@mine.iam.gserviceaccount.com';
const USER = 'user@example.com';

const authority = new TokenAuthority();
const key = serviceAccountKey(KEY_ACCOUNT);
const tokenServer = setupServer(
  ...googleTokenHandlers({
    authority,
    serviceAccounts: { [KEY_ACCOUNT]: key.publicKey },
    users: { 'refresh-me': { principal: USER, scopes: [CLOUD_PLATFORM_SCOPE] } },
    impersonation: { [USER]: [TARGET_ACCOUNT] },
  }),
);
let standIn: GoogleStandIn;
let metadata: MetadataServerStandIn;
listenLoopbackOnly(tokenServer);
const files = useIsolatedAdc();

beforeAll(async () => {
  standIn = await startGoogleStandIn({ authority });
  metadata = await startMetadataServerStandIn({ authority });
  for (const principal of [KEY_ACCOUNT, TARGET_ACCOUNT, USER, METADATA_PRINCIPAL]) {
    authority.allowParents(principal, [PARENT]);
  }
});
afterAll(async () => {
  await standIn.close();
  await metadata.close();
});
const SOURCES: readonly [string, () => Promise<void>][] = [
  ['a service-account key', () => useFile(key.json)],
  ['user credentials', () => useFile(authorizedUser('refresh-me'))],
  [
    'an impersonation file',
    () => useFile(impersonatedServiceAccount(TARGET_ACCOUNT, authorizedUser('refresh-me'))),
  ],
  [
    'the metadata server',
    async () => {
      vi.stubEnv('GCE_METADATA_HOST', metadata.hostPort);
      vi.stubEnv('METADATA_SERVER_DETECTION', 'assume-present');
    },
  ],
];

async function useFile(json: unknown): Promise<void> {
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', await files().write('adc.json', json));
}

describe('ADC through withAuth against the Google stand-in', () => {
  it.for(SOURCES)(
    '%s gets past authentication to the 404 of an absent operation',
    async ([, setUp]) => {
      await setUp();
      const adc = createAdcCredentials({
        scopes: [CLOUD_PLATFORM_SCOPE],
        quotaProjectId: 'billing-xyz',
      });
      const recorder = recordExchanges(withAuth((request) => fetch(request), adc.headers));
      const response = await recorder.fetch(
        new Request(`${standIn.baseUrl}/v1/${PARENT}/operations/lro-conformance-absent`),
      );
      expect(response.status).toBe(404);
      const sent = standIn.requests.at(-1)?.headers ?? {};
      const token = /^Bearer (\S+)$/.exec(sent.authorization ?? '')?.[1] ?? '';
      expect(authority.lookup(token)).toBeDefined();
      expect(sent['x-goog-user-project']).toBe('billing-xyz');
      const evidence = JSON.stringify(recorder.exchanges);
      expect(evidence).toContain('404');
      expect(evidence).not.toContain(token);
      expect(evidence).not.toContain('billing-xyz');
    },
  );

  it('is refused with 401 when no credentials are added', async () => {
    const response = await fetch(
      `${standIn.baseUrl}/v1/${PARENT}/operations/lro-conformance-absent`,
    );
    expect(response.status).toBe(401);
  });
});
