/**
 * Application Default Credentials as request headers, through google-auth-library's `GoogleAuth`
 * (https://cloud.google.com/docs/authentication/application-default-credentials): whichever
 * source ADC finds (GOOGLE_APPLICATION_CREDENTIALS naming a service-account key, an
 * `impersonated_service_account` or external-account file; gcloud's user credentials; the
 * metadata server) yields `authorization: Bearer …`, plus `x-goog-user-project` when a quota
 * project is set. The harness sends the headers with its own fetch, so the recorder and the
 * scrubber see the traffic; every token and quota project obtained is registered with the
 * scrubber before it is handed out.
 *
 * Two library details shape this file. The project id is always passed: the harness never uses
 * it (operation names come from `--parent`), and without it the library would shell out to
 * `gcloud config config-helper` or ask Resource Manager. The quota project is set on the client
 * after it is loaded: `clientOptions.quotaProjectId` is ignored for clients loaded from a file.
 */
import { createRequire } from 'node:module';
import type { AuthClient, GoogleAuthOptions } from 'google-auth-library';
import { registerSecret } from '#reports';
import type { AuthHeaders } from './auth-headers.ts';
import { explainAuthError } from './explain-auth-error.ts';
import type { Environment } from './header-options.ts';
import { CLOUD_PLATFORM_SCOPE } from './service-scopes.ts';

/** Passed as the project id so the library does not look for one (see the module comment). */
type GoogleAuthLibrary = typeof import('google-auth-library');
let library: GoogleAuthLibrary | undefined;

/**
 * google-auth-library, loaded on first use: it takes a large share of a run's start-up, and only
 * runs that send ADC credentials need it (issue 12). It is CommonJS, so `require` loads it in
 * place and this module's functions stay synchronous.
 */
function googleAuthLibrary(): GoogleAuthLibrary {
  library ??= createRequire(import.meta.url)('google-auth-library') as GoogleAuthLibrary;
  return library;
}

export const PROJECT_NOT_USED = 'lro-conformance-project-not-used';

export interface AdcOptions {
  readonly scopes: readonly string[];
  /** Default: GOOGLE_CLOUD_PROJECT, then GCLOUD_PROJECT, then PROJECT_NOT_USED. */
  readonly projectId?: string | undefined;
  /** `--quota-project`; default GOOGLE_CLOUD_QUOTA_PROJECT, then the credentials file's own. */
  readonly quotaProjectId?: string | undefined;
  /** Options for the library's clients (token endpoints, transporter): tests only. */
  readonly clientOptions?: GoogleAuthOptions['clientOptions'];
  readonly env?: Environment | undefined;
}

export type CredentialKind =
  | 'service-account-key'
  | 'authorized-user'
  | 'impersonated-service-account'
  | 'metadata-server'
  | 'external-account'
  | 'external-account-authorized-user'
  | 'other';

export interface AdcStatus {
  readonly kind: CredentialKind;
  readonly scopes: readonly string[];
  /** Whether requests carry `x-goog-user-project` (its value is a secret: never shown). */
  readonly quotaProject: boolean;
  readonly warnings: readonly string[];
}

export interface AdcCredentials {
  /** The headers for a request to `url`; tokens are cached and refreshed by the library. */
  readonly headers: AuthHeaders;
  /** Loads the credentials and obtains a token now, so a run fails before its first probe. */
  check(url?: string): Promise<AdcStatus>;
}

const KIND_WORDS: Readonly<Record<CredentialKind, string>> = {
  'service-account-key': 'the service-account key',
  'authorized-user': 'the user credentials',
  'impersonated-service-account': 'the impersonated service account',
  'metadata-server': 'the metadata server',
  'external-account': 'the workload identity federation credentials',
  'external-account-authorized-user': 'the workforce identity federation user credentials',
  other: 'the Application Default Credentials',
};

export function createAdcCredentials(options: AdcOptions): AdcCredentials {
  const env = options.env ?? process.env;
  const auth = new (googleAuthLibrary().GoogleAuth)({
    scopes: [...options.scopes],
    projectId:
      options.projectId ??
      nonEmpty(env.GOOGLE_CLOUD_PROJECT) ??
      nonEmpty(env.GCLOUD_PROJECT) ??
      PROJECT_NOT_USED,
    ...(options.clientOptions === undefined ? {} : { clientOptions: options.clientOptions }),
  });
  const quotaProjectId = options.quotaProjectId ?? nonEmpty(env.GOOGLE_CLOUD_QUOTA_PROJECT);
  let loading: Promise<AuthClient> | undefined;

  const client = (): Promise<AuthClient> => {
    loading ??= auth.getClient().then(
      (loaded) => {
        if (quotaProjectId !== undefined) loaded.quotaProjectId = quotaProjectId;
        if (loaded.quotaProjectId) registerSecret(loaded.quotaProjectId);
        return loaded;
      },
      (error: unknown) => {
        loading = undefined;
        throw explainAuthError(error, KIND_WORDS.other);
      },
    );
    return loading;
  };

  const headers: AuthHeaders = async (url) => {
    const loaded = await client();
    let answer: Headers;
    try {
      answer = await loaded.getRequestHeaders(url);
    } catch (error) {
      throw explainAuthError(error, KIND_WORDS[credentialKind(loaded)]);
    }
    learnSecrets(answer);
    return answer;
  };

  return {
    headers,
    check: async (url) => {
      const answer = await headers(url ?? 'https://www.googleapis.com/');
      const kind = credentialKind(await client());
      return {
        kind,
        scopes: options.scopes,
        quotaProject: answer.has('x-goog-user-project'),
        warnings: warningsFor(kind, options.scopes),
      };
    },
  };
}

export function credentialKind(client: AuthClient): CredentialKind {
  const {
    BaseExternalAccountClient,
    Compute,
    ExternalAccountAuthorizedUserClient,
    Impersonated,
    JWT,
    UserRefreshClient,
  } = googleAuthLibrary();
  if (client instanceof Impersonated) return 'impersonated-service-account';
  if (client instanceof JWT) return 'service-account-key';
  if (client instanceof UserRefreshClient) return 'authorized-user';
  if (client instanceof Compute) return 'metadata-server';
  if (client instanceof ExternalAccountAuthorizedUserClient) {
    return 'external-account-authorized-user';
  }
  if (client instanceof BaseExternalAccountClient) return 'external-account';
  return 'other';
}

/** User credentials cannot request scopes: the token carries those chosen at login. */
function warningsFor(kind: CredentialKind, scopes: readonly string[]): string[] {
  const beyondCloudPlatform = scopes.filter((scope) => scope !== CLOUD_PLATFORM_SCOPE);
  if (kind !== 'authorized-user' || beyondCloudPlatform.length === 0) return [];
  return [
    `user credentials carry the scopes chosen at login, not ${beyondCloudPlatform.join(', ')}; log in with \`gcloud auth application-default login --scopes=${[...scopes, CLOUD_PLATFORM_SCOPE].join(',')}\`, or use a service account or impersonation`,
  ];
}

function learnSecrets(headers: Headers): void {
  const authorization = headers.get('authorization');
  if (authorization !== null) registerSecret(authorization.replace(/^\s*\S+\s+/, ''));
  const quotaProject = headers.get('x-goog-user-project');
  if (quotaProject !== null) registerSecret(quotaProject);
  const apiKey = headers.get('x-goog-api-key');
  if (apiKey !== null) registerSecret(apiKey);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
