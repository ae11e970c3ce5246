/**
 * The run a suite belongs to, read inside the suites' worker with vitest's `inject`
 * (run-config.ts describes it; the CLI hands it over through `provide`).
 */
import { inject } from 'vitest';
import { defaultRunConfig, type RunConfig } from '../plan/index.ts';

export function currentRunConfig(): RunConfig {
  return inject('lroRun') ?? defaultRunConfig();
}
