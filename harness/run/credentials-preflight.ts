/**
 * Before the first probe of a run that sends credentials, in the CLI's own thread: the scrubber
 * of this thread learns every secret it can know (`--header` values, the quota project, a token
 * ADC hands out here), since the suites run in a worker thread whose scrubber is its own; and
 * Application Default Credentials are loaded and asked for a token once per scope set, so a run
 * without usable credentials stops at once with one line that says what to set up (exit 2)
 * instead of a matrix full of ERROR cells. Returns the warnings worth printing (user credentials
 * cannot request the scopes a service documents).
 */
import { isLroError, usageError } from '#base';
import { registerSecret } from '#reports';
import {
  adcScopesOf,
  createAdcCredentials,
  parseHeaderOptions,
  type TargetAuthConfig,
} from '../http/index.ts';
import type { RunConfig } from '../plan/index.ts';

export async function prepareCredentials(run: RunConfig): Promise<string[]> {
  const auth = authOf(run);
  if (auth === undefined) return [];
  try {
    for (const secret of parseHeaderOptions(auth.headers).secrets) registerSecret(secret);
    const { adc } = auth;
    if (adc === undefined) return [];
    if (adc.quotaProject !== undefined) registerSecret(adc.quotaProject);
    const scopeSets = new Map(
      run.services.map((service) => {
        const scopes = adcScopesOf(auth, service);
        return [JSON.stringify([...scopes].sort()), scopes] as const;
      }),
    );
    const warnings = new Set<string>();
    for (const scopes of scopeSets.values()) {
      const status = await createAdcCredentials({
        scopes,
        quotaProjectId: adc.quotaProject,
      }).check();
      for (const warning of status.warnings) warnings.add(warning);
    }
    return [...warnings];
  } catch (error) {
    // At start-up, credentials that cannot be used are the user's to fix: a usage error (exit 2).
    if (isLroError(error) && error.code === 'CREDENTIALS') throw usageError(error.message);
    throw error;
  }
}

function authOf(run: RunConfig): TargetAuthConfig | undefined {
  const { target } = run;
  return target.kind === 'live' || target.kind === 'url' ? target.auth : undefined;
}
