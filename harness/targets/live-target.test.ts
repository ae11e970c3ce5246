/**
 * The live target in-process, against the Google front-end stand-in: every Application Default
 * Credentials source yields the authorization header the stand-in accepts, the same target can
 * leave the credentials out, a throttled answer is retried as the server asks and marked, and
 * every request is counted against the service's budget.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isLroError } from '#base';
import { serviceIds } from '#specs';
import { useAdcWorld } from '../../tools/testing/adc-world.ts';
import { METADATA_PRINCIPAL } from '../../tools/testing/metadata-server-stand-in.ts';
import { CLOUD_PLATFORM_SCOPE } from '../http/auth/service-scopes.ts';
import { RETRIED_HEADER } from '../http/index.ts';
import type { TargetConfig } from '../plan/target-config.ts';
import { createLiveRun } from './live-target.ts';
import type { Target } from './target.ts';

const PARENT = 'projects/mine/locations/us';
const ABSENT = `${PARENT}/operations/lro-conformance-absent-x`;

const world = useAdcWorld(PARENT);
const { authority } = world;

beforeEach(async () => {
  world.standIn().clearLog();
});

function liveConfig(overrides: Partial<Extract<TargetConfig, { kind: 'live' }>> = {}) {
  return {
    kind: 'live',
    endpoints: Object.fromEntries(serviceIds().map((id) => [id, world.standIn().baseUrl])),
    auth: { adc: { scopes: { datafusion: [CLOUD_PLATFORM_SCOPE] } }, headers: [] },
    maxRps: 1000,
    requestTimeoutMs: 5_000,
    ...overrides,
  } as const satisfies Extract<TargetConfig, { kind: 'live' }>;
}

async function get(target: Target, name: string, credentials = true): Promise<Response> {
  const request = new Request(`${target.baseUrl}/v1/${name}`);
  const sent = credentials && target.authorize ? await target.authorize(request) : request;
  return target.fetch(sent);
}

describe('createLiveRun', () => {
  it.for(world.sources)('sends the authorization header %s yields', async ([, setUp]) => {
    await setUp();
    const target = createLiveRun(liveConfig()).targetFor('datafusion');
    expect(target.control).toBeUndefined();
    expect(target.info).toMatchObject({ kind: 'live', auth: 'adc' });
    const response = await get(target, ABSENT);
    expect(response.status).toBe(404);
    const sent = world.standIn().requests.at(-1)?.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/.exec(sent)?.[1] ?? '';
    expect(authority.lookup(token)?.scopes).toContain(CLOUD_PLATFORM_SCOPE);
  });

  it('leaves the credentials out when asked, and the front end answers 401', async () => {
    vi.stubEnv('GCE_METADATA_HOST', world.metadata().hostPort);
    vi.stubEnv('METADATA_SERVER_DETECTION', 'assume-present');
    const target = createLiveRun(liveConfig()).targetFor('datafusion');
    const response = await get(target, ABSENT, false);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(world.standIn().requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('sends --header values, expanded where the request is sent', async () => {
    vi.stubEnv('LIVE_TEST_TOKEN', authority.issue(METADATA_PRINCIPAL, [CLOUD_PLATFORM_SCOPE]));
    const target = createLiveRun(
      liveConfig({ auth: { headers: ['Authorization: Bearer $LIVE_TEST_TOKEN'] } }),
    ).targetFor('datafusion');
    expect(target.info).toMatchObject({ auth: 'headers' });
    expect((await get(target, ABSENT)).status).toBe(404);
  });

  it('retries a 429 as Retry-After asks, marks the answer and counts both requests', async () => {
    const token = authority.issue(METADATA_PRINCIPAL, [CLOUD_PLATFORM_SCOPE]);
    vi.stubEnv('LIVE_TEST_TOKEN', token);
    const run = createLiveRun(
      liveConfig({ auth: { headers: ['Authorization: Bearer $LIVE_TEST_TOKEN'] } }),
    );
    const target = run.targetFor('datafusion');
    world.standIn().throttleNext(1, { retryAfter: '0' });
    const response = await get(target, ABSENT);
    expect(response.status).toBe(404);
    expect(response.headers.get(RETRIED_HEADER)).toBe(
      '429 retried after 0 ms (as the server asked)',
    );
    expect(world.standIn().requests).toHaveLength(2);
    expect(target.requestsSent?.()).toBe(2);
    expect(run.counts()).toEqual({ datafusion: 2 });
  });

  it('sends nothing beyond --max-requests: the request over the cap is an ERROR', async () => {
    vi.stubEnv('LIVE_TEST_TOKEN', authority.issue(METADATA_PRINCIPAL, [CLOUD_PLATFORM_SCOPE]));
    const target = createLiveRun(
      liveConfig({ auth: { headers: ['Authorization: Bearer $LIVE_TEST_TOKEN'] }, maxRequests: 1 }),
    ).targetFor('datafusion');
    expect((await get(target, ABSENT)).status).toBe(404);
    const error = await get(target, ABSENT).catch((caught: unknown) => caught);
    expect(isLroError(error) && error.code).toBe('REQUEST_BUDGET');
    expect(isLroError(error)).toBe(true);
    expect(world.standIn().requests).toHaveLength(1);
  });

  it('gives each service its own base URL, budget count and one shared memo', () => {
    const run = createLiveRun(
      liveConfig({
        endpoints: {
          checks: 'https://checks.googleapis.com/',
          datafusion: world.standIn().baseUrl,
        },
      }),
    );
    const checks = run.targetFor('checks');
    expect(checks.baseUrl).toBe('https://checks.googleapis.com');
    expect(run.targetFor('checks')).toBe(checks);
    expect(run.targetFor('datafusion').memo).toBe(checks.memo);
    expect(checks.shareProbes).toBe(true);
    expect(() => run.targetFor('dai')).toThrow('the live run has no endpoint for dai');
  });
});
