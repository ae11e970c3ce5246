/**
 * The interop targets' own guards, each shown firing: a request MSW has no reference handler for
 * is stopped in-process (the `.invalid` host could not resolve anyway, so a broken guard fails
 * this test instead of reaching a network), MSW refuses to start while a proxy would tunnel
 * around it, and a control-protocol refusal surfaces as a setup error, not as a test result.
 */
import { describe, expect, it, vi } from 'vitest';
import { InteropSetupError } from './interop-error.ts';
import { startLoopbackTarget, startMswTarget } from './interop-targets.ts';

describe('interop targets', () => {
  it('answers a request to a host the reference does not serve with the setup error', async () => {
    const target = await startMswTarget();
    try {
      const response = await fetch('https://unserved.invalid/v1/operations/x');

      expect(response.status).toBe(500);
      expect(await response.text()).toContain('stopped from leaving the machine');
    } finally {
      await target.close();
    }
  });

  it('refuses to start the MSW target while HTTPS_PROXY is set', async () => {
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.invalid:3128');
    try {
      await expect(startMswTarget()).rejects.toThrow(InteropSetupError);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('rejects with a setup error when the control protocol refuses an operation', async () => {
    const target = await startLoopbackTarget();
    try {
      await expect(target.createOperation('no-such-service', 'running')).rejects.toThrow(
        InteropSetupError,
      );
    } finally {
      await target.close();
    }
  });
});
