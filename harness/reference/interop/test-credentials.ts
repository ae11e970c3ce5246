/**
 * Offline credentials for the client libraries: an OAuth2 client holding a fixed access token,
 * which google-auth-library sends as `Authorization: Bearer <token>` without refreshing it
 * (STACK-NOTES, google-auth-library). @googleapis/checks is built on googleapis-common with its
 * own google-auth-library major, so it gets an OAuth2 client from its own `auth` export.
 */
import { auth as checksAuth } from '@googleapis/checks';
import { OAuth2Client } from 'google-auth-library';

export const TEST_ACCESS_TOKEN = 'lro-conformance-interop-token';

/** `token` defaults to the one the interop targets accept. */
export function gaxAuthClient(token: string = TEST_ACCESS_TOKEN): OAuth2Client {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: token });
  return client;
}

export function discoveryAuthClient(): InstanceType<typeof checksAuth.OAuth2> {
  const client = new checksAuth.OAuth2();
  client.setCredentials({ access_token: TEST_ACCESS_TOKEN });
  return client;
}
