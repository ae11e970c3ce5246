/**
 * The OAuth scopes to request for a service: the ones its documentation lists for the methods the
 * suite calls (the documented cancel and get; the service documents' per-operation `security`,
 * specs/README.md). OpenAPI ORs the requirement objects, so any one listed scope authorises a
 * method; a scope listed for both authorises both (Ad Manager lists `admanager` and
 * `admanager.readonly` for get but only `admanager` for cancel: `admanager` is requested). A
 * service that documents none (dai) gets `cloud-platform`, the scope Google Cloud APIs accept
 * (https://developers.google.com/identity/protocols/oauth2/scopes); `--scope` overrides either.
 */

import { usageError } from '#base';
import type { ServiceProfile } from '#specs';

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

export interface ServiceScopes {
  readonly scopes: readonly string[];
  /** documented: from the service document; default: none documented; override: `--scope`. */
  readonly source: 'documented' | 'default' | 'override';
}

export function serviceScopes(
  profile: ServiceProfile,
  override?: readonly string[] | undefined,
): ServiceScopes {
  if (override !== undefined && override.length > 0) {
    return { scopes: override.map((scope) => normaliseScope(scope)), source: 'override' };
  }
  // Without a get (a generated profile may have none), the cancel's scopes are the service's.
  const { cancel, get = cancel } = profile;
  const both = cancel.scopes.filter((scope) => get.scopes.includes(scope));
  const scopes = both.length > 0 ? both : [...new Set([...cancel.scopes, ...get.scopes])];
  return scopes.length > 0
    ? { scopes, source: 'documented' }
    : { scopes: [CLOUD_PLATFORM_SCOPE], source: 'default' };
}

/**
 * `cloud-platform` → `https://www.googleapis.com/auth/cloud-platform`; full URLs pass as given.
 * `option` names the option in the message (`--scope`, or runConformance's `scopes`).
 */
export function normaliseScope(scope: string, option = '--scope'): string {
  const trimmed = scope.trim();
  if (/^[a-z][a-z0-9.-]*$/i.test(trimmed)) return `${SCOPE_PREFIX}${trimmed}`;
  if (/^https:\/\/\S+$/.test(trimmed)) return trimmed;
  throw usageError(
    `${option} ${JSON.stringify(scope)} is not an OAuth scope: give its URL (${SCOPE_PREFIX}cloud-platform) or its short name (cloud-platform)`,
  );
}
