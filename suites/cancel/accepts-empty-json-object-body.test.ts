import { conformanceTest, defineClause, protoSource, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'Cancel accepts the empty JSON object `{}` as its body',
  strength: 'MUST',
  quote: 'The request body must be empty.',
  sources: [...seedSources(), protoSource('google/longrunning/operations.proto')],
  services: 'all',
  requires: 'control',
  calls: ['cancel-body'],
  method:
    'Creates a running operation through the control endpoint and cancels it with the body `{}`, the JSON form of an empty CancelOperationRequest that clients send for bindings with `body: "*"`; then polls GetOperation until the cancel shows (every accepted cancel is followed through).',
  meanings: {
    FAIL: 'The cancel was refused (an answer other than 2xx or 501), it answered 501 although the same service accepted other cancels in the run, or the operation ended neither cancelled nor completed.',
    NOT_APPLICABLE:
      'Cancel answered 501 UNIMPLEMENTED and the service answered 501 to every cancel of the run: it does not support cancel.',
    INCONCLUSIVE:
      'The accepted cancel had not shown through GetOperation by the deadline: best effort, so this proves nothing either way (a server that takes a cancel with a body and changes nothing ends here).',
  },
  derivation:
    'The seeds require an empty request body; `{}` is the JSON encoding of the empty CancelOperationRequest message (google/longrunning/operations.proto), so a conforming server accepts it as empty.',
});

// `{}` is the JSON form of an empty CancelOperationRequest; google-gax's REST transport sends it
// for bindings with `body: "*"` (https://github.com/googleapis/gax-nodejs).
conformanceTest(clause, 'a cancel whose body is {} is accepted', async (t) => {
  const name = await t.createOperation('running');
  await t.cancelAccepted(name, { body: {} });
});
