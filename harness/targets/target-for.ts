/**
 * The target one test talks to, for one service. The embedded reference is made afresh for
 * every test (its own state, its own clock); a target over HTTP is shared by every test of the
 * run, its operations are not.
 */
import { createMockTarget } from './mock-target.ts';
import type { Target, TargetConfig } from './target.ts';
import { createUrlTarget } from './url-target.ts';

const shared = new Map<string, Target>();

export async function targetFor(config: TargetConfig, _serviceId: string): Promise<Target> {
  if (config.kind === 'mock') return createMockTarget(config);
  const key = JSON.stringify(config);
  let target = shared.get(key);
  if (target === undefined) {
    target = createUrlTarget(config);
    shared.set(key, target);
  }
  return target;
}
