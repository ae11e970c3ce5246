import { setupServer } from 'msw/node';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isLroError } from '#base';
import { REDACTED, scrubText } from '#reports';
import {
  authorizedUser,
  impersonatedServiceAccount,
  serviceAccountKey,
} from '../../../tools/testing/credential-files.ts';
import { googleTokenHandlers } from '../../../tools/testing/google-token-handlers.ts';
import { listenLoopbackOnly, useIsolatedAdc } from '../../../tools/testing/isolated-adc.ts';
import {
  METADATA_PRINCIPAL,
  startMetadataServerStandIn,
} from '../../../tools/testing/metadata-server-stand-in.ts';
import { TokenAuthority } from '../../../tools/testing/token-authority.ts';
import { createAdcCredentials } from './adc-credentials.ts';
import { CLOUD_PLATFORM_SCOPE } from './service-scopes.ts';

const CHECKS_SCOPE = 'https://www.googleapis.com/auth/checks';
const URL_ = 'https://checks.googleapis.com/v1alpha/accounts/a/apps/b/operations/x';
const KEY_ACCOUNT = 'conformance@stand-in-project.iam.gserviceaccount.com';
const TARGET_ACCOUNT = 'target@stand-in-project.iam.gserviceaccount.com';
const USER = 'user@example.com';
const REFRESH_TOKEN = 'stand-in-refresh-token';

const authority = new TokenAuthority();
const key = serviceAccountKey(KEY_ACCOUNT);
const server = setupServer(
  ...googleTokenHandlers({
    authority,
    serviceAccounts: { [KEY_ACCOUNT]: key.publicKey },
    users: { [REFRESH_TOKEN]: { principal: USER, scopes: [CLOUD_PLATFORM_SCOPE] } },
    impersonation: { [USER]: [TARGET_ACCOUNT] },
  }),
);
listenLoopbackOnly(server);
const files = useIsolatedAdc();

beforeEach(async () => {
  // No well-known gcloud file, no metadata server, no proxy, no project or quota project.
  vi.stubEnv('GOOGLE_CLOUD_PROJECT', undefined);
  for (const proxy of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) {
    vi.stubEnv(proxy, undefined);
  }
});

async function useFile(json: unknown): Promise<void> {
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', await files().write('adc.json', json));
}

/** The token the headers carry, and what the authority knows of it. */
function grantOf(headers: Headers) {
  const token = /^Bearer (\S+)$/.exec(headers.get('authorization') ?? '')?.[1] ?? '';
  return { token, grant: authority.lookup(token) };
}

describe('createAdcCredentials', () => {
  it('signs a JWT with a service-account key and sends the token it gets for the scopes asked', async () => {
    await useFile(key.json);
    const adc = createAdcCredentials({ scopes: [CHECKS_SCOPE] });
    const { token, grant } = grantOf(await adc.headers(URL_));
    expect(grant).toMatchObject({
      principal: KEY_ACCOUNT,
      scopes: [CHECKS_SCOPE],
      via: 'jwt-bearer',
    });
    expect(scrubText(`sent ${token}`)).toBe(`sent ${REDACTED}`);
    expect(await adc.check(URL_)).toMatchObject({ kind: 'service-account-key', warnings: [] });
  });

  it('reports a key the token endpoint refuses in one line without the assertion', async () => {
    await useFile(serviceAccountKey(KEY_ACCOUNT).json);
    const error = await createAdcCredentials({ scopes: [CHECKS_SCOPE] })
      .headers(URL_)
      .catch((caught: unknown) => caught);
    expect(isLroError(error) && error.code).toBe('CREDENTIALS');
    const message = (error as Error).message;
    expect(message).toMatch(
      /^the service-account key could not get an access token: https:\/\/oauth2\.googleapis\.com\/token answered HTTP 400 invalid_grant: Invalid JWT Signature\. \(see docs\/LIVE\.md/,
    );
    expect(message).not.toContain('\n');
    expect((error as Error).cause).toBeUndefined();
  });

  it('refreshes user credentials, which keep the scopes of their login, and warns so', async () => {
    await useFile(authorizedUser(REFRESH_TOKEN));
    const adc = createAdcCredentials({ scopes: [CHECKS_SCOPE] });
    const { grant } = grantOf(await adc.headers(URL_));
    expect(grant).toMatchObject({ principal: USER, scopes: [CLOUD_PLATFORM_SCOPE] });
    const status = await adc.check(URL_);
    expect(status.kind).toBe('authorized-user');
    expect(status.warnings).toEqual([expect.stringContaining('--scopes=')]);
  });

  it('impersonates a service account with the scopes asked, from user credentials', async () => {
    await useFile(impersonatedServiceAccount(TARGET_ACCOUNT, authorizedUser(REFRESH_TOKEN)));
    const adc = createAdcCredentials({ scopes: [CHECKS_SCOPE] });
    const { grant } = grantOf(await adc.headers(URL_));
    expect(grant).toMatchObject({
      principal: TARGET_ACCOUNT,
      scopes: [CHECKS_SCOPE],
      via: 'impersonation',
    });
    expect((await adc.check(URL_)).kind).toBe('impersonated-service-account');
  });

  it('names the refusal when the caller may not impersonate the account', async () => {
    await useFile(
      impersonatedServiceAccount('other@x.iam.gserviceaccount.com', authorizedUser(REFRESH_TOKEN)),
    );
    const error = await createAdcCredentials({ scopes: [CHECKS_SCOPE] })
      .headers(URL_)
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(
      /^the impersonated service account could not get an access token: .*iamcredentials.* answered HTTP 403 PERMISSION_DENIED/,
    );
  });

  it('asks the metadata server, with Metadata-Flavor and the scopes', async () => {
    const metadata = await startMetadataServerStandIn({ authority });
    try {
      vi.stubEnv('GCE_METADATA_HOST', metadata.hostPort);
      vi.stubEnv('METADATA_SERVER_DETECTION', 'assume-present');
      const adc = createAdcCredentials({ scopes: [CHECKS_SCOPE] });
      const { grant } = grantOf(await adc.headers(URL_));
      expect(grant).toMatchObject({
        principal: METADATA_PRINCIPAL,
        scopes: [CHECKS_SCOPE],
        via: 'metadata',
      });
      const tokenRequest = metadata.requests.find((r) => r.path.includes('/token'));
      expect(tokenRequest?.headers['metadata-flavor']).toBe('Google');
      expect(tokenRequest?.path).toContain(`scopes=${encodeURIComponent(CHECKS_SCOPE)}`);
      expect((await adc.check(URL_)).kind).toBe('metadata-server');
    } finally {
      await metadata.close();
    }
  });

  it.for([
    ['--quota-project', { quotaProjectId: 'billing-from-flag' }, undefined, 'billing-from-flag'],
    ['GOOGLE_CLOUD_QUOTA_PROJECT', {}, 'billing-from-env', 'billing-from-env'],
  ] as const)(
    'sends x-goog-user-project from %s and scrubs it',
    async ([, options, env, expected]) => {
      await useFile(key.json);
      if (env !== undefined) vi.stubEnv('GOOGLE_CLOUD_QUOTA_PROJECT', env);
      const adc = createAdcCredentials({ scopes: [CHECKS_SCOPE], ...options });
      const headers = await adc.headers(URL_);
      expect(headers.get('x-goog-user-project')).toBe(expected);
      expect((await adc.check(URL_)).quotaProject).toBe(true);
      expect(scrubText(`projects/${expected}`)).toBe(`projects/${REDACTED}`);
    },
  );

  it('sends the quota project a user credentials file names, and --quota-project overrides it', async () => {
    await useFile(authorizedUser(REFRESH_TOKEN, 'billing-in-file'));
    expect(
      (await createAdcCredentials({ scopes: [CLOUD_PLATFORM_SCOPE] }).headers(URL_)).get(
        'x-goog-user-project',
      ),
    ).toBe('billing-in-file');
    const flagged = createAdcCredentials({
      scopes: [CLOUD_PLATFORM_SCOPE],
      quotaProjectId: 'flag-wins',
    });
    expect((await flagged.headers(URL_)).get('x-goog-user-project')).toBe('flag-wins');
  });

  it('sends no x-goog-user-project when no quota project is set', async () => {
    await useFile(key.json);
    const headers = await createAdcCredentials({ scopes: [CHECKS_SCOPE] }).headers(URL_);
    expect(headers.has('x-goog-user-project')).toBe(false);
  });

  it.for([
    [
      'no source at all',
      undefined,
      /^no Application Default Credentials found: set GOOGLE_APPLICATION_CREDENTIALS/,
    ],
    [
      'a missing file',
      '/nonexistent/adc.json',
      /^GOOGLE_APPLICATION_CREDENTIALS names a file that cannot be read \(\/nonexistent\/adc\.json\)/,
    ],
  ] as const)('says what to set up when ADC finds %s', async ([, path, expected]) => {
    if (path !== undefined) vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', path);
    const error = await createAdcCredentials({ scopes: [CHECKS_SCOPE] })
      .check()
      .catch((caught: unknown) => caught);
    expect(isLroError(error) && error.code).toBe('CREDENTIALS');
    expect((error as Error).message).toMatch(expected);
    expect((error as Error).message).not.toContain('\n');
  });
});
