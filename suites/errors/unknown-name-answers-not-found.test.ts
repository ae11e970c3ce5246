import { aipSource, conformanceTest, defineClause } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'GetOperation and cancel of a well-formed but unknown name answer 404 NOT_FOUND',
  strength: 'SHOULD',
  quote:
    'If the user does have proper permission, but the requested resource does not exist, the service must error with NOT_FOUND (HTTP 404).',
  sources: [aipSource(131)],
  services: 'all',
  requires: 'nothing',
  method: 'Sends GetOperation and cancel for a well-formed name that cannot exist.',
  meanings: {
    FAIL: 'An unknown name was answered with something other than 404 NOT_FOUND, or its cancel with 501 although the service supports cancel.',
  },
  expectedError: { httpStatus: 404, status: 'NOT_FOUND' },
});

conformanceTest(clause, 'an unknown operation name answers a NOT_FOUND envelope', async (t) => {
  const name = t.nonexistentName();
  t.expectDeclaredError(await t.client.get(name));
  const cancel = await t.client.cancel(name);
  if (cancel.status === 501) return; // UNIMPLEMENTED may come before the lookup
  t.expectDeclaredError(cancel);
});
