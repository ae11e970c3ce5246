/**
 * Offline credentials for the client libraries: an OAuth2 client holding a fixed access token,
 * which google-auth-library sends as `Authorization: Bearer <token>`; with no refresh token and no
 * expiry it never asks a token endpoint (the MSW target would stop such a request). Clients that
 * bring their own google-auth-library major get a client of their own copy: @googleapis/checks
 * and googleapis through their `auth` export, @google-ads/admanager through the copy its
 * google-gax resolves.
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

/** The OAuth2 client class of some google-auth-library copy (googleapis' `google.auth.OAuth2`). */
export interface OAuth2ClientClass<Client> {
  new (): Client & { setCredentials(credentials: { access_token: string }): void };
}

export function oauth2ClientOf<Client>(OAuth2: OAuth2ClientClass<Client>): Client {
  const client = new OAuth2();
  client.setCredentials({ access_token: TEST_ACCESS_TOKEN });
  return client;
}

/**
 * A `GoogleAuth` of the google-auth-library copy that `load` resolves (a GAPIC client's own),
 * wrapping an OAuth2 client of the same copy that holds the test token.
 */
export function googleAuthFrom(load: NodeJS.Require): unknown {
  const library = load('google-auth-library') as {
    GoogleAuth: new (options: { authClient: unknown }) => unknown;
    OAuth2Client: OAuth2ClientClass<object>;
  };
  return new library.GoogleAuth({ authClient: oauth2ClientOf(library.OAuth2Client) });
}
