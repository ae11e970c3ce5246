/**
 * google-gax's REST-fallback OperationsClient, the one every generated Node client builds with
 * `fallback: true`, against the reference over both targets and for every service: get, cancel
 * (which gax resolves only for a JSON body: `decodeResponse` in
 * https://github.com/googleapis/gax-nodejs/blob/main/gax/src/fallbackRest.ts) and the CANCELLED
 * operation the next get shows (error.code 1, as every service's operations.cancel page says:
 * specs/seeds/).
 */

import { describe, expect, it } from 'vitest';
import { loadServiceProfiles } from '#specs';
import { cancelWithGax, gaxRequests } from './gax-rest-operations-client.ts';
import { gaxClientFor, useInteropTarget } from './interop-fixture.ts';
import { INTEROP_TARGETS } from './interop-targets.ts';

const profiles = loadServiceProfiles();

describe.each(INTEROP_TARGETS)(
  'google-gax OperationsClient against the $kind reference',
  ({ start }) => {
    const target = useInteropTarget(start);

    it.for(profiles)('gets a running operation on $id', async (profile) => {
      const name = await target().createOperation(profile.id, 'running');

      const [operation] = await gaxClientFor(target(), profile).getOperation(gaxRequests.get(name));

      expect(operation).toMatchObject({ name, done: false });
      expect(operation.result).toBeUndefined();
    });

    it.for(profiles)('resolves a cancel to the empty message on $id', async (profile) => {
      const name = await target().createOperation(profile.id, 'running');

      const response = await cancelWithGax(gaxClientFor(target(), profile), name);

      expect(response).toEqual({});
    });

    it.for(profiles)(
      'gets the operation with error code 1 after cancel on $id',
      async (profile) => {
        const client = gaxClientFor(target(), profile);
        const name = await target().createOperation(profile.id, 'running');
        await cancelWithGax(client, name);

        const [operation] = await client.getOperation(gaxRequests.get(name));

        expect(operation).toMatchObject({ name, done: true, result: 'error', error: { code: 1 } });
      },
    );
  },
);
