import { conformanceTest, defineClause, protoSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'A name that does not fit the binding is rejected with INVALID_ARGUMENT or NOT_FOUND',
  strength: 'SHOULD',
  quote:
    'The syntax `*` matches a single URL path segment. The syntax `**` matches zero or more URL path segments, which must be the last part of the URL path except the `Verb`.',
  sources: [protoSource('google/api/http.proto')],
  services: 'all',
  requires: 'nothing',
  calls: ['get', 'cancel'],
  method:
    "Sends GetOperation and cancel for names that do not fit the service's name template. A cancel answered 501 counts as the service not supporting cancel (a FAIL if other cancels of the service are accepted in the run).",
  meanings: {
    FAIL: 'A malformed name was answered with something other than 400 INVALID_ARGUMENT or 404 NOT_FOUND; a cancel of one was accepted (2xx).',
  },
  derivation:
    'The binding (google/api/http.proto) defines which names reach the method; a name outside it names nothing the method serves, so the request is an invalid argument or finds nothing (AIP-193 error codes).',
  expectedError: [
    { httpStatus: 400, status: 'INVALID_ARGUMENT' },
    { httpStatus: 404, status: 'NOT_FOUND' },
  ],
});

conformanceTest(
  clause,
  'GetOperation and cancel of names outside the template answer 400 or 404',
  async (t) => {
    for (const name of t.malformedNames()) {
      t.expectDeclaredError(await t.client.get(name));
      const cancel = await t.requestCancel(name);
      if (cancel.kind === 'accepted') {
        t.fail(`a cancel of the malformed name ${name} was accepted (${cancel.result.status})`);
      }
      if (cancel.kind === 'refused') t.expectDeclaredError(cancel.result);
    }
  },
);
