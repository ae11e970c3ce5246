/**
 * Turns what google-auth-library (and gaxios underneath) throws into one line that says what went
 * wrong and what to set up. OAuth token endpoints answer RFC 6749 §5.2 errors
 * (`{"error":"invalid_grant","error_description":…}`); IAM Credentials answers AIP-193 envelopes;
 * the rest are file-system and network errors. Only the URL's origin and path are quoted, never
 * its query, a header or a request body.
 */

import { HarnessError } from '#base';
import { scrubText } from '#reports';

export const CREDENTIALS_HELP = 'see docs/LIVE.md, "Credentials"';

const NO_ADC =
  'no Application Default Credentials found: set GOOGLE_APPLICATION_CREDENTIALS to a service-account key, impersonation or workload identity federation file, run `gcloud auth application-default login --scopes=…`, or run on Google Cloud with a service account attached';

interface ErrorLike {
  readonly message?: unknown;
  readonly name?: unknown;
  readonly code?: unknown;
  readonly config?: { readonly url?: unknown };
  readonly response?: { readonly status?: unknown; readonly data?: unknown };
}

/** `what` names the credential source, e.g. "the service-account key". */
export function explainAuthError(error: unknown, what: string): HarnessError {
  return credentialsError(`${reason(error, what)} (${CREDENTIALS_HELP})`);
}

/**
 * Credentials could not be set up or used: one line that says what to set up, scrubbed, and with
 * no `cause` (a library error keeps the request it made, token included). During a run the cell
 * is ERROR; at start-up the CLI reports it as a usage error (run/credentials-preflight.ts).
 */
export function credentialsError(message: string): HarnessError {
  return new HarnessError(scrubText(message), { code: 'CREDENTIALS' });
}

function reason(error: unknown, what: string): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (message.startsWith('Could not load the default credentials')) return NO_ADC;
  if (/does not exist, or it is not a file/.test(message)) {
    return `GOOGLE_APPLICATION_CREDENTIALS names a file that cannot be read (${process.env.GOOGLE_APPLICATION_CREDENTIALS ?? 'unset'})`;
  }
  if (e.name === 'SyntaxError') {
    return `the credentials file GOOGLE_APPLICATION_CREDENTIALS names is not valid JSON`;
  }
  const url = urlOf(e.config?.url);
  const status = e.response?.status;
  if (typeof status === 'number') {
    return `${what} could not get an access token: ${url} answered HTTP ${status}${describeBody(e.response?.data)}`;
  }
  if (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
    return `${what} could not get an access token: cannot reach ${url} (${e.code})`;
  }
  const firstLine = message.split('\n')[0]?.slice(0, 200) ?? '';
  return `${what} could not be used: ${firstLine}`;
}

/** RFC 6749 §5.2 or AIP-193 error bodies, in a few words. */
function describeBody(data: unknown): string {
  const body = typeof data === 'string' ? parseJson(data) : data;
  if (typeof body !== 'object' || body === null) return '';
  const { error, error_description: description } = body as Record<string, unknown>;
  if (typeof error === 'string') {
    return typeof description === 'string' ? ` ${error}: ${description}` : ` ${error}`;
  }
  if (typeof error === 'object' && error !== null) {
    const { status, message } = error as Record<string, unknown>;
    return [status, message]
      .filter((part) => typeof part === 'string')
      .map((part) => ` ${part}`)
      .join(':');
  }
  return '';
}

function urlOf(value: unknown): string {
  const text = value instanceof URL ? value.href : typeof value === 'string' ? value : '';
  try {
    const url = new URL(text);
    return `${url.origin}${url.pathname}`;
  } catch {
    return 'the token endpoint';
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
