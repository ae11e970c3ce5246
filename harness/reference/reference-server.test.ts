import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '#base';
import { CONTROL_PATH } from '../control/vocabulary.ts';
import { startReferenceServer } from './reference-server.ts';

describe('reference HTTP server', () => {
  it('listens on 127.0.0.1 and serves the control protocol under the base URL', async () => {
    const server = await startReferenceServer({ cancelMode: 'unimplemented' });
    try {
      expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.controlUrl).toBe(`${server.baseUrl}${CONTROL_PATH}`);
      const control = await fetch(server.controlUrl);
      expect(control.status).toBe(200);
      expect(await control.json()).toMatchObject({ cancelModes: { checks: 'unimplemented' } });
    } finally {
      await server.close();
    }
  });

  it('answers a successful cancel with a non-empty JSON {} and a content-length', async () => {
    const server = await startReferenceServer();
    try {
      const name = server.model.createOperation('checks', 'running');
      const response = await fetch(`${server.baseUrl}/v1alpha/${name}:cancel`, { method: 'POST' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('content-length')).toBe('2');
      expect(await response.text()).toBe('{}');
    } finally {
      await server.close();
    }
  });

  it('passes the path on raw, so an encoded slash does not match a multi-segment name', async () => {
    const server = await startReferenceServer();
    try {
      const name = server.model.createOperation('checks', 'done');
      const encoded = name.replaceAll('/', '%2F');
      const response = await fetch(`${server.baseUrl}/v1alpha/${encoded}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { status: 'NOT_FOUND' } });
    } finally {
      await server.close();
    }
  });

  it('refuses a body over 1 MiB with 400', async () => {
    const server = await startReferenceServer();
    try {
      const name = server.model.createOperation('checks', 'running');
      const response = await fetch(`${server.baseUrl}/v1alpha/${name}:cancel`, {
        method: 'POST',
        body: ' '.repeat(1024 * 1024 + 1),
      });
      expect(response.status).toBe(400);
      expect(server.model.operation(name)).toMatchObject({ done: false });
    } finally {
      await server.close();
    }
  });

  it('rejects a port in use with a HarnessError that says what to do', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const attempt = startReferenceServer({ port });
      await expect(attempt).rejects.toThrow(HarnessError);
      await expect(attempt).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('closes idempotently and stops accepting connections', async () => {
    const server = await startReferenceServer();
    await fetch(server.controlUrl);
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(server.controlUrl)).rejects.toThrow();
  });
});
