import { describe, expect, it } from 'vitest';
import { serviceIds } from '#specs';
import { currentRunConfig } from '../clause/current-run-config.ts';
import { DEFAULT_DEADLINE_MS, defaultRunConfig, EMBEDDED_SETTLE_MS } from './run-config.ts';

describe('run config', () => {
  it('defaults to every service against the embedded reference, honoring cancel at once', () => {
    expect(defaultRunConfig()).toEqual({
      target: { kind: 'embedded', cancelMode: 'honor', cancelDelayMs: 0 },
      services: serviceIds(),
      deadlineMs: DEFAULT_DEADLINE_MS,
      settleMs: EMBEDDED_SETTLE_MS,
      capabilities: { control: true, operations: {}, cancellable: {} },
      parents: {},
    });
    expect(defaultRunConfig().services).toHaveLength(5);
  });

  it('gives the default to a plain vitest run, where the CLI provided nothing', () => {
    expect(currentRunConfig()).toEqual(defaultRunConfig());
  });

  it('hands out a fresh object each time', () => {
    expect(defaultRunConfig()).not.toBe(defaultRunConfig());
  });
});
