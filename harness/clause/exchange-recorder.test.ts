import { describe, expect, it } from 'vitest';
import { ManualClock } from '#base';
import { REDACTED } from '#reports';
import { withAnswerLimit } from '../http/answer-limit.ts';
import type { FetchLike } from '../http/fetch-like.ts';
import { withRetries } from '../http/retries.ts';
import { recordExchanges } from './exchange-recorder.ts';

const URL_ = 'https://h.test/v1/operations/op-1:cancel';

describe('recordExchanges', () => {
  it('records a request with its body and the response, leaving both bodies readable', async () => {
    let bodySeenByTarget: string | undefined;
    const target: FetchLike = async (request) => {
      bodySeenByTarget = await request.text();
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const recorder = recordExchanges(target);
    const response = await recorder.fetch(
      new Request(`${URL_}?key=s3cret`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer s3cret',
          'content-type': 'application/json',
          'x-trace': 't1',
        },
        body: '{}',
      }),
    );

    expect(bodySeenByTarget).toBe('{}');
    expect(await response.text()).toBe('{}');
    expect(recorder.exchanges).toHaveLength(1);
    const [exchange] = recorder.exchanges;
    expect(exchange?.request).toEqual({
      method: 'POST',
      url: `${URL_}?key=${encodeURIComponent(REDACTED)}`,
      headers: {
        authorization: `Bearer ${REDACTED}`,
        'content-type': 'application/json',
        'x-trace': 't1',
      },
      body: '{}',
    });
    expect(exchange?.response).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(exchange?.curl).toContain('"Authorization: Bearer $TOKEN"');
    expect(JSON.stringify(recorder.exchanges)).not.toContain('s3cret');
  });

  it('records a request without a body as one with no body at all', async () => {
    const recorder = recordExchanges(async () => new Response('', { status: 200 }));
    await recorder.fetch(new Request(URL_, { method: 'POST' }));
    const request = recorder.exchanges[0]?.request;
    expect(request && 'body' in request).toBe(false);
    expect(recorder.exchanges[0]?.response?.body).toBe('');
    expect(recorder.exchanges[0]?.curl).not.toContain('--data-binary');
  });

  it('tells a zero-length request body apart from none', async () => {
    const recorder = recordExchanges(async () => new Response('{}'));
    await recorder.fetch(new Request(URL_, { method: 'POST', body: '' }));
    expect(recorder.exchanges[0]?.request.body).toBe('');
  });

  it('records error answers with their status and body', async () => {
    const envelope = '{"error":{"code":404,"message":"no","status":"NOT_FOUND"}}';
    const recorder = recordExchanges(async () => new Response(envelope, { status: 404 }));
    const response = await recorder.fetch(new Request(URL_));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(JSON.parse(envelope));
    expect(recorder.exchanges[0]?.response).toMatchObject({ status: 404, body: envelope });
  });

  it('records a request whose fetch throws, then rethrows the same error', async () => {
    const failure = new TypeError('fetch failed');
    const recorder = recordExchanges(async () => {
      throw failure;
    });
    await expect(recorder.fetch(new Request(URL_, { method: 'POST', body: '""' }))).rejects.toBe(
      failure,
    );
    expect(recorder.exchanges).toEqual([
      {
        request: { method: 'POST', url: URL_, headers: expect.any(Object), body: '""' },
        curl: expect.stringContaining(`--data-binary '""'`),
        startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        durationMs: expect.any(Number),
      },
    ]);
  });

  it('keeps the exchanges in call order', async () => {
    const recorder = recordExchanges(async (request) => new Response(request.method));
    await recorder.fetch(new Request(URL_, { method: 'POST' }));
    await recorder.fetch(new Request('https://h.test/v1/operations/op-1'));
    expect(recorder.exchanges.map((e) => [e.request.method, e.response?.body])).toEqual([
      ['POST', 'POST'],
      ['GET', 'GET'],
    ]);
  });

  it('lists the answers the retries did not judge before the one they did, each marked', async () => {
    const answers = [
      new Response('{"error":{"code":503}}', { status: 503, headers: { 'retry-after': '0' } }),
      new Response('{"error":{"code":429}}', { status: 429 }),
      new Response('{}', { status: 200 }),
    ];
    const target = withRetries(async () => answers.shift() ?? new Response(null, { status: 500 }), {
      clock: new ManualClock(),
      random: () => 1,
    });
    const recorder = recordExchanges(target);
    const response = await recorder.fetch(new Request(URL_, { method: 'POST' }));
    expect(await response.text()).toBe('{}');
    expect(
      recorder.exchanges.map((exchange) => [
        exchange.request.method,
        exchange.response?.status,
        exchange.response?.headers['x-lro-conformance-retry'],
        exchange.response?.headers['x-lro-conformance-retried'],
      ]),
    ).toEqual([
      ['POST', 503, 'retried after 0 ms (as the server asked)', undefined],
      ['POST', 429, 'retried after 130 ms (backoff)', undefined],
      [
        'POST',
        200,
        undefined,
        '503 retried after 0 ms (as the server asked), 429 retried after 130 ms (backoff)',
      ],
    ]);
    const started = recorder.exchanges.map((exchange) => exchange.startedAt ?? '');
    expect([...started].sort()).toEqual(started);
  });

  it('keeps every answer of a request whose retries ran out, the last one included', async () => {
    const target = withRetries(async () => new Response('busy', { status: 503 }), {
      clock: new ManualClock(),
      policy: { maxRetries: 2 },
    });
    const recorder = recordExchanges(target);
    await expect(recorder.fetch(new Request(URL_))).rejects.toThrow(/stays unavailable/);
    expect(recorder.exchanges.map((exchange) => exchange.response?.status)).toEqual([
      503, 503, 503,
    ]);
    expect(recorder.exchanges.at(-1)?.response?.headers['x-lro-conformance-retry']).toBe(
      'not retried: the 2 retries are spent',
    );
  });

  it('keeps the start of an answer too long to read, as far as it was read', async () => {
    const target = withAnswerLimit(async () => new Response('x'.repeat(5000)), 2048);
    const recorder = recordExchanges(target);
    await expect(recorder.fetch(new Request(URL_))).rejects.toThrow(/longer than 2048 bytes/);
    expect(recorder.exchanges[0]?.response?.status).toBe(200);
    expect(recorder.exchanges[0]?.response?.body).toMatch(
      /^x+\n\[lro-conformance: body cut for the evidence: more than 2048 bytes, not read further; the first \d+ bytes are kept\]$/,
    );
  });

  it('keeps the first 64 KiB of a long body it judged, marked', async () => {
    const recorder = recordExchanges(async () => new Response(`{}${' '.repeat(100_000)}`));
    const response = await recorder.fetch(new Request(URL_));
    expect((await response.text()).length).toBe(100_002);
    expect(recorder.exchanges[0]?.response?.body).toMatch(
      /^\{\} +\n\[lro-conformance: body cut for the evidence: 100002 bytes in all; the first 65536 bytes are kept\]$/,
    );
  });
});
