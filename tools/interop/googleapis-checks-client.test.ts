/**
 * The googleapis Discovery client for Checks (`@googleapis/checks`, generated from the Discovery
 * document in specs/discovery/) against the reference over both targets. It sends
 * `POST {rootUrl}v1alpha/{+name}:cancel` with literal slashes and no body unless `requestBody` is
 * given (https://github.com/googleapis/nodejs-googleapis-common/blob/main/src/apirequest.ts); the
 * reference answers both with 200 `{}` and the next get shows the operation CANCELLED ("it becomes
 * an operation with an Operation.error value with a google.rpc.Status.code of 1":
 * specs/seeds/003_0d45fe534da2664f.txt, the Checks operations.cancel page). Checks is one of the
 * two services (with Data Fusion) that have a Node Discovery client, and the only one with a
 * package of its own.
 */

import { checks } from '@googleapis/checks';
import { describe, expect, it } from 'vitest';
import { requireProfile, useInteropTarget } from './interop-fixture.ts';
import { INTEROP_TARGETS } from './interop-targets.ts';
import { discoveryAuthClient } from './test-credentials.ts';

const profile = requireProfile('checks');
const cancelBodies = [
  { label: 'no body', requestBody: undefined },
  { label: 'requestBody {}', requestBody: {} },
] as const;

describe.each(INTEROP_TARGETS)('@googleapis/checks against the $kind reference', ({ start }) => {
  const target = useInteropTarget(start);

  function setUp() {
    const rootUrl = target().discoveryRootUrl(profile);
    const api = checks({ version: 'v1alpha', auth: discoveryAuthClient(), rootUrl });
    return { operations: api.accounts.apps.operations, target: target() };
  }

  it('gets a running operation', async () => {
    const { operations, target } = setUp();
    const name = await target.createOperation(profile.id, 'running');

    const response = await operations.get({ name });

    expect(response.status).toBe(200);
    expect(response.data).toMatchObject({ name, done: false });
  });

  it.for(cancelBodies)('answers a cancel with $label with 200 and {}', async ({ requestBody }) => {
    const { operations, target } = setUp();
    const name = await target.createOperation(profile.id, 'running');

    const response = await operations.cancel(
      requestBody === undefined ? { name } : { name, requestBody },
    );

    expect(response.status).toBe(200);
    expect(response.data).toEqual({});
  });

  it('gets a cancelled operation with error code 1 after cancel', async () => {
    const { operations, target } = setUp();
    const name = await target.createOperation(profile.id, 'running');
    await operations.cancel({ name });

    const response = await operations.get({ name });

    expect(response.data).toMatchObject({ name, done: true, error: { code: 1 } });
  });
});
