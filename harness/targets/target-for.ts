/**
 * The target one test talks to, for one service. The embedded reference is made afresh for
 * every test (its own state, its own clock); a target over HTTP is shared by every test of the
 * run, its operations are not; a handlers module (`msw`) is imported once in the worker that runs
 * the suites and its state is shared the same way.
 */
import { createMockTarget } from './mock-target.ts';
import { loadMswModule, type MswHandlersModule } from './msw-module.ts';
import { createMswTarget, mswFetch } from './msw-target.ts';
import type { FetchLike, Target, TargetConfig } from './target.ts';
import { createUrlTarget } from './url-target.ts';

const shared = new Map<string, Target>();

export async function targetFor(config: TargetConfig, serviceId: string): Promise<Target> {
  if (config.kind === 'mock') return createMockTarget(config);
  if (config.kind === 'msw') {
    const { module, fetch } = await mswSource(config);
    return createMswTarget(module, config.source, serviceId, fetch);
  }
  const key = JSON.stringify(config);
  let target = shared.get(key);
  if (target === undefined) {
    target = createUrlTarget(config);
    shared.set(key, target);
  }
  return target;
}

interface MswSource {
  readonly module: MswHandlersModule;
  readonly fetch: FetchLike;
}

const mswSources = new Map<string, Promise<MswSource>>();

function mswSource(config: Extract<TargetConfig, { kind: 'msw' }>): Promise<MswSource> {
  let source = mswSources.get(config.modulePath);
  if (source === undefined) {
    source = loadMswModule(config.modulePath, config.source).then((module) => ({
      module,
      fetch: mswFetch(module, config.source),
    }));
    mswSources.set(config.modulePath, source);
  }
  return source;
}
