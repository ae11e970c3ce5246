/**
 * The target one test talks to, for one service. The embedded reference is made afresh for
 * every test (its own state, its own clock); a target over HTTP is shared by every test of the
 * run, its operations are not. Targets that send credentials get them per service: the scopes
 * differ. A handlers module (`msw`) is imported once in the worker that runs the suites and its
 * state is shared the same way.
 */

import type { RetryingFetch } from '../http/index.ts';
import { authorizerFor, createAdcCache } from '../http/index.ts';
import type { TargetConfig } from '../plan/index.ts';
import { createEmbeddedTarget } from './embedded-target.ts';
import { createLiveRun, type LiveRun } from './live-target.ts';
import { loadMswModule, type MswHandlersModule } from './msw-module.ts';
import { createMswTarget, mswFetch } from './msw-target.ts';
import { createReplayRun, type ReplayRun } from './replay-target.ts';
import type { Target } from './target.ts';
import { createUrlTarget } from './url-target.ts';

const urlTargets = new Map<string, Target>();
/** A run is one process: URL targets share their ADC clients for the whole of it. */
const urlAdc = createAdcCache();
const liveRuns = new Map<string, LiveRun>();
const replayRuns = new Map<string, Promise<ReplayRun>>();
const mswSources = new Map<string, Promise<MswSource>>();

export async function targetFor(config: TargetConfig, serviceId: string): Promise<Target> {
  switch (config.kind) {
    case 'embedded':
      return createEmbeddedTarget(config, serviceId);
    case 'url':
      return urlTargetFor(config, serviceId);
    case 'live':
      return once(liveRuns, config, () => createLiveRun(config)).targetFor(serviceId);
    case 'replay':
      return (await once(replayRuns, config, () => createReplayRun(config))).targetFor(serviceId);
    case 'msw': {
      const { module, fetch } = await once(mswSources, config, () => mswSource(config));
      return createMswTarget(module, config.source, serviceId, fetch);
    }
  }
}

function urlTargetFor(config: Extract<TargetConfig, { kind: 'url' }>, serviceId: string): Target {
  const key = `${JSON.stringify(config)} ${serviceId}`;
  let target = urlTargets.get(key);
  if (target === undefined) {
    const shared = once(urlTargets, config, () => createUrlTarget(config));
    const authorize = authorizerFor(config.auth, serviceId, urlAdc);
    target = authorize === undefined ? shared : { ...shared, authorize };
    urlTargets.set(key, target);
  }
  return target;
}

interface MswSource {
  readonly module: MswHandlersModule;
  readonly fetch: RetryingFetch;
}

async function mswSource(config: Extract<TargetConfig, { kind: 'msw' }>): Promise<MswSource> {
  const module = await loadMswModule(config.modulePath, config.source);
  return { module, fetch: mswFetch(module, config.source, config.maxAnswerBytes) };
}

function once<T>(cache: Map<string, T>, config: TargetConfig, make: () => T): T {
  const key = JSON.stringify(config);
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}
