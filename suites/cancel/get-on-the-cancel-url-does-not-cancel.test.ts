import { conformanceTest, defineClause, describeOperation, rfcSource, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'A GET on the cancel URL is refused and cancels nothing',
  strength: 'SHOULD',
  quote:
    'Request methods are considered "safe" if their defined semantics are essentially read-only; i.e., the client does not request, and does not expect, any state change on the origin server as a result of applying a safe method to a target resource.',
  sources: [
    rfcSource(9110, '9.2.1'),
    // The pages' "HTTP request" line binds cancel to POST on this path.
    ...seedSources(
      'all',
      (profile) => profile.cancel.documentedHttpRule ?? profile.cancel.httpRule,
    ),
  ],
  services: 'all',
  requires: 'control',
  calls: ['get-on-cancel-url', 'get'],
  method:
    'Creates a running operation, sends GET to its `:cancel` URL, then reads the operation with GetOperation.',
  meanings: {
    FAIL: 'The GET was answered 2xx, or the operation was cancelled by it (a link prefetcher or crawler would cancel operations).',
  },
  derivation:
    'The pages bind cancel to POST only ("HTTP request: POST https://…:cancel"); a GET matches no binding, and GET is a safe method (RFC 9110), so it must neither succeed as a cancel nor change the operation.',
});

conformanceTest(
  clause,
  'GET {name}:cancel is refused and the operation is still running',
  async (t) => {
    const name = await t.createOperation('running');
    const answer = await t.client.send('GET', name, 'cancel');
    if (answer.status >= 200 && answer.status <= 299) {
      t.fail(`GET ${name}:cancel answered ${answer.status}: only POST is bound to cancel`, {
        rootCause: 'get-cancel-url-answers-2xx',
      });
    }
    const operation = await t.getOperation(name);
    if (operation.done === true) {
      t.fail(
        `GET ${name}:cancel changed the operation: it is now ${describeOperation(operation)}`,
        {
          rootCause: 'get-cancel-url-cancels',
        },
      );
    }
  },
);
