/**
 * The run a suite belongs to, handed over by the CLI through vitest's `provide`. A plain
 * `vitest run` (npm test) gets the default: every service against the embedded reference.
 */
import { inject } from 'vitest';
import { serviceIds } from '#specs';
import { DEFAULT_DEADLINE_MS } from '../polling/poll.ts';
import type { TargetConfig } from '../targets/target.ts';

export interface RunConfig {
  readonly target: TargetConfig;
  readonly services: readonly string[];
  /** How long cancellation may take to show through GetOperation. */
  readonly deadlineMs: number;
}

declare module 'vitest' {
  interface ProvidedContext {
    lroRun: RunConfig;
  }
}

export function defaultRunConfig(): RunConfig {
  return {
    target: { kind: 'mock', cancelMode: 'honor', cancelDelayMs: 0 },
    services: serviceIds(),
    deadlineMs: DEFAULT_DEADLINE_MS,
  };
}

export function currentRunConfig(): RunConfig {
  return inject('lroRun') ?? defaultRunConfig();
}
