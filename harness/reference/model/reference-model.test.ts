import { describe, expect, it } from 'vitest';
import { HarnessError, ManualClock } from '#base';
import { loadServiceProfiles, type SeedServiceProfile } from '#specs';
import { SCENARIOS, type Scenario } from '../../control/vocabulary.ts';
import {
  errorEnvelopeHasErrorInfo,
  validateErrorEnvelope,
  validateOperation,
} from '../../validators/index.ts';
import { cancelRequest, getRequest, methodOf, modelRequest, pathOf } from '../fixtures/test-kit.ts';
import type { ModelResponse } from './model-request.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './operations-methods.ts';
import { createReferenceModel, type ReferenceModelOptions } from './reference-model.ts';

const PROFILES = loadServiceProfiles();
const DELAY = 1_000;

function setup(options: ReferenceModelOptions = {}) {
  const clock = new ManualClock();
  const model = createReferenceModel({ clock, cancelDelayMs: DELAY, ...options });
  const send = (request: Parameters<typeof model.handle>[0]): ModelResponse => {
    const response = model.handle(request);
    if (response === undefined) throw new Error(`unrouted: ${request.method} ${request.path}`);
    return response;
  };
  return { clock, model, send };
}

function expectValidOperation(response: ModelResponse) {
  expect(response.status).toBe(200);
  expect(validateOperation(response.body)).toEqual([]);
  return response.body as {
    done: boolean;
    error?: { code: number };
    response?: unknown;
    metadata: Record<string, unknown>;
  };
}

function expectEnvelope(response: ModelResponse, status: number, statusName: string) {
  expect(response.status).toBe(status);
  expect(validateErrorEnvelope(response.body, status)).toEqual([]);
  expect(errorEnvelopeHasErrorInfo(response.body)).toEqual([]);
  expect(response.body).toMatchObject({ error: { code: status, status: statusName } });
}

const EXPECTED_AT_CREATION: Record<
  Scenario,
  { done: boolean; errorCode?: number; response: boolean }
> = {
  running: { done: false, response: false },
  'completes-despite-cancel': { done: false, response: false },
  done: { done: true, response: true },
  failed: { done: true, errorCode: 13, response: false },
};

const serviceScenarios = PROFILES.flatMap((profile) =>
  SCENARIOS.map((scenario) => ({ profile, scenario })),
);

describe('reference behaviour model', () => {
  it.each(serviceScenarios)(
    'creates a $scenario operation of $profile.id in its documented initial state',
    ({ profile, scenario }) => {
      const { model, send } = setup();
      const name = model.createOperation(profile.id, scenario);
      const body = expectValidOperation(send(getRequest(profile, name)));
      const expected = EXPECTED_AT_CREATION[scenario];
      expect(body).toMatchObject({ name, done: expected.done });
      expect(body.error?.code).toBe(expected.errorCode);
      expect(body.response !== undefined).toBe(expected.response);
      expect(body.metadata['@type']).toMatch(/^type\.googleapis\.com\//);
    },
  );

  it.each(PROFILES)('cancels a running $id operation only once the delay has passed', (profile) => {
    const { clock, model, send } = setup();
    const name = model.createOperation(profile.id, 'running');
    const cancel = send(cancelRequest(profile, name));
    expect(cancel).toMatchObject({ status: 200, body: {} });
    expect(cancel.headers['content-type']).toMatch(/^application\/json/);

    const during = expectValidOperation(send(getRequest(profile, name)));
    expect(during).toMatchObject({ done: false });
    clock.advance(DELAY - 1);
    expect(expectValidOperation(send(getRequest(profile, name))).done).toBe(false);
    clock.advance(1);

    const after = expectValidOperation(send(getRequest(profile, name)));
    expect(after).toMatchObject({
      name,
      done: true,
      error: { code: 1, message: 'Operation cancelled.' },
    });
    expect(after).not.toHaveProperty('response');
    expect(model.operationCount).toBe(1);
  });

  it('keeps a cancelled operation gettable and unchanged by later cancels', () => {
    const { clock, model, send } = setup();
    const profile = PROFILES[0] as SeedServiceProfile;
    const name = model.createOperation(profile.id, 'running');
    send(cancelRequest(profile, name));
    clock.advance(DELAY);
    const cancelled = send(getRequest(profile, name)).body;
    clock.advance(5 * DELAY);
    expect(send(cancelRequest(profile, name))).toMatchObject({ status: 200, body: {} });
    expect(send(getRequest(profile, name)).body).toEqual(cancelled);
  });

  it('keeps the first cancel time when a cancel is repeated during the delay', () => {
    const { clock, model, send } = setup();
    const profile = PROFILES[0] as SeedServiceProfile;
    const name = model.createOperation(profile.id, 'running');
    send(cancelRequest(profile, name));
    clock.advance(DELAY / 2);
    expect(send(cancelRequest(profile, name))).toMatchObject({ status: 200, body: {} });
    clock.advance(DELAY / 2);
    expect(send(getRequest(profile, name)).body).toMatchObject({ done: true, error: { code: 1 } });
  });

  it.each(PROFILES)(
    'completes a completes-despite-cancel $id operation with a response after a cancel',
    (profile) => {
      const { clock, model, send } = setup();
      const name = model.createOperation(profile.id, 'completes-despite-cancel');
      expect(send(cancelRequest(profile, name))).toMatchObject({ status: 200, body: {} });
      expect(expectValidOperation(send(getRequest(profile, name))).done).toBe(false);
      clock.advance(DELAY);
      const body = expectValidOperation(send(getRequest(profile, name)));
      expect(body.done).toBe(true);
      expect(body.response).toMatchObject({
        '@type': expect.stringMatching(/^type\.googleapis\.com\//),
      });
      expect(body).not.toHaveProperty('error');
    },
  );

  it('completes every cancelled operation with a response in completes-despite-cancel mode', () => {
    const { clock, model, send } = setup({ cancelMode: 'completes-despite-cancel' });
    for (const profile of PROFILES) {
      const name = model.createOperation(profile.id, 'running');
      expect(send(cancelRequest(profile, name))).toMatchObject({ status: 200, body: {} });
      clock.advance(DELAY);
      const body = expectValidOperation(send(getRequest(profile, name)));
      expect(body).toMatchObject({ done: true, response: {} });
      expect(body).not.toHaveProperty('error');
    }
  });

  it.each(['done', 'failed'] as const)('leaves a %s operation unchanged by cancel', (scenario) => {
    const { clock, model, send } = setup();
    for (const profile of PROFILES) {
      const name = model.createOperation(profile.id, scenario);
      const before = send(getRequest(profile, name)).body;
      expect(send(cancelRequest(profile, name))).toMatchObject({ status: 200, body: {} });
      clock.advance(DELAY);
      expect(send(getRequest(profile, name)).body).toEqual(before);
    }
  });

  it.each(PROFILES)(
    'answers 501 UNIMPLEMENTED to a $id cancel in unimplemented mode and keeps get working',
    (profile) => {
      const { clock, model, send } = setup({ cancelMode: 'unimplemented' });
      const name = model.createOperation(profile.id, 'running');
      expectEnvelope(send(cancelRequest(profile, name)), 501, 'UNIMPLEMENTED');
      clock.advance(DELAY);
      expect(expectValidOperation(send(getRequest(profile, name)))).toMatchObject({ done: false });
    },
  );

  it('applies a per-service cancel mode to that service only', () => {
    const [first, second] = PROFILES as [SeedServiceProfile, SeedServiceProfile];
    const { model, send } = setup({ cancelMode: { [first.id]: 'unimplemented' } });
    expect(model.cancelMode(first.id)).toBe('unimplemented');
    expect(model.cancelMode(second.id)).toBe('honor');
    expect(send(cancelRequest(first, model.createOperation(first.id, 'running'))).status).toBe(501);
    expect(send(cancelRequest(second, model.createOperation(second.id, 'running'))).status).toBe(
      200,
    );
  });

  it.each(PROFILES)('answers 404 NOT_FOUND for an unknown $id operation', (profile) => {
    const { model, send } = setup();
    const name = model.createOperation(profile.id, 'running').replace(/[^/]+$/, 'never-created');
    expectEnvelope(send(cancelRequest(profile, name)), 404, 'NOT_FOUND');
    expectEnvelope(send(getRequest(profile, name)), 404, 'NOT_FOUND');
  });

  it.each([
    ['POST', '/v1alpha/accounts/a/operations/x:cancel'],
    ['GET', '/v1alpha/accounts/a/apps/b/operations/c/d'],
    ['GET', '/v1/projects/p/locations/l/operations/o/extra'],
    ['POST', '/v1/networks/1/operations/reports/runs/2/3:cancel'],
  ])(
    'answers 400 INVALID_ARGUMENT to %s %s, shaped like a route but with a malformed name',
    (method, path) => {
      const { send } = setup();
      expectEnvelope(send(modelRequest(method, path)), 400, 'INVALID_ARGUMENT');
    },
  );

  it.each([
    ['GET', '/'],
    ['GET', '/v1/projects/p/locations/l/instances/i'],
    ['PUT', '/v1/operations/x'],
    ['POST', '/v2/operations/x:cancel'],
  ])('routes %s %s nowhere', (method, path) => {
    const { model } = setup();
    expect(model.handle(modelRequest(method, path))).toBeUndefined();
  });

  it('routes a name two services bind alike to the service that minted it', () => {
    const { model, send } = setup({ cancelMode: { adsdatahub: 'unimplemented' } });
    const adsdatahub = model.profiles.find(
      (profile) => profile.id === 'adsdatahub',
    ) as SeedServiceProfile;
    const dai = model.profiles.find((profile) => profile.id === 'dai') as SeedServiceProfile;
    const ofDai = model.createOperation('dai', 'running');
    const ofAdsdatahub = model.createOperation('adsdatahub', 'running');
    expect(pathOf(dai.cancel, ofDai)).toBe(pathOf(adsdatahub.cancel, ofDai));
    expect(send(cancelRequest(dai, ofDai)).status).toBe(200);
    expect(send(cancelRequest(adsdatahub, ofAdsdatahub)).status).toBe(501);
  });

  it('routes only the addressed host when the request names one', () => {
    const { model } = setup();
    const adsdatahub = model.profiles.find(
      (profile) => profile.id === 'adsdatahub',
    ) as SeedServiceProfile;
    const name = model.createOperation('adsdatahub', 'running');
    const get = getRequest(adsdatahub, name);
    expect(model.handle({ ...get, host: 'adsdatahub.googleapis.com' })?.status).toBe(200);
    expect(model.handle({ ...get, host: 'dai.googleapis.com' })?.status).toBe(404);
    expect(model.handle({ ...get, host: 'checks.googleapis.com' })).toBeUndefined();
  });

  it('ignores the query string, as google-gax sends `$alt=json;enum-encoding=int`', () => {
    const { model, send } = setup();
    const profile = PROFILES[0] as SeedServiceProfile;
    const name = model.createOperation(profile.id, 'done');
    const path = `${pathOf(profile.get, name)}?%24alt=json%3Benum-encoding%3Dint`;
    expect(send(modelRequest('GET', path)).status).toBe(200);
  });

  it.each(PROFILES.filter((profile) => methodOf(profile, 'delete')))(
    'deletes a $id operation',
    (profile) => {
      const { model, send } = setup();
      const name = model.createOperation(profile.id, 'done');
      const path = pathOf(
        methodOf(profile, 'delete') as NonNullable<ReturnType<typeof methodOf>>,
        name,
      );
      expect(send(modelRequest('DELETE', path))).toMatchObject({ status: 200, body: {} });
      expect(send(getRequest(profile, name)).status).toBe(404);
    },
  );

  it.each(PROFILES.filter((profile) => methodOf(profile, 'wait')))(
    'answers a $id wait with the current state at once',
    (profile) => {
      const { model, send } = setup();
      const name = model.createOperation(profile.id, 'running');
      const path = pathOf(
        methodOf(profile, 'wait') as NonNullable<ReturnType<typeof methodOf>>,
        name,
      );
      const body = expectValidOperation(
        send(modelRequest('POST', path, { body: '{"timeout":"3.5s"}' })),
      );
      expect(body.done).toBe(false);
      expectEnvelope(
        send(modelRequest('POST', path, { body: '{"timeout":"soon"}' })),
        400,
        'INVALID_ARGUMENT',
      );
    },
  );

  it('lists a service’s operations in pages under the parent the path names', () => {
    const { model, send } = setup();
    const names = [1, 2, 3].map(() => model.createOperation('datafusion', 'running'));
    model.createOperation('checks', 'running');
    const parent = (names[0] as string).replace(/\/operations\/[^/]+$/, '');
    const first = send(modelRequest('GET', `/v1/${parent}/operations?pageSize=2`));
    expect(first.body).toMatchObject({ nextPageToken: '2' });
    expect(
      (first.body as { operations: { name: string }[] }).operations.map((op) => op.name),
    ).toEqual(names.slice(0, 2));
    const second = send(modelRequest('GET', `/v1/${parent}/operations?pageSize=2&pageToken=2`));
    expect(second.body).toEqual({ operations: [expect.objectContaining({ name: names[2] })] });
    expect(send(modelRequest('GET', '/v1/projects/x/locations/y/operations')).body).toEqual({});
    expectEnvelope(
      send(modelRequest('GET', `/v1/${parent}/operations?filter=done`)),
      400,
      'INVALID_ARGUMENT',
    );
    expectEnvelope(
      send(modelRequest('GET', `/v1/${parent}/operations?pageToken=x`)),
      400,
      'INVALID_ARGUMENT',
    );
  });

  // AIP-158: without a pageSize (or with 0) the API picks a default; above its maximum it coerces
  // down. `list` without pageSize used to answer every operation the reference held at once.
  it('pages a list without pageSize at the default size, and a huge one at the maximum', () => {
    const { model, send } = setup();
    const count = MAX_PAGE_SIZE + 10;
    const names = Array.from({ length: count }, () => model.createOperation('dai', 'done'));
    const page = (query: string) =>
      send(modelRequest('GET', `/v1/operations${query}`)).body as {
        operations: { name: string }[];
        nextPageToken?: string;
      };
    const first = page('');
    expect(first.operations.map((op) => op.name)).toEqual(names.slice(0, DEFAULT_PAGE_SIZE));
    expect(first.nextPageToken).toBe(String(DEFAULT_PAGE_SIZE));
    expect(page('?pageSize=0').operations).toHaveLength(DEFAULT_PAGE_SIZE);
    const huge = page('?pageSize=1000000');
    expect(huge.operations).toHaveLength(MAX_PAGE_SIZE);
    expect(page(`?pageToken=${huge.nextPageToken}&pageSize=1000000`).operations).toHaveLength(10);
  });

  // `serve` runs as long as its user wants, and its control endpoint makes operations for
  // anyone: a million took 301 MB. Past the limit, finished operations go first, oldest first.
  it('forgets finished operations beyond its limit, oldest first, keeping running ones', () => {
    const { model, send } = setup({ maxOperations: 100 });
    const running = Array.from({ length: 20 }, () => model.createOperation('checks', 'running'));
    const done = Array.from({ length: 200 }, () => model.createOperation('checks', 'done'));
    expect(model.operationCount).toBeLessThanOrEqual(100);
    for (const name of running) expect(model.operation(name)?.done).toBe(false);
    expect(model.operation(done.at(-1) as string)?.done).toBe(true);
    expect(model.operation(done[0] as string)).toBeUndefined();
    // A forgotten operation answers as a deleted one: 404 NOT_FOUND.
    const checks = PROFILES.find((profile) => profile.id === 'checks') as SeedServiceProfile;
    expectEnvelope(send(getRequest(checks, done[0] as string)), 404, 'NOT_FOUND');
  });

  it('stays bounded when every operation is running, forgetting the oldest', () => {
    const { model } = setup({ maxOperations: 50 });
    const names = Array.from({ length: 10_000 }, () => model.createOperation('dai', 'running'));
    expect(model.operationCount).toBeLessThanOrEqual(50);
    expect(model.operation(names.at(-1) as string)?.done).toBe(false);
    expect(model.operation(names[0] as string)).toBeUndefined();
  });

  it('lists dai operations at the collection GET /v1/operations, not adsdatahub ones', () => {
    const { model, send } = setup();
    const ofDai = model.createOperation('dai', 'running');
    model.createOperation('adsdatahub', 'running');
    expect(send(modelRequest('GET', '/v1/operations')).body).toEqual({
      operations: [expect.objectContaining({ name: ofDai })],
    });
  });

  it.each<[string, ReferenceModelOptions]>([
    ['no profiles', { profiles: [] }],
    ['a negative delay', { cancelDelayMs: -1 }],
    ['an unknown cancel mode', { cancelMode: 'sometimes' as never }],
    ['a cancel mode for an unserved service', { cancelMode: { nope: 'honor' } }],
    ['room for no operation', { maxOperations: 0 }],
  ])('rejects %s with a HarnessError', (_title, options) => {
    expect(() => createReferenceModel(options)).toThrow(HarnessError);
  });

  it('rejects createOperation for an unknown service or scenario', () => {
    const { model } = setup();
    expect(() => model.createOperation('nope', 'running')).toThrow(
      /Unknown service "nope" \(served: /,
    );
    expect(() => model.createOperation('checks', 'sleeping' as never)).toThrow(
      /Unknown scenario "sleeping"/,
    );
  });
});
