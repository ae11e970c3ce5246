import { conformanceTest, defineClause, isJsonMediaType, rfcSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'GetOperation answers, and cancel answers with a body, carry a JSON media type',
  strength: 'SHOULD',
  quote: 'The media type for JSON text is application/json.',
  sources: [rfcSource(8259, '11'), rfcSource(9110, '8.3')],
  services: 'all',
  requires: 'control',
  calls: ['get', 'cancel'],
  method:
    'Reads a running operation and cancels it, and checks the Content-Type of every answer that has a body; parameters such as charset are fine.',
  meanings: {
    FAIL: 'An Operation or a non-empty cancel answer carries no Content-Type or a non-JSON one.',
  },
  derivation:
    'The bodies are the JSON encoding of google.longrunning.Operation and google.protobuf.Empty (AIP-127: the HTTP body is JSON as defined by the protocol buffers JSON encoding); RFC 8259 names the media type of JSON text.',
});

conformanceTest(clause, 'every answer with a body is labelled JSON', async (t) => {
  const name = await t.createOperation('running');
  const answers = [await t.client.get(name)];
  const cancel = await t.requestCancel(name);
  answers.push(cancel.result);
  for (const answer of answers.filter((result) => result.text !== '')) {
    const type = answer.headers.get('content-type');
    if (!isJsonMediaType(type)) {
      t.fail(
        `an answer ${answer.status} with a body carries Content-Type ${type ?? '(none)'}, not JSON`,
        {
          rootCause: `media-type-${type ?? 'none'}`,
        },
      );
    }
  }
});
