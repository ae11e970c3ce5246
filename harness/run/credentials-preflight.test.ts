/**
 * The CLI thread's part of a run with credentials: it learns every secret it can know before
 * anything is written, and stops a run whose credentials do not work before the first probe.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LroError } from '#base';
import { REDACTED, scrubText } from '#reports';
import { authorizedUser } from '../../tools/testing/credential-files.ts';
import { googleTokenHandlers } from '../../tools/testing/google-token-handlers.ts';
import { listenLoopbackOnly, useIsolatedAdc } from '../../tools/testing/isolated-adc.ts';
import {
  type MetadataServerStandIn,
  startMetadataServerStandIn,
} from '../../tools/testing/metadata-server-stand-in.ts';
import { TokenAuthority } from '../../tools/testing/token-authority.ts';
import { CLOUD_PLATFORM_SCOPE } from '../http/auth/service-scopes.ts';
import { defaultRunConfig, type RunConfig } from '../plan/run-config.ts';
import { prepareCredentials } from './credentials-preflight.ts';

const CHECKS_SCOPE = 'https://www.googleapis.com/auth/checks';
const authority = new TokenAuthority();
const tokenServer = setupServer(
  ...googleTokenHandlers({
    authority,
    users: { 'refresh-me': { principal: 'user@example.com', scopes: [CLOUD_PLATFORM_SCOPE] } },
  }),
);
let metadata: MetadataServerStandIn;
listenLoopbackOnly(tokenServer);
const files = useIsolatedAdc();

beforeAll(async () => {
  metadata = await startMetadataServerStandIn({ authority });
});
afterAll(async () => {
  await metadata.close();
});
beforeEach(async () => {
  vi.stubEnv('PREFLIGHT_KEY', 'preflight-key-91ab');
});

function live(services: readonly string[], quotaProject?: string): RunConfig {
  return {
    ...defaultRunConfig(),
    services,
    target: {
      kind: 'live',
      endpoints: {},
      auth: {
        adc: {
          scopes: { checks: [CHECKS_SCOPE], datafusion: [CLOUD_PLATFORM_SCOPE] },
          ...(quotaProject === undefined ? {} : { quotaProject }),
        },
        headers: ['X-Goog-Api-Key: $PREFLIGHT_KEY'],
      },
      maxRps: 2,
      requestTimeoutMs: 1_000,
    },
  };
}

describe('prepareCredentials', () => {
  it('stops a run without usable credentials with one line (exit 2), having learnt the header', async () => {
    const error = await prepareCredentials(live(['datafusion'])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LroError);
    expect((error as LroError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(/^no Application Default Credentials found: /);
    expect(scrubText('key preflight-key-91ab')).toBe(`key ${REDACTED}`);
  });

  it('gets a token per scope set and learns it and the quota project', async () => {
    vi.stubEnv('GCE_METADATA_HOST', metadata.hostPort);
    vi.stubEnv('METADATA_SERVER_DETECTION', 'assume-present');
    const before = authority.grants.length;
    expect(await prepareCredentials(live(['checks', 'datafusion'], 'quota-4411'))).toEqual([]);
    const issued = authority.grants.slice(before);
    expect(issued.map((grant) => grant.scopes)).toEqual([[CHECKS_SCOPE], [CLOUD_PLATFORM_SCOPE]]);
    for (const grant of issued) expect(scrubText(grant.token)).toBe(REDACTED);
    expect(scrubText('quota-4411')).toBe(REDACTED);
  });

  it('warns when user credentials meet a scope they cannot ask for', async () => {
    vi.stubEnv(
      'GOOGLE_APPLICATION_CREDENTIALS',
      await files().write('adc.json', authorizedUser('refresh-me')),
    );
    const warnings = await prepareCredentials(live(['checks']));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^user credentials carry the scopes chosen at login, not https:\/\/www.googleapis.com\/auth\/checks/,
      ),
    ]);
  });

  it('does nothing for a run without credentials', async () => {
    expect(await prepareCredentials(defaultRunConfig())).toEqual([]);
  });
});
