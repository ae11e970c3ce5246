import { afterEach, describe, expect, it, vi } from 'vitest';
import { HarnessError, isLroError, ManualClock } from '#base';
import { serviceIds } from '#specs';
import type { Scenario } from '../control/vocabulary.ts';
import { CONTROL_PATH } from '../control/vocabulary.ts';
import { createEmbeddedTarget, EMBEDDED_BASE_URL } from './embedded-target.ts';
import type { Target } from './target.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const CONTROL_URL = `${EMBEDDED_BASE_URL}${CONTROL_PATH}`;

async function create(
  target: Target,
  service = 'dai',
  scenario: Scenario = 'running',
): Promise<string> {
  if (target.control === undefined) throw new Error('the embedded reference lost its control hook');
  return target.control.createOperation(service, scenario, target.fetch);
}

describe('createEmbeddedTarget', () => {
  it('answers control, cancel and get in-process, never through the global fetch', async () => {
    const globalFetch = vi.spyOn(globalThis, 'fetch');
    const target = createEmbeddedTarget({
      kind: 'embedded',
      cancelMode: 'honor',
      cancelDelayMs: 0,
    });
    expect(new URL(target.baseUrl).hostname.endsWith('.invalid')).toBe(true);

    const control = await target.fetch(new Request(CONTROL_URL));
    expect(control.status).toBe(200);
    expect(((await control.json()) as { services: string[] }).services).toEqual(serviceIds());

    const name = await create(target);
    const cancel = await target.fetch(
      new Request(`${target.baseUrl}/v1/${name}:cancel`, { method: 'POST' }),
    );
    expect(cancel.status).toBe(200);
    expect(await cancel.text()).toBe('{}');
    const get = await target.fetch(new Request(`${target.baseUrl}/v1/${name}`));
    expect(await get.json()).toMatchObject({ name, done: true, error: { code: 1 } });
    expect(globalFetch).not.toHaveBeenCalled();
  });

  it('uses the well-known base and control URLs, a ManualClock and reports its configuration', () => {
    const target = createEmbeddedTarget({
      kind: 'embedded',
      cancelMode: 'completes-despite-cancel',
      cancelDelayMs: 250,
    });
    expect(target.baseUrl).toBe(EMBEDDED_BASE_URL);
    expect(target.control).toBeDefined();
    expect(target.clock).toBeInstanceOf(ManualClock);
    expect(target.info).toEqual({
      kind: 'embedded',
      reference: { cancelMode: 'completes-despite-cancel', cancelDelayMs: 250 },
    });
  });

  it('answers 501 to cancel in unimplemented mode', async () => {
    const target = createEmbeddedTarget({
      kind: 'embedded',
      cancelMode: 'unimplemented',
      cancelDelayMs: 0,
    });
    const name = await create(target);
    const cancel = await target.fetch(
      new Request(`${target.baseUrl}/v1/${name}:cancel`, { method: 'POST' }),
    );
    expect(cancel.status).toBe(501);
  });

  it('gives each target its own operations', async () => {
    const first = createEmbeddedTarget({ kind: 'embedded', cancelMode: 'honor', cancelDelayMs: 0 });
    const second = createEmbeddedTarget({
      kind: 'embedded',
      cancelMode: 'honor',
      cancelDelayMs: 0,
    });
    const name = await create(first);
    expect((await first.fetch(new Request(`${EMBEDDED_BASE_URL}/v1/${name}`))).status).toBe(200);
    expect((await second.fetch(new Request(`${EMBEDDED_BASE_URL}/v1/${name}`))).status).toBe(404);
  });

  it('swaps in a known fault, with the cancel mode the fault needs', async () => {
    const target = createEmbeddedTarget({
      kind: 'embedded',
      cancelMode: 'honor',
      cancelDelayMs: 0,
      fault: 'unimplemented-answers-500',
    });
    expect(target.info.reference?.cancelMode).toBe('unimplemented');
    const name = await create(target);
    const cancel = await target.fetch(
      new Request(`${target.baseUrl}/v1/${name}:cancel`, { method: 'POST' }),
    );
    expect(cancel.status).toBe(500);
  });

  it('throws a HarnessError naming an unknown fault', () => {
    let error: unknown;
    try {
      createEmbeddedTarget({
        kind: 'embedded',
        cancelMode: 'honor',
        cancelDelayMs: 0,
        fault: 'no-such-fault',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HarnessError);
    expect(isLroError(error)).toBe(true);
    expect((error as Error).message).toBe('unknown reference fault "no-such-fault"');
  });
});
