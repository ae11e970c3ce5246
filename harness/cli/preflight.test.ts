import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CliError, EXIT_HARNESS, EXIT_USAGE } from './cli-errors.ts';
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
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT_USAGE);
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

  /** Answers `controlStatus`/`controlBody` on /__control and 404 elsewhere. */
  function target(controlStatus: number, controlBody: string): Promise<string> {
    return serve((request, response) => {
      if (request.url === '/__control') response.writeHead(controlStatus).end(controlBody);
      else response.writeHead(404).end('not here');
    });
  }

  async function rejection(promise: Promise<unknown>): Promise<CliError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof CliError) return error;
      throw error;
    }
    throw new Error('expected preflight to fail');
  }

  it('reads the served services from a 200 control answer', async () => {
    const base = await target(200, JSON.stringify({ services: ['checks', 'dai'], scenarios: [] }));
    expect(await preflight(base, `${base}/__control`, 5000)).toEqual({
      servedServices: ['checks', 'dai'],
    });
  });

  it.for([
    ['a 404', 404, '{"services":["checks"]}'],
    ['a 200 that is not JSON', 200, 'hello'],
    ['a 200 without services', 200, '{}'],
    ['a 200 with services that are not strings', 200, '{"services":[1,2]}'],
  ] as const)('leaves the services undefined on %s', async ([, status, body]) => {
    const base = await target(status, body);
    expect(await preflight(base, `${base}/__control`, 5000)).toEqual({ servedServices: undefined });
  });

  it('fails with exit code 3 when the control endpoint answers 500', async () => {
    const base = await target(500, 'boom');
    const error = await rejection(preflight(base, `${base}/__control`, 5000));
    expect(error.exitCode).toBe(EXIT_HARNESS);
    expect(error.message).toBe(
      `control endpoint ${base}/__control answered 500: is it the control URL of the target?`,
    );
  });

  it('fails with exit code 3 and ECONNREFUSED when the target is not there', async () => {
    const base = await target(200, '{}');
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const error = await rejection(preflight(base, `${base}/__control`, 5000));
    expect(error.exitCode).toBe(EXIT_HARNESS);
    expect(error.message).toBe(`cannot reach the target at ${base} (ECONNREFUSED)`);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('fails with exit code 3 when only the control endpoint is not there', async () => {
    const base = await target(200, '{}');
    const gone = await serve(() => {});
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const error = await rejection(preflight(base, `${gone}/__control`, 5000));
    expect(error.exitCode).toBe(EXIT_HARNESS);
    expect(error.message).toBe(
      `cannot reach the control endpoint at ${gone}/__control (ECONNREFUSED)`,
    );
  });
});
