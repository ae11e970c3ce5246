import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLroError, systemClock } from '#base';
import { CONTROL_PATH } from '../control/vocabulary.ts';
import { TargetUnreachableError } from '../http/http-fetch.ts';
import { createUrlTarget } from './url-target.ts';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('createUrlTarget', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        response
          .writeHead(418, { 'content-type': 'application/json' })
          .end(JSON.stringify({ method: request.method, url: request.url, body }));
      });
    });
    base = `http://127.0.0.1:${await listen(server)}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('trims trailing slashes and reports its URLs, on the system clock', () => {
    const target = createUrlTarget({
      kind: 'url',
      baseUrl: `${base}//`,
      controlUrl: `${base}${CONTROL_PATH}/`,
      requestTimeoutMs: 1000,
    });
    expect(target.baseUrl).toBe(base);
    expect(target.control).toBeDefined();
    expect(target.info).toEqual({
      kind: 'url',
      baseUrl: base,
      controlUrl: `${base}${CONTROL_PATH}`,
    });
    expect(target.clock).toBe(systemClock);
  });

  it('passes requests through over HTTP and any status back, without throwing', async () => {
    const target = createUrlTarget({
      kind: 'url',
      baseUrl: base,
      controlUrl: base,
      requestTimeoutMs: 5000,
    });
    const response = await target.fetch(
      new Request(`${base}/v1/operations/a/b:cancel`, { method: 'POST', body: '{}' }),
    );
    expect(response.status).toBe(418);
    expect(await response.json()).toEqual({
      method: 'POST',
      url: '/v1/operations/a/b:cancel',
      body: '{}',
    });
  });

  it('turns a refused connection into a TargetUnreachableError naming the request', async () => {
    const closed = `http://127.0.0.1:${await closedPort()}`;
    const target = createUrlTarget({
      kind: 'url',
      baseUrl: closed,
      controlUrl: closed,
      requestTimeoutMs: 5000,
    });
    const url = `${closed}/v1/operations/x:cancel`;
    let error: unknown;
    try {
      await target.fetch(new Request(url, { method: 'POST' }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TargetUnreachableError);
    expect(isLroError(error)).toBe(true);
    expect((error as Error).message).toBe(`cannot reach POST ${url}: fetch failed (ECONNREFUSED)`);
    expect((error as TargetUnreachableError).url).toBe(`POST ${url}`);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });
});
