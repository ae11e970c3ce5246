import { describe, expect, it } from 'vitest';
import { isLroError, ManualClock } from '#base';
import { startGoogleStandIn } from '../../tools/testing/google-stand-in.ts';
import { CLOUD_PLATFORM_SCOPE } from './auth/service-scopes.ts';
import {
  type GiveUpEvent,
  RETRIED_HEADER,
  type RetryEvent,
  retriedAnswersOf,
  withRetries,
} from './retries.ts';

const URL_ = 'https://datafusion.googleapis.com/v1/projects/p/locations/l/operations/o:cancel';
const CONTROL = 'https://example.test/__control/operations';

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
  const fetch = withRetries(script.fetch, {
    clock,
    // The top of each jittered wait, so waits are predictable.
    random: () => 1,
    onRetry: (event) => retries.push(event),
    onGiveUp: (event) => giveUps.push(event),
    ...(whenExhausted === undefined ? {} : { whenExhausted }),
  });
  return { fetch, received: script.received, retries, giveUps, waited: () => clock.now() - start };
}

const cancel = (url = URL_) => new Request(url, { method: 'POST', body: '{}' });

describe('withRetries', () => {
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
    expect(run.fetch.waitedMs()).toBe(3_000);
  });

  it("backs off as Google's clients do when the server names no wait: 100 ms, then × 1.3", async () => {
    const run = setUp([status(503), status(503), status(503), status(200)]);
    expect((await run.fetch(cancel())).status).toBe(200);
    expect(run.retries.map((event) => [event.waitMs, event.source])).toEqual([
      [100, 'backoff'],
      [130, 'backoff'],
      [169, 'backoff'],
    ]);
    expect(run.waited()).toBe(399);
  });

  it('draws each backoff wait at random below its ceiling (full jitter)', async () => {
    const clock = new ManualClock();
    const fetch = withRetries(scripted([status(503), status(200)]).fetch, {
      clock,
      random: () => 0.25,
    });
    await fetch(cancel());
    expect(fetch.waitedMs()).toBe(25);
  });

  it('keeps every retried answer for the evidence, and marks the judged one', async () => {
    const run = setUp([
      status(503, { 'retry-after': '0' }),
      status(429),
      new Response('{}', { status: 200 }),
    ]);
    const response = await run.fetch(cancel());
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{}');
    expect(response.headers.get(RETRIED_HEADER)).toBe(
      '503 retried after 0 ms (as the server asked), 429 retried after 130 ms (backoff)',
    );
    expect(
      retriedAnswersOf(response).map(({ status, body, waitMs, next }) => ({
        status,
        body,
        waitMs,
        next,
      })),
    ).toEqual([
      {
        status: 503,
        body: '{"error":{"code":503}}',
        waitMs: 0,
        next: 'retried after 0 ms (as the server asked)',
      },
      {
        status: 429,
        body: '{"error":{"code":429}}',
        waitMs: 130,
        next: 'retried after 130 ms (backoff)',
      },
    ]);
  });

  it('leaves an answer alone that was not retried', async () => {
    const run = setUp([status(200)]);
    const response = await run.fetch(cancel());
    expect(response.headers.get(RETRIED_HEADER)).toBeNull();
    expect(retriedAnswersOf(response)).toEqual([]);
  });

  it.for([400, 401, 403, 404, 409, 500, 501, 502])(
    'never retries a %d, cancel or not',
    async (code) => {
      const run = setUp([status(code, { 'retry-after': '1' }), status(200)]);
      expect((await run.fetch(cancel())).status).toBe(code);
      expect(run.received).toHaveLength(1);
      expect(run.waited()).toBe(0);
    },
  );

  it('retries a 504 (DEADLINE_EXCEEDED) of a read and of a cancel: both are idempotent', async () => {
    for (const request of [new Request(URL_.replace(':cancel', '')), cancel()]) {
      const run = setUp([status(504), status(200)]);
      expect((await run.fetch(request)).status).toBe(200);
      expect(run.received).toHaveLength(2);
    }
  });

  it('does not retry a 504 of a request that is not idempotent (the control endpoint creating an operation)', async () => {
    const run = setUp([status(504), status(201)]);
    expect((await run.fetch(cancel(CONTROL))).status).toBe(504);
    expect(run.received).toHaveLength(1);
  });

  it('retries a 503 of any request: it says the request was not handled', async () => {
    const run = setUp([status(503), status(201)]);
    expect((await run.fetch(cancel(CONTROL))).status).toBe(201);
  });

  it('never retries a transport failure', async () => {
    const run = setUp([new TypeError('fetch failed'), status(200)]);
    await expect(run.fetch(cancel())).rejects.toThrow('fetch failed');
    expect(run.received).toHaveLength(1);
  });

  it('gives up after ten retries with a THROTTLED HarnessError that carries every answer', async () => {
    const run = setUp([status(503)]);
    const error = await run.fetch(cancel()).catch((caught: unknown) => caught);
    expect(isLroError(error) && error.code).toBe('THROTTLED');
    expect((error as Error).message).toBe(
      `POST ${URL_} answered 503 and was still answered so after 10 retries over 4262 ms: the target stays unavailable, so the answer could not be checked`,
    );
    expect(run.received).toHaveLength(11);
    expect(run.giveUps).toEqual([expect.objectContaining({ reason: 'max-retries', retries: 10 })]);
    const answers = retriedAnswersOf(error);
    expect(answers).toHaveLength(11);
    expect(answers.at(-1)?.next).toBe('not retried: the 10 retries are spent');
  });

  it('ends its message with the advice it was given', async () => {
    const clock = new ManualClock();
    const fetch = withRetries(scripted([status(429, { 'retry-after': '0' })]).fetch, {
      clock,
      policy: { maxRetries: 1 },
      advice: 'lower --max-rps or run later',
    });
    await expect(fetch(cancel())).rejects.toThrow(
      /could not be checked; lower --max-rps or run later$/,
    );
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
      const fetch = withRetries((request) => globalThis.fetch(request), { clock });
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
