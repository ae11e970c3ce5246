import { aipSource, conformanceTest, defineClause, protoSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title:
    'Error answers are AIP-193 envelopes whose code is the HTTP status and whose status names the matching google.rpc.Code',
  strength: 'SHOULD',
  quote:
    'The most important difference is that the `code` field in the JSON is an HTTP status code, not the direct value of `google.rpc.Status.code`.',
  sources: [aipSource(193), protoSource('google/rpc/code.proto')],
  services: 'all',
  requires: 'nothing',
  calls: ['get', 'cancel'],
  method:
    'Sends requests the API routes, GetOperation and cancel for a well-formed name that cannot exist and, where the cancel binding reads a body, a cancel of it with an unknown body field, and checks every error answer: a JSON envelope, never HTML, whose `code` repeats the HTTP status and whose `status` is a google.rpc.Code mapped to it (google/rpc/code.proto). Malformed names are left to `errors/malformed-name-is-rejected`: a path no binding routes is answered by the front end, not the API.',
  meanings: {
    FAIL: 'An error answer is not an AIP-193 envelope (an HTML page, a bare message, another JSON shape), or its `code` or `status` disagree with the HTTP status.',
  },
});

conformanceTest(clause, 'every error answer to a probe is a consistent envelope', async (t) => {
  const unknown = await t.nonexistentName();
  const get = await t.client.get(unknown);
  if (get.status < 400) {
    t.fail(`GetOperation of the unknown name ${unknown} answered ${get.status}, not an error`);
  }
  const answers = [
    get,
    (await t.requestCancel(unknown)).result,
    ...(t.service.cancel.body === '*'
      ? [(await t.requestCancel(unknown, { body: { lroConformanceProbe: 1 } })).result]
      : []),
  ];
  for (const answer of answers.filter((result) => result.status >= 400)) {
    t.expectErrorEnvelope(answer);
  }
});
