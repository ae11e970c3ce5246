/**
 * OAuth bearer-token checks, when the model is configured with tokens. AIP-193 and RFC 6750:
 * a missing or unknown token is 401 UNAUTHENTICATED; a token lacking every scope the method
 * documents is 403 PERMISSION_DENIED. The scopes come from the service profile ("any one of which
 * authorises the call"); a method with no documented scope accepts any valid token. The caller
 * checks this before existence, so 403 never reveals whether an operation exists.
 */
import type { OperationsMethod } from '#specs';
import { errorResponse, FRONT_END_DOMAIN } from './error-envelope.ts';
import type { ModelResponse } from './model-request.ts';

export interface AuthOptions {
  /** Access token -> the scopes it was granted. */
  readonly tokens: Readonly<Record<string, readonly string[]>>;
}

/** Who is calling: everyone when auth is off, else the scopes of a known token. */
export type Caller =
  | { readonly kind: 'unchecked' }
  | { readonly kind: 'token'; readonly scopes: ReadonlySet<string> };

const REALM = 'Bearer realm="https://accounts.google.com/"';
const CREDENTIAL_HINT =
  'Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

export function authenticate(
  auth: AuthOptions | undefined,
  headers: Readonly<Record<string, string>>,
): Caller | ModelResponse {
  if (auth === undefined) return { kind: 'unchecked' };
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  const token = match?.[1];
  if (token === undefined) {
    return unauthenticated(
      `Request is missing required authentication credential. ${CREDENTIAL_HINT}`,
      'CREDENTIALS_MISSING',
    );
  }
  const scopes = Object.hasOwn(auth.tokens, token) ? auth.tokens[token] : undefined;
  if (scopes === undefined) {
    return unauthenticated(
      `Request had invalid authentication credentials. ${CREDENTIAL_HINT}`,
      'ACCESS_TOKEN_INVALID',
    );
  }
  return { kind: 'token', scopes: new Set(scopes) };
}

export function isCaller(value: Caller | ModelResponse): value is Caller {
  return 'kind' in value;
}

export function canCall(caller: Caller, method: OperationsMethod): boolean {
  if (caller.kind === 'unchecked' || method.scopes.length === 0) return true;
  return method.scopes.some((scope) => caller.scopes.has(scope));
}

export function permissionDenied(method: OperationsMethod, host: string): ModelResponse {
  return errorResponse(
    'PERMISSION_DENIED',
    'Request had insufficient authentication scopes.',
    {
      reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
      domain: FRONT_END_DOMAIN,
      metadata: { method: method.id, service: host },
    },
    {
      headers: {
        'www-authenticate': `${REALM}, error="insufficient_scope", scope="${method.scopes.join(' ')}"`,
      },
    },
  );
}

function unauthenticated(message: string, reason: string): ModelResponse {
  return errorResponse(
    'UNAUTHENTICATED',
    message,
    { reason, domain: FRONT_END_DOMAIN },
    { headers: { 'www-authenticate': REALM } },
  );
}
