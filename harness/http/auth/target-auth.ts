/**
 * Credentials for a target over HTTP, as plain data that crosses into the worker thread that
 * runs the suites (vitest `provide`), and the request headers they become there. No secret
 * travels in the data: `--header` values are kept as typed and their `$VAR`s expanded where the
 * requests are sent, and Application Default Credentials are loaded there, once per run and
 * scope set (an AdcCache; google-auth-library caches and refreshes the token). Every value learnt is
 * registered with that thread's scrubber (reports/secret-registry.ts) before it is sent.
 */
import type { TargetInfo } from '#reports';
import { registerSecret } from '#reports';
import { type AdcCredentials, createAdcCredentials } from './adc-credentials.ts';
import { type AuthHeaders, authorized, combineAuthHeaders, fixedHeaders } from './auth-headers.ts';
import { parseHeaderOptions, toHeaders } from './header-options.ts';
import { CLOUD_PLATFORM_SCOPE } from './service-scopes.ts';

export interface TargetAuthConfig {
  /** Application Default Credentials (`--live`, `--auth adc`), with these scopes per service. */
  readonly adc?: {
    readonly scopes: Readonly<Record<string, readonly string[]>>;
    /** `--quota-project`: sent as `x-goog-user-project`. */
    readonly quotaProject?: string;
  };
  /** `--header 'Name: value'` as typed; `$VAR` is expanded where the requests are sent. */
  readonly headers: readonly string[];
}

/** How a target's requests are authenticated, for the report (never the credential). */
export function authKind(config: TargetAuthConfig | undefined): NonNullable<TargetInfo['auth']> {
  if (config?.adc !== undefined) return 'adc';
  return config !== undefined && config.headers.length > 0 ? 'headers' : 'none';
}

/**
 * ADC clients, one per scope set and quota project, kept for a whole run: the library caches and
 * refreshes each one's token.
 */
export interface AdcCache {
  credentialsFor(scopes: readonly string[], quotaProject: string | undefined): AdcCredentials;
}

export function createAdcCache(): AdcCache {
  const clients = new Map<string, AdcCredentials>();
  return {
    credentialsFor(scopes, quotaProject) {
      const key = JSON.stringify([[...scopes].sort(), quotaProject ?? null]);
      let credentials = clients.get(key);
      if (credentials === undefined) {
        if (quotaProject !== undefined) registerSecret(quotaProject);
        credentials = createAdcCredentials({ scopes, quotaProjectId: quotaProject });
        clients.set(key, credentials);
      }
      return credentials;
    },
  };
}

/** The scopes ADC asks for on behalf of `serviceId`. */
export function adcScopesOf(config: TargetAuthConfig, serviceId: string): readonly string[] {
  return config.adc?.scopes[serviceId] ?? [CLOUD_PLATFORM_SCOPE];
}

/**
 * The headers that authenticate a request of `serviceId`: ADC first, then `--header` values,
 * which replace an ADC header of the same name. Undefined when the config adds none.
 */
export function authHeadersFor(
  config: TargetAuthConfig | undefined,
  serviceId: string,
  cache: AdcCache,
): AuthHeaders | undefined {
  if (config === undefined) return undefined;
  const providers: AuthHeaders[] = [];
  const { adc } = config;
  if (adc !== undefined) {
    providers.push((url) =>
      cache.credentialsFor(adcScopesOf(config, serviceId), adc.quotaProject).headers(url),
    );
  }
  if (config.headers.length > 0) {
    let headers: Headers | undefined;
    providers.push(async (url) => {
      if (headers === undefined) {
        // Parsed where the requests are sent: the secrets are learnt by this thread's scrubber.
        const parsed = parseHeaderOptions(config.headers);
        for (const secret of parsed.secrets) registerSecret(secret);
        headers = toHeaders(parsed);
      }
      return fixedHeaders(headers)(url);
    });
  }
  if (providers.length === 0) return undefined;
  return providers.length === 1 ? providers[0] : combineAuthHeaders(...providers);
}

/** A target's `authorize`: the request with the credentials of `serviceId`; undefined without any. */
export function authorizerFor(
  config: TargetAuthConfig | undefined,
  serviceId: string,
  cache: AdcCache,
): ((request: Request) => Promise<Request>) | undefined {
  const provider = authHeadersFor(config, serviceId, cache);
  return provider === undefined ? undefined : (request) => authorized(request, provider);
}
