import { afterEach, describe, expect, it } from 'vitest';
import { isErrorOf, isLroError } from '#base';
import { type FetchServer, serveFetch } from '../../tools/testing/fetch-server.ts';
import { hostile } from '../../tools/testing/hostile-answers.ts';
import { AnswerTooLargeError } from './answer-limit.ts';
import { createHttpFetch, TargetUnreachableError } from './http-fetch.ts';

describe('TargetUnreachableError', () => {
  it('names the URL and keeps the cause, with its system error code', () => {
    const system = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    const cause = new TypeError('fetch failed', { cause: system });
    const error = new TargetUnreachableError('GET http://127.0.0.1:1/v1/x', { cause });
    expect(error.message).toBe(
      'cannot reach GET http://127.0.0.1:1/v1/x: fetch failed (ECONNREFUSED)',
    );
    expect(error.url).toBe('GET http://127.0.0.1:1/v1/x');
    expect(error.cause).toBe(cause);
    expect(error.code).toBe('UNREACHABLE');
    expect(isErrorOf(error, 'unavailable')).toBe(true);
  });

  it.for([
    ['a cause without a code', new Error('timed out'), 'cannot reach http://h: timed out'],
    ['a cause that is not an Error', 'oops', 'cannot reach http://h'],
    ['no cause', undefined, 'cannot reach http://h'],
  ] as const)('words %s plainly', ([, cause, message]) => {
    const error = new TargetUnreachableError(
      'http://h',
      cause === undefined ? undefined : { cause },
    );
    expect(error.message).toBe(message);
  });
});

describe('createHttpFetch against hostile answers', () => {
  const servers: FetchServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  const serve = async (fetch: (request: Request) => Promise<Response>) => {
    const server = await serveFetch(fetch);
    servers.push(server);
    return server;
  };
  const ok = async () => Response.json({ name: 'operations/x', done: false });

  it('does not follow a redirect to another origin: the 3xx is the answer, and nothing reaches that origin', async () => {
    const elsewhere = await serve(ok);
    const target = await serve(hostile(ok, { kind: 'redirect', origin: elsewhere.baseUrl }));
    const fetch = createHttpFetch({ timeoutMs: 5_000 });
    const response = await fetch(
      new Request(`${target.baseUrl}/v1/operations/x`, {
        headers: { 'x-goog-api-key': 'AIzaKeyThatMustStayHome' },
      }),
    );
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${elsewhere.baseUrl}/v1/operations/x`);
    expect(elsewhere.requests).toEqual([]);
  });

  it.for([
    ['an endless body', { kind: 'endless' }],
    ['a gzip bomb (counted as it inflates)', { kind: 'gzip-bomb', inflatedBytes: 2 * 1024 ** 3 }],
  ] as const)(
    'stops reading %s at the limit: ERROR, with the start kept for evidence',
    async ([, answer]) => {
      const target = await serve(hostile(ok, answer));
      const fetch = createHttpFetch({ timeoutMs: 30_000, maxAnswerBytes: 256 * 1024 });
      const started = performance.now();
      const error = await fetch(new Request(`${target.baseUrl}/v1/operations/x`)).catch(
        (caught: unknown) => caught,
      );
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(error).toBeInstanceOf(AnswerTooLargeError);
      expect(isLroError(error) && error.code).toBe('ANSWER_TOO_LARGE');
      expect((error as Error).message).toBe(
        `GET ${target.baseUrl}/v1/operations/x answered 200 with a body longer than 262144 bytes, which the run does not read (--max-answer-bytes); the answer could not be checked`,
      );
      const partial = (error as AnswerTooLargeError).answer;
      expect(partial.status).toBe(200);
      expect(partial.body).toMatch(
        /^ {65536}\n\[lro-conformance: body cut for the evidence: more than 262144 bytes, not read further; the first 65536 bytes are kept\]$/,
      );
    },
  );

  it('reads an answer padded past any Operation whole while it is within the limit', async () => {
    const target = await serve(hostile(ok, { kind: 'padded', bytes: 2 * 1024 * 1024 }));
    const response = await createHttpFetch({ timeoutMs: 30_000 })(
      new Request(`${target.baseUrl}/v1/operations/x`),
    );
    const text = await response.text();
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(JSON.parse(text)).toEqual({ name: 'operations/x', done: false });
  });

  it('gives a target that answers slowly longer, once it has seen how slow it is', async () => {
    let delay = 400;
    const target = await serve(async () => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      return ok();
    });
    const fetch = createHttpFetch({ timeoutMs: 500 });
    const get = () => fetch(new Request(`${target.baseUrl}/v1/operations/x`));
    expect((await get()).status).toBe(200);
    expect(fetch.timeout.limitMs()).toBeGreaterThanOrEqual(800);
    // Slower than the floor, within twice the slowest answer so far.
    delay = 700;
    expect((await get()).status).toBe(200);
  });

  it('abandons a request that gets no answer within the limit, saying so', async () => {
    const target = await serve(() => new Promise<Response>(() => undefined));
    const fetch = createHttpFetch({ timeoutMs: 300 });
    const error = await fetch(new Request(`${target.baseUrl}/v1/operations/x`)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TargetUnreachableError);
    expect((error as Error).message).toMatch(
      /^cannot reach GET http:\/\/127\.0\.0\.1:\d+\/v1\/operations\/x: no complete answer within \d+ ms \(the longer of --request-timeout and twice the slowest answer so far\)$/,
    );
  });
});
