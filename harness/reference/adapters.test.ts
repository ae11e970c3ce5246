import { describe, expect, it } from 'vitest';
import { loadServiceProfiles, type SeedServiceProfile } from '#specs';
import type { CancelMode } from '../control/vocabulary.ts';
import { CONTROL_PATH } from '../control/vocabulary.ts';
import { validateErrorEnvelope, validateOperation } from '../validators/index.ts';
import { ADAPTER_CASES, type AdapterCase, type Expectation } from './fixtures/adapter-cases.ts';
import { pathOf } from './fixtures/test-kit.ts';
import { createReferenceFetch } from './msw.ts';
import { startReferenceServer } from './reference-server.ts';

/** An adapter under test: a fetch, the base its service paths hang from, and its control URL. */
interface Adapter {
  readonly fetch: (request: Request) => Promise<Response>;
  baseFor(profile: SeedServiceProfile): string;
  readonly controlFor: (profile: SeedServiceProfile) => string;
  close(): Promise<void>;
}

const MSW_BASE = 'http://reference.lro-conformance.test/base';

const ADAPTERS: Record<string, (cancelMode: CancelMode) => Promise<Adapter>> = {
  'msw at a base URL': async (cancelMode) => ({
    fetch: createReferenceFetch({ baseUrl: MSW_BASE, cancelMode }),
    baseFor: () => MSW_BASE,
    controlFor: () => `${MSW_BASE}${CONTROL_PATH}`,
    close: async () => {},
  }),
  'msw at the real origins': async (cancelMode) => ({
    fetch: createReferenceFetch({ cancelMode }),
    baseFor: (profile) => `https://${profile.host}`,
    controlFor: (profile) => `https://${profile.host}${CONTROL_PATH}`,
    close: async () => {},
  }),
  'node:http server': async (cancelMode) => {
    const server = await startReferenceServer({ cancelMode });
    return {
      fetch: (request) => fetch(request),
      baseFor: () => server.baseUrl,
      controlFor: () => server.controlUrl,
      close: () => server.close(),
    };
  },
};

async function check(response: Response, expected: Expectation, what: string): Promise<unknown> {
  const text = await response.text();
  expect(response.status, `${what}: ${text}`).toBe(expected.status);
  expect(response.headers.get('content-type'), what).toMatch(/^application\/json/);
  expect(text.length, `${what} has a body`).toBeGreaterThan(0);
  const body: unknown = JSON.parse(text);
  if (expected.body !== undefined) expect(body, what).toMatchObject(expected.body as object);
  for (const key of expected.absent ?? []) expect(body, what).not.toHaveProperty(key);
  if (expected.status >= 400)
    expect(validateErrorEnvelope(body, expected.status), what).toEqual([]);
  return body;
}

async function run(
  adapter: Adapter,
  profile: SeedServiceProfile,
  scenario: AdapterCase,
): Promise<void> {
  const names = new Map<string, string>();
  for (const [index, step] of scenario.steps.entries()) {
    const what = `step ${index + 1}`;
    if ('create' in step) {
      const response = await adapter.fetch(
        new Request(`${adapter.controlFor(profile)}/operations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ service: profile.id, scenario: step.create }),
        }),
      );
      const body = (await check(response, { status: 201 }, what)) as { name: string };
      names.set(step.as, body.name);
    } else if ('call' in step) {
      const known = names.get(step.op) as string;
      const name = step.missing === true ? known.replace(/[^/]+$/, 'never-created') : known;
      const method = step.call === 'cancel' ? profile.cancel : profile.get;
      const init: RequestInit = { method: method.httpMethod };
      if (step.body !== undefined) init.body = step.body;
      const response = await adapter.fetch(
        new Request(`${adapter.baseFor(profile)}${pathOf(method, name)}`, init),
      );
      const body = await check(response, step.expect, `${what} (${step.call} ${name})`);
      if (step.call === 'get' && step.expect.status === 200)
        expect(validateOperation(body)).toEqual([]);
    } else {
      const base =
        step.raw.control === true ? adapter.controlFor(profile) : adapter.baseFor(profile);
      const init: RequestInit = { method: step.raw.method };
      if (step.raw.body !== undefined) init.body = step.raw.body;
      await check(
        await adapter.fetch(new Request(`${base}${step.raw.path}`, init)),
        step.expect,
        what,
      );
    }
  }
}

const cases = Object.keys(ADAPTERS).flatMap((adapter) =>
  loadServiceProfiles().flatMap((profile) =>
    ADAPTER_CASES.map((scenario) => ({
      adapter,
      service: profile.id,
      profile,
      scenario,
      title: scenario.title,
    })),
  ),
);

describe('reference adapters answer the scenario table alike', () => {
  it.each(cases)('$adapter, $service: $title', async ({ adapter: kind, profile, scenario }) => {
    const make = ADAPTERS[kind] as (typeof ADAPTERS)[string];
    const adapter = await make(scenario.cancelMode ?? 'honor');
    try {
      await run(adapter, profile, scenario);
    } finally {
      await adapter.close();
    }
  });
});
