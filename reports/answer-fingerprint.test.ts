/** The answer fingerprint keeps what a client acts on and drops what changes run to run. */
import { describe, expect, it } from 'vitest';
import { answerFingerprint, exchangeFingerprint } from './answer-fingerprint.ts';
import { type CellResult, type Exchange, RETRY_HEADER } from './results-model.ts';

const URL_1 = 'https://checks.googleapis.com/v1alpha/accounts/1/apps/2/operations/op-1';

function exchange(
  status: number,
  body: unknown,
  options: { url?: string; method?: string; headers?: Record<string, string> } = {},
): Exchange {
  return {
    request: { method: options.method ?? 'GET', url: options.url ?? URL_1, headers: {} },
    response: {
      status,
      headers: options.headers ?? { 'content-type': 'application/json; charset=UTF-8' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    curl: `curl '${options.url ?? URL_1}'`,
  };
}

function envelope(code: number, status: string, message: string, reason?: string) {
  const details =
    reason === undefined
      ? []
      : [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }];
  return { error: { code, status, message, details } };
}

const fingerprint = (e: Exchange) => exchangeFingerprint(e);

describe('exchangeFingerprint', () => {
  it('states method, verb, status, media type, error.status, ErrorInfo and body keys', () => {
    const cancel = exchange(
      403,
      envelope(403, 'PERMISSION_DENIED', 'denied', 'IAM_PERMISSION_DENIED'),
      {
        method: 'POST',
        url: `${URL_1}:cancel`,
      },
    );
    expect(fingerprint(cancel)).toBe(
      'POST :cancel -> 403 application/json PERMISSION_DENIED ErrorInfo IAM_PERMISSION_DENIED@googleapis.com {error}',
    );
    expect(fingerprint(exchange(200, { name: 'x', done: false }))).toBe(
      'GET (no verb) -> 200 application/json {done,name}',
    );
  });

  it.for([
    [
      'a 404 that became a 403',
      exchange(404, envelope(404, 'NOT_FOUND', 'm')),
      exchange(403, envelope(404, 'NOT_FOUND', 'm')),
    ],
    [
      'error.status',
      exchange(404, envelope(404, 'NOT_FOUND', 'm')),
      exchange(404, envelope(404, 'PERMISSION_DENIED', 'm')),
    ],
    [
      'the ErrorInfo reason',
      exchange(403, envelope(403, 'PERMISSION_DENIED', 'm', 'A')),
      exchange(403, envelope(403, 'PERMISSION_DENIED', 'm', 'B')),
    ],
    [
      'the media type',
      exchange(404, 'Not Found', { headers: { 'content-type': 'text/html' } }),
      exchange(404, 'Not Found', { headers: { 'content-type': 'text/plain' } }),
    ],
    ['the body keys', exchange(200, { name: 'x' }), exchange(200, { name: 'x', done: true })],
    ['an empty body and {}', exchange(200, ''), exchange(200, {})],
    ['JSON and text', exchange(200, '{}'), exchange(200, 'ok')],
    [
      'the verb',
      exchange(200, {}, { url: `${URL_1}:cancel` }),
      exchange(200, {}, { url: `${URL_1}:wait` }),
    ],
  ] as const)('changes with %s', ([, before, after]) => {
    expect(fingerprint(before)).not.toBe(fingerprint(after));
  });

  it.for([
    [
      'the message',
      exchange(404, envelope(404, 'NOT_FOUND', 'op-1 not found')),
      exchange(404, envelope(404, 'NOT_FOUND', 'op-2 is missing')),
    ],
    [
      'dates, request ids and the charset',
      exchange(
        200,
        {},
        {
          headers: {
            'content-type': 'application/json; charset=UTF-8',
            date: 'Mon',
            'x-request-id': '1',
          },
        },
      ),
      exchange(
        200,
        {},
        { headers: { 'Content-Type': 'application/json', date: 'Tue', 'x-request-id': '2' } },
      ),
    ],
    [
      'the operation name',
      exchange(200, { name: 'a' }),
      exchange(200, { name: 'b' }, { url: `${URL_1.replace('op-1', 'op-2')}?access_token=SECRET` }),
    ],
    [
      'values inside the body',
      exchange(200, { done: false, metadata: { p: 1 } }),
      exchange(200, { done: true, metadata: { p: 99 } }),
    ],
  ] as const)('ignores %s', ([, before, after]) => {
    expect(fingerprint(before)).toBe(fingerprint(after));
  });

  it('says when no answer came', () => {
    const lost: Exchange = { request: { method: 'GET', url: URL_1, headers: {} }, curl: '' };
    expect(fingerprint(lost)).toBe('GET (no verb) -> no answer');
  });
});

describe('answerFingerprint', () => {
  const cell = (evidence?: Exchange[]): CellResult => ({
    service: 'checks',
    clause: 'cancel/x',
    outcome: 'PASS',
    strength: 'MUST',
    ...(evidence === undefined ? {} : { evidence }),
  });

  it('keeps a run of identical answers once, so the number of polls does not count', () => {
    const running = exchange(200, { name: 'x', done: false });
    const done = exchange(200, { name: 'x', done: true, error: {} });
    expect(answerFingerprint(cell([running, running, running, done]))).toEqual(
      answerFingerprint(cell([running, done])),
    );
    expect(answerFingerprint(cell([running, done]))).toHaveLength(2);
  });

  it('leaves out the answers that were retried: a busy server answered the same', () => {
    const running = exchange(200, { name: 'x', done: false });
    const shed = exchange(503, { error: { code: 503, status: 'UNAVAILABLE' } });
    const marked: Exchange = {
      ...shed,
      response: {
        status: 503,
        body: shed.response?.body ?? '',
        headers: { ...shed.response?.headers, [RETRY_HEADER]: 'retried after 100 ms (backoff)' },
      },
    };
    expect(answerFingerprint(cell([marked, running]))).toEqual(answerFingerprint(cell([running])));
  });

  it('is undefined for a cell without evidence', () => {
    expect(answerFingerprint(cell())).toBeUndefined();
    expect(answerFingerprint(cell([]))).toBeUndefined();
  });
});
