/**
 * Test set-up for the four Application Default Credentials sources end to end: Google's token
 * endpoints answered by MSW (a service-account key, user credentials, impersonation), a metadata
 * server stand-in, and the Google front-end stand-in, all issuing and checking tokens of one
 * TokenAuthority whose principals may read `parent`. Every test is isolated from the machine's
 * own credentials (isolated-adc.ts).
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, vi } from 'vitest';
import { CLOUD_PLATFORM_SCOPE } from '../../harness/http/auth/service-scopes.ts';
import {
  authorizedUser,
  impersonatedServiceAccount,
  serviceAccountKey,
} from './credential-files.ts';
import { type GoogleStandIn, startGoogleStandIn } from './google-stand-in.ts';
import { googleTokenHandlers } from './google-token-handlers.ts';
import { listenLoopbackOnly, useIsolatedAdc } from './isolated-adc.ts';
import {
  METADATA_PRINCIPAL,
  type MetadataServerStandIn,
  startMetadataServerStandIn,
} from './metadata-server-stand-in.ts';
import { TokenAuthority } from './token-authority.ts';

const KEY_ACCOUNT = 'key@mine.iam.gserviceaccount.com';
const TARGET_ACCOUNT = 'target@mine.iam.gserviceaccount.com';
const USER = 'user@example.com';

export interface AdcWorld {
  readonly authority: TokenAuthority;
  /** The Google front-end stand-in (during the file's tests). */
  readonly standIn: () => GoogleStandIn;
  /** The metadata server stand-in (during the file's tests). */
  readonly metadata: () => MetadataServerStandIn;
  /** Each ADC source by name, with the step that makes ADC find it. */
  readonly sources: readonly (readonly [string, () => Promise<void>])[];
}

/** Registers the file's hooks; call at the top level of a test file. */
export function useAdcWorld(parent: string): AdcWorld {
  const authority = new TokenAuthority();
  const key = serviceAccountKey(KEY_ACCOUNT);
  listenLoopbackOnly(
    setupServer(
      ...googleTokenHandlers({
        authority,
        serviceAccounts: { [KEY_ACCOUNT]: key.publicKey },
        users: { 'refresh-me': { principal: USER, scopes: [CLOUD_PLATFORM_SCOPE] } },
        impersonation: { [USER]: [TARGET_ACCOUNT] },
      }),
    ),
  );
  const files = useIsolatedAdc();
  let standIn: GoogleStandIn | undefined;
  let metadata: MetadataServerStandIn | undefined;
  beforeAll(async () => {
    standIn = await startGoogleStandIn({ authority });
    metadata = await startMetadataServerStandIn({ authority });
    for (const principal of [KEY_ACCOUNT, TARGET_ACCOUNT, USER, METADATA_PRINCIPAL]) {
      authority.allowParents(principal, [parent]);
    }
  });
  afterAll(async () => {
    await standIn?.close();
    await metadata?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useAdcWorld: ${what} runs during tests only`);
    return value;
  };
  const useFile = async (json: unknown) => {
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', await files().write('adc.json', json));
  };
  return {
    authority,
    standIn: () => started(standIn, 'the Google stand-in'),
    metadata: () => started(metadata, 'the metadata server stand-in'),
    sources: [
      ['a service-account key', () => useFile(key.json)],
      ['user credentials', () => useFile(authorizedUser('refresh-me'))],
      [
        'an impersonation file',
        () => useFile(impersonatedServiceAccount(TARGET_ACCOUNT, authorizedUser('refresh-me'))),
      ],
      [
        'the metadata server',
        async () => {
          vi.stubEnv('GCE_METADATA_HOST', started(metadata, 'the metadata server').hostPort);
          vi.stubEnv('METADATA_SERVER_DETECTION', 'assume-present');
        },
      ],
    ],
  };
}
