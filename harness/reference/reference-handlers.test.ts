/**
 * The MSW adapter as client developers use it: `setupServer(...createReferenceHandlers())`
 * intercepting Google's real origins, driven by plain fetch and by the two real client families
 * that call these APIs (a googleapis Discovery client, https://github.com/googleapis/google-api-nodejs-client, sends no body; google-gax sends `""` when the
 * HTTP rule has no body and `{}` when it is `*`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { checks, auth as checksAuth } from '@googleapis/checks';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { fallback } from 'google-gax';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HarnessError } from '#base';
import { CONTROL_PATH } from '../control/vocabulary.ts';
import { createReferenceModel } from './model/reference-model.ts';
import { createReferenceHandlers } from './msw.ts';

const model = createReferenceModel();
const server = setupServer(...createReferenceHandlers({ model }));
/** google-gax's own operations.proto JSON (not in its package exports, so read from its folder). */
const gaxMain = createRequire(import.meta.url).resolve('google-gax');
const operationsProto: unknown = JSON.parse(
  readFileSync(join(dirname(gaxMain), '../protos/operations.json'), 'utf8'),
);

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function gaxOperationsClient(serviceId: string) {
  const profile = model.profiles.find((candidate) => candidate.id === serviceId);
  if (profile?.get === undefined) throw new Error(`no profile ${serviceId} with a get`);
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: 'test-token' });
  const httpRules = [
    { selector: 'google.longrunning.Operations.GetOperation', get: profile.get.httpRule },
    {
      selector: 'google.longrunning.Operations.CancelOperation',
      post: profile.cancel.httpRule,
      ...(profile.cancel.body === '*' ? { body: '*' } : {}),
    },
  ];
  return fallback
    .lro({
      auth: new GoogleAuth({ authClient }),
      protoJson: fallback.protobuf.Root.fromJSON(operationsProto as never),
      httpRules,
    })
    .operationsClient({ apiEndpoint: profile.host, fallback: true });
}

describe('MSW handlers at the real origins', () => {
  it('answers fetch at https://checks.googleapis.com', async () => {
    const name = model.createOperation('checks', 'running');
    const cancel = await fetch(`https://checks.googleapis.com/v1alpha/${name}:cancel`, {
      method: 'POST',
    });
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toEqual({});
    const get = await fetch(`https://checks.googleapis.com/v1alpha/${name}`);
    expect(await get.json()).toMatchObject({ name, done: true, error: { code: 1 } });
  });

  it('answers an unrouted path on a served origin with the 404 envelope', async () => {
    const response = await fetch('https://dai.googleapis.com/v1/networks/1/liveStreamEvents');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
  });

  it('serves the control protocol on each origin', async () => {
    const response = await fetch(`https://datafusion.googleapis.com${CONTROL_PATH}/operations`, {
      method: 'POST',
      body: JSON.stringify({ service: 'datafusion', scenario: 'done' }),
    });
    expect(response.status).toBe(201);
  });

  it('satisfies the googleapis Discovery client, which cancels with no body', async () => {
    const name = model.createOperation('checks', 'running');
    const auth = new checksAuth.OAuth2();
    auth.setCredentials({ access_token: 'test-token' });
    const api = checks({ version: 'v1alpha', auth });
    const cancel = await api.accounts.apps.operations.cancel({ name });
    expect(cancel.status).toBe(200);
    expect(cancel.data).toEqual({});
    const get = await api.accounts.apps.operations.get({ name });
    expect(get.data).toMatchObject({ done: true, error: { code: 1 } });
  });

  it.each(['admanager', 'checks'])(
    'satisfies google-gax cancelling a %s operation',
    async (serviceId) => {
      const name = model.createOperation(serviceId, 'running');
      const client = gaxOperationsClient(serviceId);
      await expect(
        client.cancelOperation({ name } as never, { retry: null } as never),
      ).resolves.toBeDefined();
      const [operation] = await client.getOperation({ name } as never, { retry: null } as never);
      expect(operation).toMatchObject({ name, done: true, error: { code: 1 } });
    },
  );

  it('refuses a model together with model options', () => {
    expect(() => createReferenceHandlers({ model, cancelDelayMs: 5 })).toThrow(HarnessError);
  });

  it('refuses a base URL that is not absolute', () => {
    expect(() => createReferenceHandlers({ baseUrl: '/relative' })).toThrow(HarnessError);
  });
});
