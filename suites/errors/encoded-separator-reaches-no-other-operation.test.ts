import { conformanceTest, defineClause, describeOperation, protoSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title:
    'A `%2F` in a name is no separator: GetOperation and cancel of it never reach the operation with a `/` there',
  strength: 'SHOULD',
  quote: 'The server side does the reverse decoding, except "%2F" and "%2f" are left unchanged.',
  sources: [protoSource('google/api/http.proto')],
  services: 'all',
  requires: 'control',
  calls: ['get', 'cancel'],
  method:
    'Creates a running operation; for each `/` in its name sends GetOperation and cancel of the name with that `/` percent-encoded as `%2F`, then reads the operation itself.',
  meanings: {
    FAIL: 'A GetOperation or cancel of a name with an encoded separator was answered 2xx, or the operation itself was cancelled by one: the server decoded `%2F` into a separator and addressed another operation.',
  },
  derivation:
    'Every binding of the five services is a multi-segment variable (`{name=accounts/*/apps/*/operations/*}`, `{name=operations/**}`), whose value a server decodes except `%2F` (google/api/http.proto). A `%2F` therefore stays inside one segment: the name does not fit a template of single segments, or names an operation other than the one with a `/` there. Decoding it first lets a name reach an operation it does not name.',
});

conformanceTest(
  clause,
  'names with an encoded separator reach neither the operation nor its cancel',
  async (t) => {
    const name = await t.createOperation('running');
    for (const probe of t.encodedSeparatorNames(name)) {
      const options = { pathName: probe.pathName };
      const get = await t.client.get(probe.name, options);
      if (get.status >= 200 && get.status <= 299) {
        t.fail(
          `GetOperation of ${probe.pathName} answered ${get.status}: ${get.text.slice(0, 200)}; the %2F was read as a separator (the name differs from ${name})`,
          { rootCause: 'encoded-separator-decoded' },
        );
      }
      const cancel = await t.requestCancel(probe.name, options);
      if (cancel.kind === 'accepted') {
        t.fail(
          `a cancel of ${probe.pathName} was accepted (${cancel.result.status}); the %2F was read as a separator (the name differs from ${name})`,
          { rootCause: 'encoded-separator-decoded' },
        );
      }
    }
    const operation = await t.getOperation(name);
    if (operation.done === true) {
      t.fail(
        `after cancels of names with an encoded separator, ${name} is ${describeOperation(operation)}: one of them reached it`,
        { rootCause: 'encoded-separator-decoded' },
      );
    }
  },
);
