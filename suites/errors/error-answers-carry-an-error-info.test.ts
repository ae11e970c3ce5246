import { aipSource, conformanceTest, defineClause, protoSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'Error answers carry a google.rpc.ErrorInfo in their details',
  strength: 'SHOULD',
  quote: 'All error responses must include an ErrorInfo within details.',
  sources: [aipSource(193), protoSource('google/rpc/error_details.proto')],
  services: 'all',
  requires: 'nothing',
  calls: ['get', 'cancel'],
  method:
    "Sends requests the API routes, GetOperation and cancel for a well-formed name that cannot exist and, where the cancel binding reads a body, a cancel of it with an unknown body field, and reads each error envelope's `details`: one entry is a google.rpc.ErrorInfo with a reason (UPPER_SNAKE_CASE, at most 63 characters) and a domain. Malformed names are left out: a path no binding routes is answered by the front end, not the API.",
  meanings: {
    FAIL: 'An error envelope has no ErrorInfo in `details`, or its ErrorInfo has no well-formed reason or domain.',
  },
});

conformanceTest(clause, 'every error answer to a probe names its reason and domain', async (t) => {
  const unknown = await t.nonexistentName();
  const answers = [
    await t.client.get(unknown),
    (await t.requestCancel(unknown)).result,
    ...(t.service.cancel.body === '*'
      ? [(await t.requestCancel(unknown, { body: { lroConformanceProbe: 1 } })).result]
      : []),
  ];
  for (const answer of answers.filter((result) => result.status >= 400)) t.expectErrorInfo(answer);
});
