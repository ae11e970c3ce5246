/**
 * `@googleapis/checks`, the stand-alone package of the Checks Discovery client (the same
 * generator as `googleapis`, an older googleapis-common and google-auth-library of its own).
 */
import { checks } from '@googleapis/checks';
import type { SeedServiceProfile } from '#specs';
import type { InteropTarget } from '../../interop-targets.ts';
import { discoveryAuthClient } from '../../test-credentials.ts';
import type { ClientUnderTest } from '../client-under-test.ts';
import { installedVersion } from '../installed-version.ts';
import {
  DISCOVERY_CALLS,
  DISCOVERY_LRO_NOTE,
  openDiscovery,
  operationsResource,
} from './discovery-calls.ts';

export const googleapisChecks: ClientUnderTest = {
  id: 'googleapis-checks',
  title: '@googleapis/checks',
  construction: '`checks({version: "v1alpha", auth})`',
  services: () => ['checks'],
  calls: DISCOVERY_CALLS,
  lroNote: DISCOVERY_LRO_NOTE,
  packages: () => [{ name: '@googleapis/checks', version: installedVersion('@googleapis/checks') }],
  workaround: () => undefined,
  open: async (target: InteropTarget, profile: SeedServiceProfile) => {
    const api = checks({
      version: 'v1alpha',
      auth: discoveryAuthClient(),
      rootUrl: target.discoveryRootUrl(profile),
    });
    return openDiscovery(operationsResource(api, profile));
  },
};
