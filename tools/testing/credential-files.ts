/**
 * Throwaway ADC credential files for tests, in the formats `gcloud` and the IAM console write
 * (https://cloud.google.com/docs/authentication/application-default-credentials): a
 * service-account key (a fresh RSA key pair from node:crypto, never a committed private key),
 * `authorized_user` user credentials, and an `impersonated_service_account` file wrapping user
 * credentials. Each is written to a temporary directory the caller removes.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CredentialDirectory {
  readonly path: string;
  write(name: string, json: unknown): Promise<string>;
  remove(): Promise<void>;
}

export async function credentialDirectory(): Promise<CredentialDirectory> {
  const path = await mkdtemp(join(tmpdir(), 'lro-adc-'));
  return {
    path,
    write: async (name, json) => {
      const file = join(path, name);
      await writeFile(file, JSON.stringify(json), { mode: 0o600 });
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

export interface ServiceAccountKey {
  readonly json: Record<string, string>;
  readonly email: string;
  readonly publicKey: KeyObject;
}

export function serviceAccountKey(email: string): ServiceAccountKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    email,
    publicKey,
    json: {
      type: 'service_account',
      project_id: email.split('@')[1]?.split('.')[0] ?? 'stand-in-project',
      private_key_id: 'stand-in-key-id',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: email,
      client_id: '100000000000000000001',
      token_uri: 'https://oauth2.googleapis.com/token',
    },
  };
}

export function authorizedUser(
  refreshToken: string,
  quotaProjectId?: string,
): Record<string, string> {
  return {
    type: 'authorized_user',
    client_id: 'stand-in-client.apps.googleusercontent.com',
    client_secret: 'stand-in-client-secret',
    refresh_token: refreshToken,
    ...(quotaProjectId === undefined ? {} : { quota_project_id: quotaProjectId }),
  };
}

export function impersonatedServiceAccount(
  target: string,
  source: Record<string, string>,
): Record<string, unknown> {
  return {
    type: 'impersonated_service_account',
    service_account_impersonation_url: `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${target}:generateAccessToken`,
    source_credentials: source,
    delegates: [],
  };
}
