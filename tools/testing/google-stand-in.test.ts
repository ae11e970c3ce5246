import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL_PATH } from '../../harness/control/vocabulary.ts';
import { CLOUD_PLATFORM_SCOPE } from '../../harness/http/auth/service-scopes.ts';
import { type GoogleStandIn, startGoogleStandIn } from './google-stand-in.ts';

const OWNER = 'owner@example.com';
const MINE = 'projects/mine/locations/us';

let standIn: GoogleStandIn;
let token: string;

beforeAll(async () => {
  standIn = await startGoogleStandIn({ cancelDelayMs: 0 });
  standIn.authority.allowParents(OWNER, [MINE, 'projects/ref/locations/ref']);
  token = standIn.authority.issue(OWNER, [CLOUD_PLATFORM_SCOPE]);
});
afterAll(() => standIn.close());
beforeEach(() => standIn.clearLog());

async function send(
  path: string,
  init: { method?: string; token?: string | undefined; body?: string } = {},
): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
  const headers: Record<string, string> = {};
  const bearer = 'token' in init ? init.token : token;
  if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
  const response = await fetch(`${standIn.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

function reasonOf(json: unknown): unknown {
  return (json as { error?: { details?: { reason?: unknown }[] } }).error?.details?.[0]?.reason;
}

describe('the Google front-end stand-in', () => {
  it('answers 401 CREDENTIALS_MISSING with a Bearer challenge when no token is sent', async () => {
    const answer = await send(`/v1/${MINE}/operations/absent`, { token: undefined });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe(
      'Bearer realm="https://accounts.google.com/"',
    );
    expect(reasonOf(answer.json)).toBe('CREDENTIALS_MISSING');
  });

  it('answers 401 ACCESS_TOKEN_INVALID for a token it did not issue', async () => {
    const answer = await send(`/v1/${MINE}/operations/absent`, { token: 'forged' });
    expect(answer.status).toBe(401);
    expect(reasonOf(answer.json)).toBe('ACCESS_TOKEN_INVALID');
  });

  it('answers 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT for a token without a documented scope', async () => {
    const narrow = standIn.authority.issue(OWNER, ['https://www.googleapis.com/auth/checks']);
    const answer = await send(`/v1/${MINE}/operations/absent`, { token: narrow });
    expect(answer.status).toBe(403);
    expect(reasonOf(answer.json)).toBe('ACCESS_TOKEN_SCOPE_INSUFFICIENT');
  });

  it('answers 403 for a foreign parent whether or not the operation exists, before 404', async () => {
    const existing = standIn.model.createOperation('datafusion', 'running');
    const stranger = standIn.authority.issue('stranger@example.com', [CLOUD_PLATFORM_SCOPE]);
    const absent = await send(`/v1/projects/theirs/locations/us/operations/absent`);
    const present = await send(`/v1/${existing}`, { token: stranger });
    for (const answer of [absent, present]) {
      expect(answer.status).toBe(403);
      expect(reasonOf(answer.json)).toBe('IAM_PERMISSION_DENIED');
      expect(answer.text).toContain('(or it may not exist)');
    }
  });

  it('answers 404 NOT_FOUND for an absent operation under an owned parent, 200 for an existing one', async () => {
    const absent = await send(`/v1/${MINE}/operations/lro-conformance-absent`);
    expect(absent.status).toBe(404);
    expect((absent.json as { error: { status: string } }).error.status).toBe('NOT_FOUND');
    const existing = standIn.model.createOperation('datafusion', 'running');
    const present = await send(`/v1/${existing}`);
    expect(present.status).toBe(200);
    expect(present.json).toMatchObject({ name: existing });
  });

  it('answers an HTML 404 page for a path no binding matches, token or not', async () => {
    for (const bearer of [token, undefined]) {
      const answer = await send('/v1/nothing/here', { token: bearer });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
      expect(answer.text).toContain('<title>Error 404 (Not Found)!!1</title>');
    }
  });

  it('throttles the next requests with 429 or 503 and Retry-After, then answers normally', async () => {
    standIn.throttleNext(1, { retryAfter: '3' });
    standIn.throttleNext(1, { status: 503, retryAfter: 'Thu, 01 Jan 2026 00:00:05 GMT' });
    const first = await send(`/v1/${MINE}/operations/absent`);
    const second = await send(`/v1/${MINE}/operations/absent`);
    const third = await send(`/v1/${MINE}/operations/absent`);
    expect([first.status, second.status, third.status]).toEqual([429, 503, 404]);
    expect(first.headers.get('retry-after')).toBe('3');
    expect((first.json as { error: { status: string } }).error.status).toBe('RESOURCE_EXHAUSTED');
    expect(second.headers.get('retry-after')).toBe('Thu, 01 Jan 2026 00:00:05 GMT');
  });

  it('logs every request unscrubbed: method, raw path, headers and body', async () => {
    await send(`/v1/${MINE}/operations/a%2Fb:cancel?x=1`, { method: 'POST', body: '{}' });
    expect(standIn.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: `/v1/${MINE}/operations/a%2Fb:cancel?x=1`,
        body: '{}',
        headers: expect.objectContaining({ authorization: `Bearer ${token}` }),
      }),
    ]);
  });

  it('has no test-control endpoint unless asked for one', async () => {
    const answer = await send(`${CONTROL_PATH}/operations`, {
      method: 'POST',
      body: JSON.stringify({ service: 'dai', scenario: 'running' }),
    });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    const withControl = await startGoogleStandIn({ control: true });
    try {
      const created = await fetch(`${withControl.baseUrl}${CONTROL_PATH}/operations`, {
        method: 'POST',
        body: JSON.stringify({ service: 'dai', scenario: 'running' }),
      });
      expect(created.status).toBe(201);
    } finally {
      await withControl.close();
    }
  });
});
