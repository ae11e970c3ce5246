import { aipSource, conformanceTest, defineClause, protoSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title:
    'Error answers are AIP-193 envelopes whose code is the HTTP status and whose status names the matching google.rpc.Code',
  strength: 'SHOULD',
  quote: 'HTTP Mapping: 404 Not Found',
  sources: [aipSource(193), protoSource('google/rpc/code.proto')],
  services: 'all',
  requires: 'nothing',
  method:
    "Sends GetOperation for a well-formed name that cannot exist and checks the error answer's envelope.",
  meanings: {
    FAIL: 'The error answer is not an AIP-193 envelope whose `code` is the HTTP status and whose `status` names a google.rpc.Code mapped to that status.',
  },
});

conformanceTest(
  clause,
  'the error answer to an unknown name is a consistent envelope',
  async (t) => {
    const result = await t.client.get(t.nonexistentName());
    if (result.status < 400)
      t.fail(`GetOperation of an unknown name answered ${result.status}, not an error`);
    t.expectErrorEnvelope(result);
  },
);
