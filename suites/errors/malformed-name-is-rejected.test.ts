import { conformanceTest, defineClause, protoSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'A name that does not fit the binding is rejected with INVALID_ARGUMENT or NOT_FOUND',
  strength: 'SHOULD',
  quote:
    'The syntax `*` matches a single URL path segment. The syntax `**` matches zero or more URL path segments, which must be the last part of the URL path except the `Verb`.',
  sources: [protoSource('google/api/http.proto')],
  services: 'all',
  requires: 'nothing',
  method: "Sends GetOperation for names that do not fit the service's name template.",
  meanings: {
    FAIL: 'A malformed name was answered with something other than 400 INVALID_ARGUMENT or 404 NOT_FOUND.',
  },
  expectedError: [
    { httpStatus: 400, status: 'INVALID_ARGUMENT' },
    { httpStatus: 404, status: 'NOT_FOUND' },
  ],
});

conformanceTest(
  clause,
  'GetOperation of names outside the template answers 400 or 404',
  async (t) => {
    for (const name of t.malformedNames()) {
      t.expectDeclaredError(await t.client.get(name));
    }
  },
);
