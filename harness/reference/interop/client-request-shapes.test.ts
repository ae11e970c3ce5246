/**
 * What the two client libraries put on the wire, recorded by MSW in front of the reference: the
 * shapes LRO-FACTS §5 says a conforming server must accept. google-gax transcodes with the
 * service's HTTP rules: multi-segment names keep literal slashes, GET has no body, and cancel sends
 * `{}` under `body: "*"` but the two-byte JSON string `""` when the rule has no body. The Checks
 * Discovery client sends no cancel body at all unless `requestBody` is given. Every request carries
 * the bearer token. Expected paths come from the harness's own template expander, so gax's
 * transcoding and the harness agree on every binding.
 */

import { checks } from '@googleapis/checks';
import { describe, expect, it } from 'vitest';
import { loadServiceProfiles } from '#specs';
import { pathOf } from '../test-kit.ts';
import { cancelWithGax, gaxRequests } from './gax-rest-operations-client.ts';
import { gaxClientFor, requireProfile, useInteropTarget } from './interop-fixture.ts';
import { type MswInteropTarget, startMswTarget } from './interop-targets.ts';
import { discoveryAuthClient, TEST_ACCESS_TOKEN } from './test-credentials.ts';

const bearer = `Bearer ${TEST_ACCESS_TOKEN}`;

describe('client requests as MSW sees them', () => {
  const mswTarget = useInteropTarget(startMswTarget);

  function started(): MswInteropTarget {
    const target = mswTarget();
    target.wire.clear();
    return target;
  }

  it.for(loadServiceProfiles())(
    'google-gax sends get and cancel as the rules of $id bind them',
    async (profile) => {
      const target = started();
      const name = await target.createOperation(profile.id, 'running');
      const client = gaxClientFor(target, profile);

      await client.getOperation(gaxRequests.get(name));
      await cancelWithGax(client, name);

      expect(await target.wire.entries()).toEqual([
        {
          method: 'GET',
          host: profile.host,
          path: pathOf(profile.get, name),
          body: '',
          authorization: bearer,
        },
        {
          method: 'POST',
          host: profile.host,
          path: pathOf(profile.cancel, name),
          body: profile.cancel.body === '*' ? '{}' : '""',
          authorization: bearer,
        },
      ]);
    },
  );

  it.for([
    { label: 'no body', requestBody: undefined, body: '' },
    { label: 'requestBody {}', requestBody: {}, body: '{}' },
  ] as const)(
    '@googleapis/checks sends a cancel with $label as given',
    async ({ requestBody, body }) => {
      const target = started();
      const profile = requireProfile('checks');
      const name = await target.createOperation(profile.id, 'running');
      const api = checks({ version: 'v1alpha', auth: discoveryAuthClient() });

      await api.accounts.apps.operations.cancel(
        requestBody === undefined ? { name } : { name, requestBody },
      );

      expect(await target.wire.entries()).toEqual([
        {
          method: 'POST',
          host: profile.host,
          path: pathOf(profile.cancel, name),
          body,
          authorization: bearer,
        },
      ]);
    },
  );
});
