/**
 * google-gax's `Operation` (what a generated client's LRO methods return) over the reference:
 * after `cancel()`, `promise()` polls GetOperation and rejects with a GoogleError whose `code` is
 * the operation's `error.code`, 1 (CANCELLED); an operation that completes despite the cancel
 * resolves instead (the seeds' "completed despite cancellation"; gax's `Operation`:
 * https://github.com/googleapis/gax-nodejs/blob/main/client-libraries.md#long-running-operations).
 * Every service, both targets; the reference's cancel delay is 0, so the first poll already sees
 * the outcome and no backoff timer runs.
 */

import { GoogleError } from 'google-gax';
import { describe, expect, it } from 'vitest';
import { loadServiceProfiles } from '#specs';
import { checkOperationProgress } from './gax-long-running.ts';
import { gaxClientFor, useInteropTarget } from './interop-fixture.ts';
import { INTEROP_TARGETS } from './interop-targets.ts';

const profiles = loadServiceProfiles();

describe.each(INTEROP_TARGETS)(
  'google-gax LROperation against the $kind reference',
  ({ start }) => {
    const target = useInteropTarget(start);

    it.for(profiles)(
      'rejects the promise of a cancelled operation with code 1 on $id',
      async (profile) => {
        const name = await target().createOperation(profile.id, 'running');
        const operation = await checkOperationProgress(gaxClientFor(target(), profile), name);

        await operation.cancel();

        const settled = operation.promise();
        await expect(settled).rejects.toBeInstanceOf(GoogleError);
        await expect(settled).rejects.toMatchObject({ code: 1 });
      },
    );

    it.for(profiles)(
      'resolves the promise of an operation completing despite cancel on $id',
      async (profile) => {
        const name = await target().createOperation(profile.id, 'completes-despite-cancel');
        const operation = await checkOperationProgress(gaxClientFor(target(), profile), name);

        await operation.cancel();

        // [decoded response, decoded metadata, the raw Operation]
        expect(await operation.promise()).toEqual([
          expect.anything(),
          expect.anything(),
          expect.objectContaining({ name, done: true, result: 'response' }),
        ]);
      },
    );
  },
);
