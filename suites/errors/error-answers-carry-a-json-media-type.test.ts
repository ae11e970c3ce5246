import { conformanceTest, defineClause, isJsonMediaType, rfcSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'Error answers carry a JSON media type',
  strength: 'SHOULD',
  quote: 'The media type for JSON text is application/json.',
  sources: [rfcSource(8259, '11'), rfcSource(9110, '8.3')],
  services: 'all',
  requires: 'nothing',
  calls: ['get', 'cancel'],
  method:
    'Sends GetOperation and cancel for a well-formed name that cannot exist and checks the Content-Type of each error answer; parameters such as charset are fine.',
  meanings: {
    FAIL: 'An error answer carries no Content-Type or a non-JSON one (text/html, text/plain, …), so clients cannot read the AIP-193 envelope as JSON.',
  },
  derivation:
    'AIP-193 returns errors "in the body of the response, as a JSON object" (HTTP/1.1+JSON representation); RFC 8259 names the media type of JSON text.',
});

conformanceTest(clause, 'every error answer to a probe is labelled JSON', async (t) => {
  const name = await t.nonexistentName();
  const answers = [await t.client.get(name), (await t.requestCancel(name)).result];
  for (const answer of answers.filter((result) => result.status >= 400)) {
    const type = answer.headers.get('content-type');
    if (!isJsonMediaType(type)) {
      t.fail(
        `an error answer ${answer.status} carries Content-Type ${type ?? '(none)'}, not JSON`,
        {
          rootCause: `error-media-type-${type ?? 'none'}`,
        },
      );
    }
  }
});
