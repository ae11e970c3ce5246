/**
 * Shared vitest setup for the interop tests: one reference target per describe block, started in
 * `beforeAll` and closed in `afterAll` (the MSW target must be closed before the next block starts,
 * or it would intercept the loopback target's requests), and a gax client aimed at it.
 */

import { afterAll, beforeAll } from 'vitest';
import { type SeedServiceProfile, seedProfile } from '#specs';
import {
  createGaxOperationsClient,
  type GaxOperationsClient,
} from './gax-rest-operations-client.ts';
import { InteropSetupError } from './interop-error.ts';
import type { InteropTarget, InteropTargetOptions } from './interop-targets.ts';
import { gaxAuthClient } from './test-credentials.ts';

/** Registers the hooks; the returned function gives the started target inside a test. */
export function useInteropTarget<Target extends InteropTarget>(
  start: (options?: InteropTargetOptions) => Promise<Target>,
  options: InteropTargetOptions = {},
): () => Target {
  let target: Target | undefined;
  beforeAll(async () => {
    target = await start(options);
  });
  afterAll(() => target?.close());
  return () => {
    if (target === undefined) {
      throw new InteropSetupError('The interop target is not started: call it inside a test.');
    }
    return target;
  };
}

/** A REST-fallback OperationsClient for the service, aimed at the target, holding `token`. */
export function gaxClientFor(
  target: InteropTarget,
  profile: SeedServiceProfile,
  token?: string,
): GaxOperationsClient {
  return createGaxOperationsClient(profile, {
    endpoint: target.gaxEndpoint(profile),
    authClient: gaxAuthClient(token),
  });
}

/** The profile of a service the interop tests need, or a setup error naming the missing file. */
export function requireProfile(id: string): SeedServiceProfile {
  const profile = seedProfile(id);
  if (profile === undefined) {
    throw new InteropSetupError(
      `No "${id}" profile: specs/services/${id}.openapi.json is missing.`,
    );
  }
  return profile;
}
