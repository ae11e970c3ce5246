/**
 * What the two client libraries put on the wire, recorded by MSW in front of the reference: the
 * shapes a conforming server must accept. google-gax transcodes with the service's HTTP rules
 * (https://github.com/googleapis/googleapis/blob/master/google/api/http.proto): multi-segment
 * names keep literal slashes, GET has no body, and cancel sends `{}` under `body: "*"` but the
 * two-byte JSON string `""` when the rule has no body, always as `application/json`
 * (`encodeRequest` in https://github.com/googleapis/gax-nodejs/blob/main/gax/src/fallbackRest.ts).
 * The Checks Discovery client sends no cancel body and no Content-Type unless `requestBody` is
 * given (https://github.com/googleapis/nodejs-googleapis-common/blob/main/src/apirequest.ts).
 * Every request carries the bearer token. Expected paths come from the harness's own template
 * expander, so gax's transcoding and the harness agree on every binding.
 */

import { checks } from '@googleapis/checks';
import { describe, expect, it } from 'vitest';
import { loadServiceProfiles } from '#specs';
import { pathOf } from '../../harness/reference/fixtures/test-kit.ts';
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
          contentType: 'application/json',
          authorization: bearer,
        },
        {
          method: 'POST',
          host: profile.host,
          path: pathOf(profile.cancel, name),
          body: profile.cancel.body === '*' ? '{}' : '""',
          contentType: 'application/json',
          authorization: bearer,
        },
      ]);
    },
  );

  it.for([
    { label: 'no body', requestBody: undefined, body: '', contentType: null },
    { label: 'requestBody {}', requestBody: {}, body: '{}', contentType: 'application/json' },
  ] as const)(
    '@googleapis/checks sends a cancel with $label as given',
    async ({ requestBody, body, contentType }) => {
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
          contentType,
          authorization: bearer,
        },
      ]);
    },
  );
});
