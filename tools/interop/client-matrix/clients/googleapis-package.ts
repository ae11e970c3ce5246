/**
 * The full `googleapis` package: `google.<api>({version, auth, rootUrl})` for every API in the
 * Discovery directory it was generated from. It reaches the services of specs/services whose API
 * it contains (Checks v1alpha and Cloud Data Fusion v1 in googleapis 188; Ads Data Hub, Ad Manager
 * and DAI are not in it): found by asking the package, not by a list kept here.
 *
 * Loaded with `require` and typed by the calls made here: type-checking its index (every Google
 * API) adds about 20 seconds to `npm run typecheck`.
 */
import { createRequire } from 'node:module';
import type { SeedServiceProfile } from '#specs';
import { loadServiceProfiles } from '#specs';
import type { InteropTarget } from '../../interop-targets.ts';
import { type OAuth2ClientClass, oauth2ClientOf } from '../../test-credentials.ts';
import type { ClientUnderTest } from '../client-under-test.ts';
import { installedVersion } from '../installed-version.ts';
import {
  DISCOVERY_CALLS,
  DISCOVERY_LRO_NOTE,
  discoveryApiName,
  openDiscovery,
  operationsResource,
} from './discovery-calls.ts';

type ApiFactory = (options: { version: string; auth: unknown; rootUrl: string }) => unknown;

interface GoogleapisModule {
  readonly google: Record<string, unknown> & {
    readonly auth: { readonly OAuth2: OAuth2ClientClass<object> };
  };
}

let loaded: GoogleapisModule | undefined;
function googleapis(): GoogleapisModule {
  loaded ??= createRequire(import.meta.url)('googleapis') as GoogleapisModule;
  return loaded;
}

function factoryOf(profile: SeedServiceProfile): ApiFactory | undefined {
  const factory = googleapis().google[discoveryApiName(profile)];
  return typeof factory === 'function' ? (factory as ApiFactory) : undefined;
}

export const googleapisPackage: ClientUnderTest = {
  id: 'googleapis',
  title: 'googleapis (the full package)',
  construction:
    '`google.<api>({version, auth})`, e.g. `google.datafusion({version: "v1", auth})`, `google.checks({version: "v1alpha", auth})`',
  services: () =>
    loadServiceProfiles()
      .filter((profile) => factoryOf(profile) !== undefined)
      .map((profile) => profile.id),
  calls: DISCOVERY_CALLS,
  lroNote: DISCOVERY_LRO_NOTE,
  packages: () => [{ name: 'googleapis', version: installedVersion('googleapis') }],
  workaround: () => undefined,
  open: async (target: InteropTarget, profile: SeedServiceProfile) => {
    const factory = factoryOf(profile);
    const api = factory?.({
      version: profile.version,
      auth: oauth2ClientOf(googleapis().google.auth.OAuth2),
      rootUrl: target.discoveryRootUrl(profile),
    });
    return openDiscovery(operationsResource(api, profile));
  },
};
