/**
 * The reference's AIP-193 error envelopes as google-gax reads them: gax turns a REST error into a
 * GoogleError whose `code` is the google.rpc.Code of the envelope's `status` (the envelope:
 * https://google.aip.dev/193; the codes:
 * https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto; gax's reading:
 * `GoogleError.parseHttpError` in
 * https://github.com/googleapis/gax-nodejs/blob/main/gax/src/googleError.ts).
 * A get of a well-formed name that does not exist is NOT_FOUND (5), a call with a token the
 * reference does not know is UNAUTHENTICATED (16), and a cancel where the service does not
 * support it is UNIMPLEMENTED (12, seed clause "returns google.rpc.Code.UNIMPLEMENTED").
 */

import { GoogleError, Status } from 'google-gax';
import { describe, expect, it } from 'vitest';
import { loadServiceProfiles } from '#specs';
import { cancelWithGax, gaxRequests } from './gax-rest-operations-client.ts';
import { gaxClientFor, useInteropTarget } from './interop-fixture.ts';
import { INTEROP_TARGETS } from './interop-targets.ts';

const profiles = loadServiceProfiles();

describe.each(INTEROP_TARGETS)('google-gax errors from the $kind reference', ({ start }) => {
  const target = useInteropTarget(start, { cancelMode: 'unimplemented' });

  it.for(profiles)(
    'rejects a get of an unknown operation with NOT_FOUND on $id',
    async (profile) => {
      // Same template, last segment changed: well formed, never created.
      const name = `${await target().createOperation(profile.id, 'running')}-unknown`;

      const settled = gaxClientFor(target(), profile).getOperation(gaxRequests.get(name));

      await expect(settled).rejects.toBeInstanceOf(GoogleError);
      await expect(settled).rejects.toMatchObject({ code: Status.NOT_FOUND });
    },
  );

  it.for(profiles)(
    'rejects a get with an unknown token as UNAUTHENTICATED on $id',
    async (profile) => {
      const name = await target().createOperation(profile.id, 'running');

      const client = gaxClientFor(target(), profile, 'a-token-the-reference-never-issued');

      await expect(client.getOperation(gaxRequests.get(name))).rejects.toMatchObject({
        code: Status.UNAUTHENTICATED,
      });
    },
  );

  it.for(profiles)(
    'rejects a cancel the service does not support as UNIMPLEMENTED on $id',
    async (profile) => {
      const name = await target().createOperation(profile.id, 'running');

      await expect(cancelWithGax(gaxClientFor(target(), profile), name)).rejects.toMatchObject({
        code: Status.UNIMPLEMENTED,
      });
    },
  );
});
