/**
 * A bounded load test of the real server on loopback: 200 concurrent clients each create, cancel
 * and get operations of mixed scenarios and services. It proves that no operation is lost and that
 * each ends in exactly one terminal state under concurrency; it asserts nothing about timing (the
 * requests-per-second figure comes from tools/bench/server-throughput.ts, `npm run bench`).
 */

import { describe, expect, it } from 'vitest';
import { ManualClock } from '#base';
import { loadServiceProfiles } from '#specs';
import { SCENARIOS, type Scenario } from '../control/vocabulary.ts';
import { pathOf } from './fixtures/test-kit.ts';
import { startReferenceServer } from './reference-server.ts';

const CLIENTS = 200;
const OPERATIONS_PER_CLIENT = 5;
const DELAY = 1_000;
const PROFILES = loadServiceProfiles();

const TERMINAL: Record<Scenario, 'cancelled' | 'response' | 'error'> = {
  running: 'cancelled',
  'completes-despite-cancel': 'response',
  done: 'response',
  failed: 'error',
};

interface Created {
  readonly name: string;
  readonly scenario: Scenario;
  readonly service: string;
}

function terminalState(body: {
  done?: boolean;
  error?: { code: number };
  response?: unknown;
}): string {
  const states = [
    body.error?.code === 1 && body.response === undefined ? 'cancelled' : undefined,
    body.response !== undefined && body.error === undefined ? 'response' : undefined,
    body.error !== undefined && body.error.code !== 1 && body.response === undefined
      ? 'error'
      : undefined,
  ].filter((state) => state !== undefined);
  return body.done === true && states.length === 1
    ? (states[0] as string)
    : `not terminal: ${JSON.stringify(body)}`;
}

describe('reference server under concurrent clients', () => {
  it(`keeps every operation of ${CLIENTS} concurrent clients, each in exactly one terminal state`, async () => {
    const clock = new ManualClock();
    const server = await startReferenceServer({ clock, cancelDelayMs: DELAY });
    const profileOf = (id: string) => PROFILES.find((profile) => profile.id === id) ?? PROFILES[0];
    const call = async (method: string, url: string, body?: string) => {
      const response = await fetch(url, body === undefined ? { method } : { method, body });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    try {
      const client = async (id: number): Promise<Created[]> => {
        const created: Created[] = [];
        for (let i = 0; i < OPERATIONS_PER_CLIENT; i += 1) {
          const scenario = SCENARIOS[(id + i) % SCENARIOS.length] as Scenario;
          const profile = PROFILES[(id * OPERATIONS_PER_CLIENT + i) % PROFILES.length];
          if (profile === undefined) throw new Error('no profiles');
          const made = await call(
            'POST',
            `${server.controlUrl}/operations`,
            JSON.stringify({ service: profile.id, scenario }),
          );
          expect(made.status).toBe(201);
          const name = String(made.body.name);
          const cancel = await call(
            'POST',
            `${server.baseUrl}${pathOf(profile.cancel, name)}`,
            i % 2 === 0 ? '{}' : undefined,
          );
          expect(cancel).toEqual({ status: 200, body: {} });
          expect((await call('GET', `${server.baseUrl}${pathOf(profile.get, name)}`)).status).toBe(
            200,
          );
          created.push({ name, scenario, service: profile.id });
        }
        return created;
      };
      const created = (
        await Promise.all(Array.from({ length: CLIENTS }, (_, id) => client(id)))
      ).flat();

      expect(new Set(created.map((operation) => operation.name)).size).toBe(
        CLIENTS * OPERATIONS_PER_CLIENT,
      );
      expect(server.model.operationCount).toBe(CLIENTS * OPERATIONS_PER_CLIENT);

      clock.advance(DELAY);
      const finals = await Promise.all(
        created.map(async (operation) => {
          const profile = profileOf(operation.service);
          if (profile === undefined) throw new Error(`no profile ${operation.service}`);
          const got = await call('GET', `${server.baseUrl}${pathOf(profile.get, operation.name)}`);
          return {
            operation,
            status: got.status,
            state: terminalState(got.body as Parameters<typeof terminalState>[0]),
          };
        }),
      );
      const wrong = finals.filter(
        ({ operation, status, state }) => status !== 200 || state !== TERMINAL[operation.scenario],
      );
      expect(wrong).toEqual([]);
    } finally {
      await server.close();
    }
    // 3 000 requests take about 4 s on an idle 2-core machine, past vitest's default 5 s when the
    // rest of the suite runs beside it: the bound is for a hung server, not a speed target.
  }, 60_000);
});
