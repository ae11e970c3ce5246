import { describe, expect, it } from 'vitest';
import { isLroError, ManualClock } from '#base';
import { startGoogleStandIn } from '../../tools/testing/google-stand-in.ts';
import { CLOUD_PLATFORM_SCOPE } from './auth/service-scopes.ts';
import { type GiveUpEvent, type RetryEvent, withRetryAfter } from './retry-after.ts';

const URL_ = 'https://datafusion.googleapis.com/v1/projects/p/locations/l/operations/o:cancel';

/** A fetch that answers from a script, one entry per attempt, and remembers what it got. */
function scripted(answers: readonly (Response | Error)[]) {
  const received: { method: string; body: string }[] = [];
  let next = 0;
  const fetch = async (request: Request): Promise<Response> => {
    received.push({ method: request.method, body: await request.text() });
    const answer = answers[next] ?? answers.at(-1);
    next += 1;
    if (answer instanceof Error) throw answer;
    if (answer === undefined) throw new Error('script is empty');
    return answer.clone();
  };
  return { fetch, received };
}

const status = (code: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error: { code } }), { status: code, headers });

function setUp(answers: readonly (Response | Error)[], whenExhausted?: 'throw' | 'return') {
  const clock = new ManualClock();
  const start = clock.now();
  const script = scripted(answers);
  const retries: RetryEvent[] = [];
  const giveUps: GiveUpEvent[] = [];
  const fetch = withRetryAfter(script.fetch, {
    clock,
    onRetry: (event) => retries.push(event),
    onGiveUp: (event) => giveUps.push(event),
    ...(whenExhausted === undefined ? {} : { whenExhausted }),
  });
  return { fetch, received: script.received, retries, giveUps, waited: () => clock.now() - start };
}

const cancel = () => new Request(URL_, { method: 'POST', body: '{}' });

describe('withRetryAfter', () => {
  it('waits as long as Retry-After asks, then sends the same request again', async () => {
    const run = setUp([status(429, { 'retry-after': '3' }), status(200)]);
    expect((await run.fetch(cancel())).status).toBe(200);
    expect(run.waited()).toBe(3_000);
    expect(run.received).toEqual([
      { method: 'POST', body: '{}' },
      { method: 'POST', body: '{}' },
    ]);
    expect(run.retries).toEqual([
      expect.objectContaining({ status: 429, retry: 1, waitMs: 3_000, source: 'server' }),
    ]);
  });

  it('backs off exponentially on 503 without Retry-After', async () => {
    const run = setUp([status(503), status(503), status(503), status(200)]);
    expect((await run.fetch(cancel())).status).toBe(200);
    expect(run.retries.map((event) => [event.waitMs, event.source])).toEqual([
      [1_000, 'backoff'],
      [2_000, 'backoff'],
      [4_000, 'backoff'],
    ]);
    expect(run.waited()).toBe(7_000);
  });

  it.for([400, 401, 403, 404, 409, 500, 501, 502, 504])(
    'never retries a %d, cancel or not',
    async (code) => {
      const run = setUp([status(code, { 'retry-after': '1' }), status(200)]);
      expect((await run.fetch(cancel())).status).toBe(code);
      expect(run.received).toHaveLength(1);
      expect(run.waited()).toBe(0);
    },
  );

  it('never retries a transport failure: the cancel may have been carried out', async () => {
    const run = setUp([new TypeError('fetch failed'), status(200)]);
    await expect(run.fetch(cancel())).rejects.toThrow('fetch failed');
    expect(run.received).toHaveLength(1);
  });

  it('gives up after the last retry with a HarnessError naming the request', async () => {
    const run = setUp([status(429, { 'retry-after': '1' })]);
    const error = await run.fetch(cancel()).catch((caught: unknown) => caught);
    expect(isLroError(error) && error.code).toBe('THROTTLED');
    expect((error as Error).message).toBe(
      `POST ${URL_} answered 429 and was still refused after 3 retries; lower --max-rps or run later`,
    );
    expect(run.received).toHaveLength(4);
    expect(run.giveUps).toEqual([expect.objectContaining({ reason: 'max-retries', retries: 3 })]);
  });

  it('does not wait at all when the server asks for longer than the cap', async () => {
    const run = setUp([status(429, { 'retry-after': '3600' })], 'return');
    expect((await run.fetch(cancel())).status).toBe(429);
    expect(run.waited()).toBe(0);
    expect(run.received).toHaveLength(1);
    expect(run.giveUps).toEqual([
      expect.objectContaining({ reason: 'wait-too-long', requestedMs: 3_600_000 }),
    ]);
  });

  it('waits for a RetryInfo delay when there is no Retry-After header', async () => {
    const body = JSON.stringify({
      error: {
        code: 429,
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2.5s' }],
      },
    });
    const run = setUp([new Response(body, { status: 429 }), status(200)]);
    await run.fetch(new Request(URL_));
    expect(run.waited()).toBe(2_500);
  });

  it('scrubs the URL it reports', async () => {
    const run = setUp([status(429, { 'retry-after': '0' }), status(200)]);
    await run.fetch(new Request(`${URL_}?key=AIzaSecretValue`));
    expect(run.retries[0]?.url).not.toContain('AIzaSecretValue');
  });

  it('gets past the throttling of the Google stand-in over loopback', async () => {
    const standIn = await startGoogleStandIn();
    try {
      standIn.authority.allowParents('me', ['projects/p/locations/l']);
      const token = standIn.authority.issue('me', [CLOUD_PLATFORM_SCOPE]);
      standIn.throttleNext(2, { retryAfter: '1' });
      const clock = new ManualClock();
      const fetch = withRetryAfter((request) => globalThis.fetch(request), { clock });
      const response = await fetch(
        new Request(`${standIn.baseUrl}/v1/projects/p/locations/l/operations/absent`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
      expect(response.status).toBe(404);
      expect(standIn.requests).toHaveLength(3);
    } finally {
      await standIn.close();
    }
  });
});
