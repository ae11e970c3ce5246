/**
 * The msw target in-process: what a handlers module must export (msw-module.ts), and how its
 * handlers and control hook become a Target whose failures are ERROR, never FAIL (msw-target.ts).
 */
import { fileURLToPath } from 'node:url';
import { HttpResponse, http, passthrough } from 'msw';
import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { loadMswModule, type MswHandlersModule } from './msw-module.ts';
import { createMswTarget } from './msw-target.ts';

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));

function moduleOf(overrides: Partial<MswHandlersModule> = {}): MswHandlersModule {
  return {
    handlers: [
      http.get('https://checks.googleapis.com/v1alpha/*', () => HttpResponse.json({ done: false })),
      http.post('https://checks.googleapis.com/v1alpha/boom', () => {
        throw new Error('handler bug');
      }),
      http.get('https://checks.googleapis.com/elsewhere', () => passthrough()),
      // A body that never ends: once, a run against such a handler held 6 GB after 5 s.
      http.get(
        'https://checks.googleapis.com/endless',
        () =>
          new HttpResponse(
            new ReadableStream({
              pull: (controller) => controller.enqueue(new Uint8Array(64 * 1024).fill(0x20)),
            }),
            { headers: { 'content-type': 'application/json' } },
          ),
      ),
    ],
    createOperation: async () => 'accounts/a/apps/b/operations/c',
    services: undefined,
    baseUrlOf: (service) => `https://${service}.googleapis.com`,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createMswTarget', () => {
  it('reads no more of an answer than the run reads: a body that never ends is ERROR', async () => {
    const target = createMswTarget(moduleOf(), 'mocks.ts', 'checks');
    const error = await rejection(
      target.fetch(new Request('https://checks.googleapis.com/endless')),
    );
    expect(isLroError(error) && error.code).toBe('ANSWER_TOO_LARGE');
  });

  it('answers through the handlers, at the base URL the module gives the service', async () => {
    const target = createMswTarget(moduleOf(), 'mocks.ts', 'checks');
    expect(target.baseUrl).toBe('https://checks.googleapis.com');
    expect(target.info).toEqual({ kind: 'msw', source: 'mocks.ts' });
    const response = await target.fetch(
      new Request('https://checks.googleapis.com/v1alpha/accounts/a'),
    );
    expect(await response.json()).toEqual({ done: false });
  });

  it.each([
    [
      'no handler matches',
      'https://checks.googleapis.com/v2/x',
      /^no handler of mocks\.ts answered GET https:\/\/checks\.googleapis\.com\/v2\/x: add one/,
    ],
    [
      'the handler passes the request through',
      'https://checks.googleapis.com/elsewhere',
      /^no handler of mocks\.ts answered GET/,
    ],
  ])('is a HarnessError when %s', async (_, url, message) => {
    const target = createMswTarget(moduleOf(), 'mocks.ts', 'checks');
    const error = await rejection(target.fetch(new Request(url)));
    expect(isLroError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it('is a HarnessError naming the request when a handler throws', async () => {
    const target = createMswTarget(moduleOf(), 'mocks.ts', 'checks');
    const error = await rejection(
      target.fetch(new Request('https://checks.googleapis.com/v1alpha/boom', { method: 'POST' })),
    );
    expect(isLroError(error)).toBe(true);
    expect((error as Error).message).toBe(
      'a handler of mocks.ts threw on POST https://checks.googleapis.com/v1alpha/boom: handler bug',
    );
  });

  it('makes operations through the control hook, sync or async', async () => {
    const calls: string[] = [];
    const target = createMswTarget(
      moduleOf({
        createOperation: async (service, scenario) => {
          calls.push(`${service} ${scenario}`);
          return 'accounts/a/apps/b/operations/1';
        },
      }),
      'mocks.ts',
      'checks',
    );
    const name = await target.control?.createOperation('checks', 'failed', target.fetch);
    expect(name).toBe('accounts/a/apps/b/operations/1');
    expect(calls).toEqual(['checks failed']);
  });

  it.each([
    [
      'throws',
      async () => {
        throw new Error('no such scenario here');
      },
      'createOperation("checks", "running") of mocks.ts threw: no such scenario here',
    ],
    [
      'returns no name',
      async () => 42,
      'createOperation("checks", "running") of mocks.ts returned 42, not an operation name',
    ],
    [
      'returns an empty name',
      async () => '',
      'createOperation("checks", "running") of mocks.ts returned "", not an operation name',
    ],
  ])('is a HarnessError when the control hook %s', async (_, hook, message) => {
    const target = createMswTarget(moduleOf({ createOperation: hook }), 'mocks.ts', 'checks');
    const error = await rejection(
      target.control?.createOperation('checks', 'running', target.fetch) ?? Promise.resolve(),
    );
    expect(isLroError(error)).toBe(true);
    expect((error as Error).message).toBe(message);
  });
});

describe('loadMswModule', () => {
  it('reads the default export, per-service base URLs and the declared services', async () => {
    const module = await loadMswModule(fixture('msw-module/default-export.js'), 'default.js');
    expect(module.services).toEqual(['dai']);
    expect(module.baseUrlOf('dai')).toBe('http://mocks.test/dai');
    // A service without a base URL of its own is reached at its real origin.
    expect(module.baseUrlOf('datafusion')).toBe('https://datafusion.googleapis.com');
    expect(await module.createOperation('dai', 'running')).toBe('operations/from-default');
    const target = createMswTarget(module, 'default.js', 'dai');
    const response = await target.fetch(new Request(`${target.baseUrl}/v1/operations/7`));
    expect(await response.json()).toEqual({ name: 'operations/7', done: false });
  });

  it('defaults every service to its real origin, https://<host> from its service document', async () => {
    const module = await loadMswModule(
      fixture('independent-msw/handlers.ts'),
      'independent-msw/handlers.ts',
    );
    expect(module.baseUrlOf('checks')).toBe('https://checks.googleapis.com');
    expect(module.services).toEqual(['checks', 'datafusion']);
  });

  it.each([
    [
      'msw-module/bad-base-url.js',
      /baseUrl must be an absolute http\(s\) URL, not "ftp:\/\/mocks\.test"$/,
    ],
    ['msw-module/unknown-service.js', /services names unknown service "storage" \(known: /],
    ['bad-msw/no-hook.js', /exports no createOperation\(service, scenario\) function/],
  ])(
    'refuses %s with an INVALID_FILE error (an ERROR cell in the worker)',
    async (path, message) => {
      const error = await rejection(loadMswModule(fixture(path), path));
      expect(isLroError(error) && error.code).toBe('INVALID_FILE');
      expect(isLroError(error)).toBe(true);
      expect((error as Error).message).toMatch(new RegExp(`^--target msw:${path}: `));
      expect((error as Error).message).toMatch(message);
    },
  );
});
