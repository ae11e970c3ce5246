/**
 * MSW handlers that stand in for Google's token endpoints (test-only). google-auth-library posts
 * service-account JWT assertions and user refresh tokens to the fixed
 * `https://oauth2.googleapis.com/token` (RFC 7523 §2.1 jwt-bearer grant; RFC 6749 §6 refresh)
 * and impersonation to IAM Credentials' `generateAccessToken`
 * (https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/generateAccessToken).
 * The handlers check what a real endpoint checks that matters here: the assertion's RS256
 * signature against the account's public key, its audience and expiry; a known refresh token;
 * a valid source token with the cloud-platform scope and the right to impersonate. Tokens come
 * from the shared TokenAuthority.
 */
import { type KeyObject, verify } from 'node:crypto';
import { type HttpHandler, HttpResponse, http } from 'msw';
import { isJsonObject, type JsonObject } from '#base';
import { CLOUD_PLATFORM_SCOPE } from '../../harness/http/auth/service-scopes.ts';
import type { TokenAuthority } from './token-authority.ts';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const IAM_CREDENTIALS_ORIGIN = 'https://iamcredentials.googleapis.com';

export interface UserLogin {
  readonly principal: string;
  /** The scopes consented at login: a refresh grant cannot ask for others. */
  readonly scopes: readonly string[];
}

export interface GoogleTokenEndpointsOptions {
  readonly authority: TokenAuthority;
  /** Service accounts allowed to sign assertions: email → public key. */
  readonly serviceAccounts?: Readonly<Record<string, KeyObject>>;
  /** authorized_user refresh tokens → who logged in, with which scopes. */
  readonly users?: Readonly<Record<string, UserLogin>>;
  /** Source principal → the service accounts it may impersonate. */
  readonly impersonation?: Readonly<Record<string, readonly string[]>>;
}

const GENERATE_ACCESS_TOKEN = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/;

export function googleTokenHandlers(options: GoogleTokenEndpointsOptions): HttpHandler[] {
  return [
    http.post(GOOGLE_TOKEN_URL, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const grantType = form.get('grant_type');
      if (grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
        return jwtBearerGrant(options, form.get('assertion') ?? '');
      }
      if (grantType === 'refresh_token') {
        const login = options.users?.[form.get('refresh_token') ?? ''];
        if (login === undefined)
          return oauthError('invalid_grant', 'Token has been expired or revoked.');
        return tokenResponse(
          options.authority.issue(login.principal, login.scopes, 'refresh-token'),
        );
      }
      return oauthError('unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
    }),
    http.post(
      ({ request }) => {
        const url = new URL(request.url);
        return url.origin === IAM_CREDENTIALS_ORIGIN && GENERATE_ACCESS_TOKEN.test(url.pathname);
      },
      async ({ request }) => impersonate(options, request),
    ),
  ];
}

function jwtBearerGrant(options: GoogleTokenEndpointsOptions, assertion: string): Response {
  const [header = '', payload = '', signature = ''] = assertion.split('.');
  const claims = parseJson(Buffer.from(payload, 'base64url').toString('utf8'));
  const issuer = typeof claims?.iss === 'string' ? claims.iss : '';
  const key = options.serviceAccounts?.[issuer];
  if (key === undefined) return oauthError('invalid_grant', 'Invalid grant: account not found');
  const signed = Buffer.from(`${header}.${payload}`);
  if (!verify('RSA-SHA256', signed, key, Buffer.from(signature, 'base64url'))) {
    return oauthError('invalid_grant', 'Invalid JWT Signature.');
  }
  const now = Math.floor(Date.now() / 1000);
  if (claims?.aud !== GOOGLE_TOKEN_URL || typeof claims.exp !== 'number' || claims.exp < now) {
    return oauthError('invalid_grant', 'Invalid JWT: audience or expiry.');
  }
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (scopes.length === 0) return oauthError('invalid_scope', 'No scope requested.');
  return tokenResponse(options.authority.issue(issuer, scopes, 'jwt-bearer'));
}

async function impersonate(
  options: GoogleTokenEndpointsOptions,
  request: Request,
): Promise<Response> {
  const target = GENERATE_ACCESS_TOKEN.exec(new URL(request.url).pathname)?.[1] ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  const source = options.authority.lookup(token);
  if (source === undefined)
    return aipError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
  const allowed = options.impersonation?.[source.principal] ?? [];
  if (
    !source.scopes.includes(CLOUD_PLATFORM_SCOPE) ||
    !allowed.includes(decodeURIComponent(target))
  ) {
    return aipError(
      403,
      'PERMISSION_DENIED',
      "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
    );
  }
  const body = parseJson(await request.text());
  const scopes = Array.isArray(body?.scope) ? body.scope.filter((s) => typeof s === 'string') : [];
  const accessToken = options.authority.issue(decodeURIComponent(target), scopes, 'impersonation');
  return HttpResponse.json({
    accessToken,
    expireTime: new Date(Date.now() + 3600_000).toISOString(),
  });
}

function tokenResponse(token: string): Response {
  return HttpResponse.json({ access_token: token, expires_in: 3599, token_type: 'Bearer' });
}

/** RFC 6749 §5.2. */
function oauthError(error: string, description: string): Response {
  return HttpResponse.json({ error, error_description: description }, { status: 400 });
}

/** AIP-193. */
function aipError(code: number, status: string, message: string): Response {
  return HttpResponse.json({ error: { code, message, status } }, { status: code });
}

function parseJson(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
