import { aipSource, conformanceTest, defineClause } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'GetOperation and cancel of a well-formed but unknown name answer 404 NOT_FOUND',
  strength: 'SHOULD',
  quote:
    'If the user does have proper permission, but the requested resource or parent does not exist, the service must error with NOT_FOUND (HTTP 404).',
  sources: [aipSource(193, 'permission-denied'), aipSource(131)],
  services: 'all',
  requires: 'nothing',
  calls: ['get', 'cancel'],
  method:
    "Sends GetOperation and cancel for a well-formed name that cannot exist (under the caller's own parent in live runs).",
  meanings: {
    FAIL: 'An unknown name was answered with something other than 404 NOT_FOUND, or its cancel with 501 although the service accepts cancels.',
  },
  expectedError: { httpStatus: 404, status: 'NOT_FOUND' },
});

// A service without cancel may answer 501 before it looks the name up; whether it supports
// cancel is decided for the whole run (a 501 here fails if other cancels were accepted).
conformanceTest(clause, 'an unknown operation name answers a NOT_FOUND envelope', async (t) => {
  const name = await t.nonexistentName();
  t.expectDeclaredError(await t.client.get(name));
  const cancel = await t.requestCancel(name);
  if (cancel.kind !== 'unimplemented') t.expectDeclaredError(cancel.result);
});
