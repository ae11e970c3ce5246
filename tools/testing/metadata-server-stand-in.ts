/**
 * A stand-in for the Compute Engine metadata server (test-only), the ADC source on Google Cloud
 * (https://cloud.google.com/compute/docs/metadata/overview): point google-auth-library at it with
 * `GCE_METADATA_HOST=<hostPort>` and `METADATA_SERVER_DETECTION=assume-present`. It answers only
 * requests that carry `Metadata-Flavor: Google` and marks its answers the same way, as the real
 * server does. The token path is
 * `/computeMetadata/v1/instance/service-accounts/default/token[?scopes=a,b]`; the requested scopes
 * are granted (as on Cloud Run and GKE), else the attached account's.
 */
import { CLOUD_PLATFORM_SCOPE } from '../../harness/http/auth/service-scopes.ts';
import { type LoopbackServer, type PlainResponse, startLoopbackServer } from './loopback-server.ts';
import type { TokenAuthority } from './token-authority.ts';

export interface MetadataServerStandInOptions {
  readonly authority: TokenAuthority;
  /** The attached service account. */
  readonly principal?: string;
  /** The attached account's scopes, when a request names none. */
  readonly scopes?: readonly string[];
  readonly projectId?: string;
}

export type MetadataServerStandIn = LoopbackServer;

const BASE = '/computeMetadata/v1';
export const METADATA_PRINCIPAL = 'attached@stand-in-project.iam.gserviceaccount.com';

export function startMetadataServerStandIn(
  options: MetadataServerStandInOptions,
): Promise<MetadataServerStandIn> {
  const principal = options.principal ?? METADATA_PRINCIPAL;
  return startLoopbackServer((request) => {
    if (request.headers['metadata-flavor'] !== 'Google') {
      return { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Missing header' };
    }
    const url = new URL(request.path, 'http://metadata.invalid');
    switch (url.pathname) {
      case `${BASE}/instance/service-accounts/default/token`: {
        const requested = url.searchParams.get('scopes');
        const scopes = requested
          ? requested.split(',')
          : (options.scopes ?? [CLOUD_PLATFORM_SCOPE]);
        const token = options.authority.issue(principal, scopes, 'metadata');
        return flavoured('application/json', {
          access_token: token,
          expires_in: 3599,
          token_type: 'Bearer',
        });
      }
      case `${BASE}/instance/service-accounts/default/email`:
        return flavoured('application/text', principal);
      case `${BASE}/project/project-id`:
        return flavoured('application/text', options.projectId ?? 'stand-in-project');
      case `${BASE}/universe/universe-domain`:
        return flavoured('application/text', 'googleapis.com');
      default:
        return { status: 404, headers: { 'metadata-flavor': 'Google' }, body: 'Not Found' };
    }
  });
}

function flavoured(contentType: string, body: unknown): PlainResponse {
  return {
    status: 200,
    headers: { 'content-type': contentType, 'metadata-flavor': 'Google' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
