import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_HARNESS, EXIT_USAGE, LroError } from '#base';
import { type FetchServer, serveFetch } from '../../tools/testing/fetch-server.ts';
import { endless, throttled } from '../../tools/testing/hostile-answers.ts';
import { CONTROL_PATH } from '../control/vocabulary.ts';
import { preflight, selectServices } from './preflight.ts';

const ALL = ['admanager', 'adsdatahub', 'checks', 'dai', 'datafusion'] as const;

describe('selectServices', () => {
  it.for([
    ['nothing requested, nothing said', undefined, undefined, ALL],
    ['requested, nothing said', ['dai'], undefined, ['dai']],
    [
      'nothing requested, two served',
      undefined,
      ['datafusion', 'checks'],
      ['checks', 'datafusion'],
    ],
    ['nothing requested, an unknown one served', undefined, ['checks', 'other'], ['checks']],
    ['nothing requested, none served', undefined, [], []],
    ['requested and served', ['dai', 'checks'], ALL, ['dai', 'checks']],
  ] as const)('%s', ([, requested, served, expected]) => {
    expect(selectServices(requested, ALL, served)).toEqual(expected);
  });

  it('refuses a requested service the target does not serve, with exit code 2', () => {
    let error: unknown;
    try {
      selectServices(['checks', 'dai', 'datafusion'], ALL, ['checks']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LroError);
    expect((error as LroError).exitCode).toBe(EXIT_USAGE);
    expect((error as Error).message).toBe(
      'the target does not serve dai, datafusion (its control endpoint lists checks)',
    );
  });
});

describe('preflight', () => {
  const servers: Server[] = [];

  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  async function serve(handler: RequestListener): Promise<string> {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /**
   * Answers `controlStatus`/`controlBody` on GET /__control, `createStatus` on
   * POST /__control/operations, and 404 elsewhere.
   */
  function target(controlStatus: number, controlBody: string, createStatus = 404): Promise<string> {
    return serve((request, response) => {
      if (request.url === CONTROL_PATH) response.writeHead(controlStatus).end(controlBody);
      else if (request.url === `${CONTROL_PATH}/operations` && request.method === 'POST') {
        response.writeHead(createStatus).end('{"name":"operations/x"}');
      } else response.writeHead(404).end('not here');
    });
  }

  const check = (base: string, controlUrl: string | undefined = `${base}${CONTROL_PATH}`) =>
    preflight({ baseUrl: base, controlUrl, timeoutMs: 5000, probeService: 'checks' });

  async function rejection(promise: Promise<unknown>): Promise<LroError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof LroError) return error;
      throw error;
    }
    throw new Error('expected preflight to fail');
  }

  it('reads the served services from a 200 control answer', async () => {
    const base = await target(200, JSON.stringify({ services: ['checks', 'dai'], scenarios: [] }));
    expect(await check(base)).toEqual({
      servedServices: ['checks', 'dai'],
      roundTripMs: expect.any(Number),
    });
  });

  it.for([
    ['a 404', 404, '{"services":["checks"]}'],
    ['a 200 that is not JSON', 200, 'hello'],
    ['a 200 without services', 200, '{}'],
    ['a 500', 500, 'boom'],
  ] as const)(
    'accepts a control endpoint that answers GET with %s but creates operations',
    async ([, status, body]) => {
      const base = await target(status, body, 201);
      expect(await check(base)).toEqual({
        servedServices: undefined,
        roundTripMs: expect.any(Number),
      });
    },
  );

  it('stops with exit code 2 and one line when there is no control endpoint', async () => {
    const base = await target(404, 'not here');
    const error = await rejection(check(base));
    expect(error.exitCode).toBe(EXIT_USAGE);
    expect(error.message).toBe(
      `no control endpoint at ${base}${CONTROL_PATH} (GET answered 404, POST ${CONTROL_PATH}/operations answered 404): pass the control URL with --control URL (docs/CONTROL-PROTOCOL.md), or --control none to run only the clauses that need none`,
    );
  });

  it('checks only the target with --control none', async () => {
    const base = await target(404, 'not here');
    const probesOnly = {
      baseUrl: base,
      controlUrl: undefined,
      timeoutMs: 5000,
      probeService: 'checks',
    };
    expect(await preflight(probesOnly)).toEqual({
      servedServices: undefined,
      roundTripMs: expect.any(Number),
    });
  });

  it('fails with exit code 3 and ECONNREFUSED when the target is not there', async () => {
    const base = await target(200, '{}');
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const error = await rejection(check(base));
    expect(error.exitCode).toBe(EXIT_HARNESS);
    expect(error.message).toBe(`cannot reach the target at ${base} (ECONNREFUSED)`);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('fails with exit code 3 when only the control endpoint is not there', async () => {
    const base = await target(200, '{}');
    const gone = await serve(() => {});
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const error = await rejection(check(base, `${gone}${CONTROL_PATH}`));
    expect(error.exitCode).toBe(EXIT_HARNESS);
    expect(error.message).toBe(
      `cannot reach the control endpoint at ${gone}${CONTROL_PATH} (ECONNREFUSED)`,
    );
  });

  /** A free loopback port, and a way to start serving the control protocol on it later. */
  async function laterTarget(): Promise<{ base: string; listen: () => Promise<void> }> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const server = createServer((request, response) => {
      if (request.url === CONTROL_PATH) response.writeHead(200).end('{"services":["checks"]}');
      else response.writeHead(404).end('not here');
    });
    servers.push(server);
    return {
      base: `http://127.0.0.1:${port}`,
      listen: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    };
  }

  it('waits for a target that starts listening after about 2 s, saying so', async () => {
    const { base, listen } = await laterTarget();
    const lines: string[] = [];
    const started = Date.now();
    const late = setTimeout(listen, 2000);
    try {
      const result = await preflight({
        baseUrl: base,
        controlUrl: `${base}${CONTROL_PATH}`,
        timeoutMs: 5000,
        probeService: 'checks',
        waitMs: 10_000,
        onWaiting: (line) => lines.push(line),
      });
      expect(result.servedServices).toEqual(['checks']);
    } finally {
      clearTimeout(late);
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `the target at ${base} refuses connections (ECONNREFUSED): waiting up to 10 s for it to start (--wait-for-target)`,
    );
    expect(lines[1]).toMatch(
      new RegExp(`^the target at ${base.replaceAll('.', '\\.')} answered after [23](\\.\\d)? s$`),
    );
  });

  it('gives up after the wait, exit 3, naming the flag that waits longer', async () => {
    const { base } = await laterTarget();
    const lines: string[] = [];
    const error = await rejection(
      preflight({
        baseUrl: base,
        controlUrl: undefined,
        timeoutMs: 5000,
        probeService: 'checks',
        waitMs: 300,
        onWaiting: (line) => lines.push(line),
      }),
    );
    expect(error.exitCode).toBe(EXIT_HARNESS);
    expect(error.message).toBe(
      `cannot reach the target at ${base} (ECONNREFUSED, still after waiting 0.3 s for it to start; --wait-for-target MS waits longer)`,
    );
    expect(lines).toHaveLength(1);
  });

  it('does not wait with a wait of 0, nor for an answer that is no refused connection', async () => {
    const { base } = await laterTarget();
    const lines: string[] = [];
    const started = Date.now();
    const error = await rejection(
      preflight({
        baseUrl: base,
        controlUrl: undefined,
        timeoutMs: 5000,
        probeService: 'checks',
        waitMs: 0,
        onWaiting: (line) => lines.push(line),
      }),
    );
    expect(error.message).toBe(`cannot reach the target at ${base} (ECONNREFUSED)`);
    expect(lines).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('preflight against a target that is busy, redirects or answers without end', () => {
  const servers: FetchServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  const serve = async (fetch: (request: Request) => Promise<Response>) => {
    const server = await serveFetch(fetch);
    servers.push(server);
    return server.baseUrl;
  };
  const controlEndpoint = async (request: Request) =>
    new URL(request.url).pathname === CONTROL_PATH
      ? Response.json({ services: ['checks'] })
      : new Response('not here', { status: 404 });
  const check = (base: string) =>
    preflight({
      baseUrl: base,
      controlUrl: `${base}${CONTROL_PATH}`,
      timeoutMs: 5000,
      maxAnswerBytes: 64 * 1024,
      probeService: 'checks',
    });

  it('retries a control endpoint that sheds a request, as the run does', async () => {
    let shed = 2;
    const base = await serve(async (request) => {
      if (shed > 0) {
        shed -= 1;
        return throttled(503, '0');
      }
      return controlEndpoint(request);
    });
    expect((await check(base)).servedServices).toEqual(['checks']);
  });

  it('stops with exit code 3, not 2, when the control endpoint stays unavailable', async () => {
    const base = await serve(async () => throttled(429, '0'));
    const error = await check(base).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LroError);
    expect((error as LroError).exitCode).toBe(EXIT_HARNESS);
    expect((error as Error).message).toMatch(
      /^the control endpoint at http:\/\/127\.0\.0\.1:\d+\/__control cannot be used: GET .* answered 429 and was still answered so after 10 retries over \d+ ms: the target stays unavailable, so the answer could not be checked$/,
    );
  });

  it('does not follow a redirect of the control endpoint, and says where it pointed', async () => {
    const elsewhere = await serve(controlEndpoint);
    const base = await serve(async (request) => {
      const { pathname } = new URL(request.url);
      return new Response(null, { status: 307, headers: { location: `${elsewhere}${pathname}` } });
    });
    const error = await check(base).catch((caught: unknown) => caught);
    expect((error as LroError).exitCode).toBe(EXIT_USAGE);
    expect((error as Error).message).toContain(
      `GET answered 307, a redirect to ${elsewhere}${CONTROL_PATH}, which the run does not follow: pass that URL instead`,
    );
    expect(servers[0]?.requests).toEqual([]);
  });

  it('reads no more than the answer limit of a control answer that does not end', async () => {
    const base = await serve(async (request) =>
      new URL(request.url).pathname === CONTROL_PATH ? endless() : controlEndpoint(request),
    );
    const started = performance.now();
    const error = await check(base).catch((caught: unknown) => caught);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((error as LroError).exitCode).toBe(EXIT_HARNESS);
    expect((error as Error).message).toMatch(
      /^the control endpoint at .* cannot be used: GET .* answered 200 with a body longer than 65536 bytes, which the run does not read \(--max-answer-bytes\); the answer could not be checked$/,
    );
  });
});
