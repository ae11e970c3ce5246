/**
 * Test set-up for code that looks for Application Default Credentials. Google's token endpoints
 * are answered by MSW handlers that let loopback requests (the stand-ins) pass and stop anything
 * else; every test gets an empty gcloud directory and the variables ADC reads cleared, so no
 * credential of the machine running the tests is ever found, and forgets the secrets it taught
 * the scrubber.
 */
import type { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { forgetSecrets } from '#reports';
import { type CredentialDirectory, credentialDirectory } from './credential-files.ts';

/** Starts `server` for the file; a request that is not for loopback fails the test. */
export function listenLoopbackOnly(server: ReturnType<typeof setupServer>): void {
  beforeAll(() => {
    server.listen({
      onUnhandledFrame: ({ frame }) => {
        const request = (frame.data as { request?: unknown } | null)?.request;
        if (request instanceof Request && new URL(request.url).hostname === '127.0.0.1') return;
        throw new Error(`unexpected request left the test: ${String(request)}`);
      },
    });
  });
  afterAll(() => server.close());
}

/** Isolates every test of the file from the machine's credentials; returns the test's directory. */
export function useIsolatedAdc(): () => CredentialDirectory {
  let files: CredentialDirectory | undefined;
  beforeEach(async () => {
    files = await credentialDirectory();
    vi.stubEnv('CLOUDSDK_CONFIG', files.path);
    vi.stubEnv('METADATA_SERVER_DETECTION', 'none');
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', undefined);
    vi.stubEnv('GOOGLE_CLOUD_QUOTA_PROJECT', undefined);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    forgetSecrets();
    await files?.remove();
    files = undefined;
  });
  return () => {
    if (files === undefined)
      throw new Error('useIsolatedAdc: the directory exists during a test only');
    return files;
  };
}
