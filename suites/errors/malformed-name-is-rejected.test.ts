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
    "Sends GetOperation and cancel for names that do not fit the service's name template, and for a well-formed name that cannot exist with one `/` sent as `%2F` (an encoded separator, which a server does not decode). A cancel answered 501 counts as the service not supporting cancel (a FAIL if other cancels of the service are accepted in the run). A 404 whose body is no AIP-193 envelope is a rejection too: Google's front ends answer a path no binding routes with an HTML 404 page.",
  meanings: {
    FAIL: 'A malformed name was answered with something other than 400 INVALID_ARGUMENT, 404 NOT_FOUND or a 404 page; a cancel of one was accepted (2xx).',
  },
  derivation:
    'The binding (google/api/http.proto) defines which names reach the method; a name outside it names nothing the method serves, so the request is an invalid argument or finds nothing (AIP-193 error codes). A path that no binding routes never reaches the API, and its front end answers 404 in its own format.',
  expectedError: [
    { httpStatus: 400, status: 'INVALID_ARGUMENT' },
    { httpStatus: 404, status: 'NOT_FOUND' },
  ],
});

conformanceTest(
  clause,
  'GetOperation and cancel of names outside the template, encoded separators included, answer 400 or 404',
  async (t) => {
    const encoded = t.encodedSeparatorNames(await t.nonexistentName(), 'first-and-last');
    const probes = [...t.malformedNames().map((name) => ({ name })), ...encoded];
    for (const { name, ...options } of probes) {
      t.expectNameRejected(await t.client.get(name, options));
      const cancel = await t.requestCancel(name, options);
      if (cancel.kind === 'accepted') {
        t.fail(`a cancel of the malformed name ${name} was accepted (${cancel.result.status})`);
      }
      if (cancel.kind === 'refused') t.expectNameRejected(cancel.result);
    }
  },
);
